// Every operation of the central table, reads and writes, called through the session (the door the
// workbench and shopdeskctl have) as every built-in role: allowed exactly when the role holds the
// permission the table names. An operation added to the enum without a table entry, or without an
// invoker here, fails.

#include "auth/Operation.h"
#include "auth/Role.h"
#include "backend/LiveShop.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/privacy/PiiVault.h"
#include "session/AuditTrail.h"
#include "session/Chats.h"
#include "session/History.h"
#include "session/Orders.h"
#include "session/Phrases.h"
#include "session/Reports.h"
#include "session/Simulation.h"
#include "session/Team.h"

#include "support/Await.h"
#include "support/TempStore.h"
#include "support/TestBackend.h"
#include "support/TestSession.h"

#include <QBuffer>

#include <gtest/gtest.h>

#include <functional>
#include <map>

using namespace shopdesk;
using namespace shopdesk::test;
using auth::Operation;

namespace {

struct Env {
    TestBackend& b;
    TestShop& shop;
};

using Invoker = std::function<Status(Env&, session::ShopSession&)>;

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

/// Routes `buyer`'s conversation to `agent` (as the platform would), so that chat actions meet
/// their own buyer and only the permission decides.
void assign(TestBackend& b, const QString& buyer, const QString& agent)
{
    SessionEvent e;
    e.eventId = unique("assign-");
    e.conversationKey = QStringLiteral("c-") + buyer;
    e.buyerNick = buyer;
    e.kind = SessionEvent::Kind::Assigned;
    e.agent = agent;
    e.reason = QStringLiteral("free");
    e.at = b.clock().now();
    ingestAndWait(b->store().history(), {e});
}

std::map<Operation, Invoker> invokers()
{
    using S = session::ShopSession;
    const QString sim = QStringLiteral("sim");
    return {
        {Operation::HistoryImport,
         [](Env&, S& s) {
             QBuffer buffer;
             buffer.setData(
                 R"({"type":"message","conversation":"c9","buyer":"b","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗"})");
             buffer.open(QIODevice::ReadOnly);
             return status(await(s.history().import(buffer, {})));
         }},
        {Operation::HistorySearch,
         [](Env&, S& s) {
             return status(s.history().search({QStringLiteral("在"), {}, {}, 10, {}}).result());
         }},
        {Operation::HistoryRecords,
         [sim](Env&, S& s) { return status(s.history().records(sim, QStringLiteral("tb_a"), {}, 10).result()); }},
        {Operation::OrderView, [sim](Env&, S& s) { return status(s.orders().find(sim, QStringLiteral("T1"))); }},
        {Operation::BuyerPiiReveal,
         [sim](Env&, S& s) { return status(await(s.orders().reveal(sim, QStringLiteral("T1")))); }},
        {Operation::AccountList, [](Env&, S& s) { return status(s.team().accounts()); }},
        {Operation::AccountCreate,
         [](Env&, S& s) {
             return status(await(s.team().createAccount(
                 {unique("new"), QStringLiteral("new-pass-1"), {QStringLiteral("trainee")}, {}, {}})));
         }},
        {Operation::AccountResetPassword,
         [](Env& e, S& s) { return await(s.team().resetPassword(target(e.b), QStringLiteral("reset-pass-1"))); }},
        {Operation::AccountSetRoles,
         [](Env& e, S& s) { return await(s.team().setRoles(target(e.b), {QStringLiteral("trainee")})); }},
        {Operation::AccountDisable, [](Env& e, S& s) { return await(s.team().setDisabled(target(e.b), true)); }},
        {Operation::AccountEnable, [](Env& e, S& s) { return await(s.team().setDisabled(target(e.b), false)); }},
        {Operation::AccountUnlock, [](Env& e, S& s) { return await(s.team().unlock(target(e.b))); }},
        {Operation::AccountDelete, [](Env& e, S& s) { return await(s.team().removeAccount(target(e.b), true)); }},
        {Operation::SettingsChange,
         [](Env&, S& s) {
             return await(s.team().setSetting(QStringLiteral("login.max_failures"), QStringLiteral("5")));
         }},
        {Operation::SettingsView, [](Env&, S& s) { return status(s.team().settings()); }},
        {Operation::RoleList, [](Env&, S& s) { return status(s.team().roles()); }},
        {Operation::RoleCreate,
         [](Env&, S& s) {
             return await(s.team().createRole(unique("made"), auth::PermissionSet{auth::Permission::ChatRead}));
         }},
        {Operation::RoleEdit,
         [](Env& e, S& s) {
             return await(s.team().editRole(customRole(e.b), auth::PermissionSet{auth::Permission::ChatRead}));
         }},
        {Operation::RoleDelete, [](Env& e, S& s) { return await(s.team().removeRole(customRole(e.b))); }},
        {Operation::AuditList, [](Env&, S& s) { return status(s.audit().list({})); }},
        {Operation::AuditVerify, [](Env&, S& s) { return status(await(s.audit().verify())); }},
        {Operation::AuditReanchor, [](Env&, S& s) { return await(s.audit().reanchor(true)); }},
        {Operation::RoutingConfigure,
         [](Env&, S& s) {
             return await(s.team().saveRouting(routing::Settings{}, {{QStringLiteral("presales"), 3}}));
         }},
        {Operation::ChatRead, [](Env& e, S& s) { return status(s.chats().mine(e.b.clock().now().addSecs(-3600))); }},
        {Operation::ChatReply,
         [](Env&, S& s) { return await(s.chats().send(QStringLiteral("tb_a"), QStringLiteral("您好"))); }},
        {Operation::ChatOrderCard,
         [](Env&, S& s) { return await(s.chats().sendOrderCard(QStringLiteral("tb_a"), QStringLiteral("T1"))); }},
        {Operation::ChatTransfer,
         [](Env&, S& s) {
             return await(s.chats().transfer(QStringLiteral("tb_a"), {}, QStringLiteral("presales"), {}));
         }},
        {Operation::ChatClose, [](Env&, S& s) { return await(s.chats().close(QStringLiteral("tb_a"), {}, false)); }},
        {Operation::ChatDraft,
         [sim](Env&, S& s) {
             return await(s.chats().saveDraft(sim, QStringLiteral("tb_a"), QStringLiteral("还在写")));
         }},
        {Operation::ShopTextsEdit,
         [](Env&, S& s) {
             return await(s.team().setSetting(QStringLiteral("text.closing_line"), QStringLiteral("感谢光临~")));
         }},
        {Operation::ChatSupervise,
         // A colleague's buyer: with chat.supervise the session lets it through (the platform then
         // refuses a message into another agent's chat), without it the session refuses.
         [](Env&, S& s) { return await(s.chats().send(QStringLiteral("tb_other"), QStringLiteral("您好"))); }},
        {Operation::OrderRemark,
         [](Env&, S& s) { return await(s.orders().setRemark(QStringLiteral("T1"), QStringLiteral("备注"), 1)); }},
        {Operation::OrderAddressModify,
         [](Env&, S& s) {
             return await(
                 s.orders().modifyAddress(QStringLiteral("T1"), {QStringLiteral("李四"), QStringLiteral("13912345678"),
                                                                 QStringLiteral("上海市浦东新区世纪大道1号")}));
         }},
        {Operation::OrderPriceModify,
         [](Env&, S& s) { return await(s.orders().modifyPrice(QStringLiteral("T1"), 1)); }},
        {Operation::OrderLogistics,
         [sim](Env&, S& s) { return status(s.orders().storedTrace(sim, QStringLiteral("T1"))); }},
        {Operation::RefundView,
         [sim](Env&, S& s) { return status(s.orders().refundsOfBuyer(sim, QStringLiteral("tb_a"))); }},
        {Operation::RefundAgree, [](Env&, S& s) { return await(s.orders().agreeRefund(QStringLiteral("R1"))); }},
        {Operation::RefundRefuse,
         [](Env&, S& s) { return await(s.orders().refuseRefund(QStringLiteral("R1"), QStringLiteral("已发货"))); }},
        {Operation::SimConfigure,
         [](Env&, S& s) { return await(s.team().setSetting(QStringLiteral("sim.bots"), QStringLiteral("3"))); }},
        {Operation::SimRun,
         [](Env&, S& s) {
             session::SimRunOptions o;
             o.minutes = 1;
             o.speed = 0;
             o.agents = 1;
             o.buyersPerMinute = 0;
             return status(await(s.simulation().run(o)));
         }},
        {Operation::QuickReplyView, [](Env&, S& s) { return status(s.phrases().mine()); }},
        {Operation::QuickReplyPersonalEdit,
         [](Env&, S& s) {
             QuickReply p;
             p.scope = QuickReply::Scope::Personal;
             p.code = unique("p");
             p.text = QStringLiteral("亲，在的");
             return status(await(s.phrases().save(p)));
         }},
        {Operation::QuickReplyTeamEdit,
         [](Env&, S& s) {
             QuickReply p;
             p.scope = QuickReply::Scope::Team;
             p.code = unique("t");
             p.text = QStringLiteral("亲，今天下单明天发货");
             return status(await(s.phrases().save(p)));
         }},
        {Operation::BuyerNotesView,
         [sim](Env&, S& s) { return status(s.buyers().notes(sim, QStringLiteral("tb_a"))); }},
        {Operation::BuyerNotesEdit,
         [sim](Env&, S& s) {
             return await(s.buyers().setNotes(sim, QStringLiteral("tb_a"),
                                              BuyerNotes{QStringLiteral("VIP"), {QStringLiteral("老客户")}}));
         }},
        {Operation::HistoryDelete,
         [sim](Env&, S& s) { return status(await(s.history().remove(sim, unique("tb_gone"), {MessageId(1)}))); }},
        {Operation::FollowUpConfigure,
         [](Env&, S& s) {
             return await(s.team().setSetting(QStringLiteral("followup.unpaid_hours"), QStringLiteral("12")));
         }},
        {Operation::FollowUpView, [](Env&, S& s) { return status(s.orders().followUps()); }},
        {Operation::ReportAgents,
         [](Env&, S& s) {
             return status(await(s.reports().agents(Timestamp::fromSecs(0), Timestamp::fromSecs(86400), 120)));
         }},
        {Operation::QueueMonitor,
         [](Env& e, S& s) { return status(s.chats().liveQueue(e.b.clock().now().addSecs(-3600))); }},
        {Operation::ReviewReply,
         [](Env&, S& s) { return await(s.orders().replyReview(QStringLiteral("T1"), QStringLiteral("谢谢亲"))); }},
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

TEST(OperationMatrix, EveryRoleMayReadAndDoExactlyWhatItsPermissionsAllowThroughTheSession)
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
    assign(b, QStringLiteral("tb_other"), QStringLiteral("别人"));

    TestShop shop(b);
    auto owner = shop.owner();
    ASSERT_TRUE(owner);
    ASSERT_TRUE(shop->connectPlatform(*owner, TestShop::manualSim(1, 1, 0)).ok());
    Env env{b, shop};

    const auto calls = invokers();
    int checked = 0;
    for (const auth::Role& role : auth::builtinRoles()) {
        auto session = role.name == auth::kOwnerRole ? owner : shop.account(unique("as-"), {role.name});
        ASSERT_TRUE(session);
        for (const auth::OperationInfo& op : auth::operationTable()) {
            // The buyer of the chat actions is the acting account's own (ownership is tested apart).
            assign(b, QStringLiteral("tb_a"), session->me().name);
            const Status st = calls.at(op.operation)(env, *session);
            const bool refused = !st.ok() && st.error().code == ErrorCode::NotAllowed;
            // Accepting a restored audit log is also the main account's alone.
            const bool held = role.permissions.contains(op.required) &&
                              (op.operation != Operation::AuditReanchor || role.name == auth::kOwnerRole);
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
