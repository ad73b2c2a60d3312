// Every gated operation, called as every built-in role: allowed exactly when the role holds the
// permission the central table names. An operation added to the enum without a table entry, or
// without an invoker here, fails.

#include "auth/Operation.h"
#include "auth/Role.h"
#include "backend/LiveShop.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/audit/AuditLog.h"
#include "services/chat/ChatService.h"
#include "services/history/HistoryImporter.h"
#include "services/orders/OrderActionService.h"
#include "services/orders/OrderService.h"
#include "services/privacy/PiiVault.h"
#include "services/quickreply/QuickReplyService.h"
#include "services/reports/AgentReportService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/search/SearchService.h"
#include "services/settings/SimSettingsService.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/FollowUpService.h"

#include "support/Await.h"
#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <QBuffer>

#include <gtest/gtest.h>

#include <functional>
#include <map>

using namespace shopdesk;
using namespace shopdesk::test;
using auth::Operation;

namespace {

/// A backend connected to a quiet simulated shop.
struct Env {
    TestBackend& b;
    std::unique_ptr<LiveShop> live;
};

using Invoker = std::function<Status(Env&, const auth::Actor&)>;

template <typename T>
Status status(const Result<T>& r)
{
    return r.ok() ? Status() : Status(r.error());
}

int counter = 0;
QString unique(const char* prefix)
{
    return QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(++counter);
}

/// A fresh trainee account for operations that manage someone.
QString target(TestBackend& b)
{
    const QString name = unique("target");
    EXPECT_TRUE(b->accounts()
                    .create(b.owner(), {name, QStringLiteral("target-pass"), {QStringLiteral("trainee")}, {}, {}})
                    .ok());
    return name;
}

QString customRole(TestBackend& b)
{
    const QString name = unique("role");
    EXPECT_TRUE(b->roles().create(b.owner(), name, auth::PermissionSet{auth::Permission::ChatRead}).ok());
    return name;
}

std::map<Operation, Invoker> invokers()
{
    return {
        {Operation::HistoryImport,
         [](Env& e, const auth::Actor& a) {
             QBuffer buffer;
             buffer.setData(
                 R"({"type":"message","conversation":"c9","buyer":"b","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗"})");
             buffer.open(QIODevice::ReadOnly);
             return status(e.b->importer().import(a, buffer, {}));
         }},
        {Operation::HistorySearch,
         [](Env& e, const auth::Actor& a) {
             return status(e.b->search().search(a, {QStringLiteral("在"), {}, {}, 10, {}}));
         }},
        {Operation::OrderView,
         [](Env& e, const auth::Actor& a) {
             return status(e.b->orders().find(a, QStringLiteral("sim"), QStringLiteral("T1")));
         }},
        {Operation::BuyerPiiReveal,
         [](Env& e, const auth::Actor& a) {
             return status(e.b->orders().revealReceiver(a, QStringLiteral("sim"), QStringLiteral("T1")));
         }},
        {Operation::AccountList, [](Env& e, const auth::Actor& a) { return status(e.b->accounts().list(a)); }},
        {Operation::AccountCreate,
         [](Env& e, const auth::Actor& a) {
             return status(e.b->accounts().create(
                 a, {unique("new"), QStringLiteral("new-pass-1"), {QStringLiteral("trainee")}, {}, {}}));
         }},
        {Operation::AccountResetPassword,
         [](Env& e, const auth::Actor& a) {
             return e.b->accounts().resetPassword(a, target(e.b), QStringLiteral("reset-pass-1"));
         }},
        {Operation::AccountSetRoles,
         [](Env& e, const auth::Actor& a) {
             return e.b->accounts().setRoles(a, target(e.b), {QStringLiteral("trainee")});
         }},
        {Operation::AccountDisable,
         [](Env& e, const auth::Actor& a) { return e.b->accounts().setDisabled(a, target(e.b), true); }},
        {Operation::AccountEnable,
         [](Env& e, const auth::Actor& a) { return e.b->accounts().setDisabled(a, target(e.b), false); }},
        {Operation::AccountDelete,
         [](Env& e, const auth::Actor& a) { return e.b->accounts().remove(a, target(e.b), true); }},
        {Operation::SettingsChange,
         [](Env& e, const auth::Actor& a) {
             return e.b->accounts().setLoginPolicy(a, {5, 15});
         }},
        {Operation::RoleList, [](Env& e, const auth::Actor& a) { return status(e.b->roles().list(a)); }},
        {Operation::RoleCreate,
         [](Env& e, const auth::Actor& a) {
             return e.b->roles().create(a, unique("made"), auth::PermissionSet{auth::Permission::ChatRead});
         }},
        {Operation::RoleEdit,
         [](Env& e, const auth::Actor& a) {
             return e.b->roles().edit(a, customRole(e.b), auth::PermissionSet{auth::Permission::ChatRead});
         }},
        {Operation::RoleDelete, [](Env& e, const auth::Actor& a) { return e.b->roles().remove(a, customRole(e.b)); }},
        {Operation::AuditList,
         [](Env& e, const auth::Actor& a) { return status(e.b->audit().list(a, e.b->gate(), {})); }},
        {Operation::AuditVerify,
         [](Env& e, const auth::Actor& a) { return status(e.b->audit().verify(a, e.b->gate())); }},
        {Operation::RoutingConfigure,
         [](Env& e, const auth::Actor& a) {
             return e.b->routing().save(a, routing::Settings{}, {{QStringLiteral("presales"), 3}});
         }},
        {Operation::ChatReply,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->chat().send(a, QStringLiteral("tb_a"), QStringLiteral("您好")));
         }},
        {Operation::ChatOrderCard,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->chat().sendOrderCard(a, QStringLiteral("tb_a"), QStringLiteral("T1")));
         }},
        {Operation::ChatTransfer,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->chat().transfer(a, QStringLiteral("tb_a"), {}, QStringLiteral("presales"), {}));
         }},
        {Operation::ChatClose,
         [](Env& e, const auth::Actor& a) { return await(e.live->chat().close(a, QStringLiteral("tb_a"), {})); }},
        {Operation::OrderRemark,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->orderActions().setRemark(a, QStringLiteral("T1"), QStringLiteral("备注"), 1));
         }},
        {Operation::OrderAddressModify,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->orderActions().modifyAddress(
                 a, QStringLiteral("T1"),
                 {QStringLiteral("李四"), QStringLiteral("13912345678"), QStringLiteral("上海市浦东新区世纪大道1号")}));
         }},
        {Operation::OrderPriceModify,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->orderActions().modifyPrice(a, QStringLiteral("T1"), 1));
         }},
        {Operation::OrderLogistics,
         [](Env& e, const auth::Actor& a) {
             return status(await(e.live->orderActions().logistics(a, QStringLiteral("T1"))));
         }},
        {Operation::RefundView,
         [](Env& e, const auth::Actor& a) { return status(e.live->orderActions().refunds(a, QStringLiteral("T1"))); }},
        {Operation::RefundAgree,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->orderActions().agreeRefund(a, QStringLiteral("R1")));
         }},
        {Operation::RefundRefuse,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->orderActions().refuseRefund(a, QStringLiteral("R1"), QStringLiteral("已发货")));
         }},
        {Operation::SimConfigure,
         [](Env& e, const auth::Actor& a) {
             return e.b->simSettings().save(a, SimSettings{3, 12, 1});
         }},
        {Operation::QuickReplyPersonalEdit,
         [](Env& e, const auth::Actor& a) {
             QuickReply p;
             p.scope = QuickReply::Scope::Personal;
             p.code = unique("p");
             p.text = QStringLiteral("亲，在的");
             return status(e.b->quickReplies().save(a, p));
         }},
        {Operation::QuickReplyTeamEdit,
         [](Env& e, const auth::Actor& a) {
             QuickReply p;
             p.scope = QuickReply::Scope::Team;
             p.code = unique("t");
             p.text = QStringLiteral("亲，今天下单明天发货");
             return status(e.b->quickReplies().save(a, p));
         }},
        {Operation::BuyerNotesEdit,
         [](Env& e, const auth::Actor& a) {
             return e.b->buyers().setNotes(a, QStringLiteral("sim"), QStringLiteral("tb_a"),
                                           BuyerNotes{QStringLiteral("VIP"), {QStringLiteral("老客户")}});
         }},
        {Operation::HistoryDelete,
         [](Env& e, const auth::Actor& a) {
             return status(e.b->buyers().deleteHistory(a, QStringLiteral("sim"), unique("tb_gone"), {}));
         }},
        {Operation::FollowUpConfigure,
         [](Env& e, const auth::Actor& a) {
             return e.b->followUps().set(a, QStringLiteral("followup.unpaid_hours"), QStringLiteral("12"));
         }},
        {Operation::ReportAgents,
         [](Env& e, const auth::Actor& a) {
             return status(e.b->reports().agents(a, Timestamp::fromSecs(0), Timestamp::fromSecs(86400)));
         }},
        {Operation::QueueMonitor,
         [](Env& e, const auth::Actor& a) { return status(await(e.live->chat().teamStatus(a))); }},
        {Operation::ReviewReply,
         [](Env& e, const auth::Actor& a) {
             return await(e.live->orderActions().replyReview(a, QStringLiteral("T1"), QStringLiteral("谢谢亲")));
         }},
    };
}

} // namespace

TEST(OperationMatrix, EveryOperationHasATableEntryAndAnInvoker)
{
    const auto calls = invokers();
    for (int i = 0; i < static_cast<int>(Operation::Count); ++i) {
        const auto op = static_cast<Operation>(i);
        EXPECT_NO_THROW(auth::operationInfo(op)) << "operation " << i << " is missing from the permission table";
        EXPECT_TRUE(calls.count(op)) << "operation " << auth::operationInfo(op).name << " has no invoker in this test";
    }
    EXPECT_EQ(auth::operationTable().size(), static_cast<std::size_t>(Operation::Count));
}

TEST(OperationMatrix, EveryRoleMayDoExactlyWhatItsPermissionsAllow)
{
    TestBackend b;
    Order order;
    order.orderNo = QStringLiteral("T1");
    order.buyerNick = QStringLiteral("tb_a");
    order.createdAt = b.clock().now();
    order.receiver.emplace(
        Receiver{QStringLiteral("张三"), QStringLiteral("13812345678"), QStringLiteral("浙江省杭州市西湖区1号")});
    b->vault().seal(order);
    ingestAndWait(b->store().history(), {order});

    LiveShop::Options options;
    options.sim.bots = 1;
    options.sim.buyersPerMinute = 0;
    auto live = LiveShop::open(*b, options, platform::IngestPipeline::Mode::Manual);
    ASSERT_TRUE(live) << live.error().message.toStdString();
    Env env{b, std::move(*live)};

    const auto calls = invokers();
    int checked = 0;
    for (const auth::Role& role : auth::builtinRoles()) {
        const auth::Actor actor = role.name == auth::kOwnerRole ? b.owner() : b.account(unique("as-"), {role.name});
        ASSERT_TRUE(actor.id.isValid());
        for (const auth::OperationInfo& op : auth::operationTable()) {
            const Status st = calls.at(op.operation)(env, actor);
            const bool refused = !st.ok() && st.error().code == ErrorCode::NotAllowed;
            const bool held = role.permissions.contains(op.required);
            EXPECT_EQ(!refused, held) << role.name.toStdString() << " / " << op.name << ": "
                                      << (st.ok() ? "ok" : st.error().message.toStdString());
            ++checked;
        }
    }
    EXPECT_EQ(checked, static_cast<int>(auth::builtinRoles().size() * auth::operationTable().size()));
}

TEST(OperationMatrix, AnAccountWithoutALoginHasNoPermissions)
{
    TestBackend b;
    auth::Actor nobody;
    nobody.permissions = auth::PermissionSet::all(); // even claiming everything: no valid id, no access
    auto r = b->accounts().list(nobody);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::NotAllowed);
}
