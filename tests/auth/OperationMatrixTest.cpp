// Every gated operation, called as every built-in role: allowed exactly when the role holds the
// permission the central table names. An operation added to the enum without a table entry, or
// without an invoker here, fails.

#include "auth/Operation.h"
#include "auth/Role.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/audit/AuditLog.h"
#include "services/history/HistoryImporter.h"
#include "services/orders/OrderService.h"
#include "services/privacy/PiiVault.h"
#include "services/routing/RoutingConfigService.h"
#include "services/search/SearchService.h"

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

using Invoker = std::function<Status(TestBackend&, const auth::Actor&)>;

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
         [](TestBackend& b, const auth::Actor& a) {
             QBuffer buffer;
             buffer.setData(
                 R"({"type":"message","conversation":"c9","buyer":"b","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗"})");
             buffer.open(QIODevice::ReadOnly);
             return status(b->importer().import(a, buffer, {}));
         }},
        {Operation::HistorySearch,
         [](TestBackend& b, const auth::Actor& a) {
             return status(b->search().search(a, {QStringLiteral("在"), {}, {}, 10, {}}));
         }},
        {Operation::OrderView,
         [](TestBackend& b, const auth::Actor& a) {
             return status(b->orders().find(a, QStringLiteral("sim"), QStringLiteral("T1")));
         }},
        {Operation::BuyerPiiReveal,
         [](TestBackend& b, const auth::Actor& a) {
             return status(b->orders().revealReceiver(a, QStringLiteral("sim"), QStringLiteral("T1")));
         }},
        {Operation::AccountList, [](TestBackend& b, const auth::Actor& a) { return status(b->accounts().list(a)); }},
        {Operation::AccountCreate,
         [](TestBackend& b, const auth::Actor& a) {
             return status(b->accounts().create(
                 a, {unique("new"), QStringLiteral("new-pass-1"), {QStringLiteral("trainee")}, {}, {}}));
         }},
        {Operation::AccountResetPassword,
         [](TestBackend& b, const auth::Actor& a) {
             return b->accounts().resetPassword(a, target(b), QStringLiteral("reset-pass-1"));
         }},
        {Operation::AccountSetRoles,
         [](TestBackend& b, const auth::Actor& a) {
             return b->accounts().setRoles(a, target(b), {QStringLiteral("trainee")});
         }},
        {Operation::AccountDisable,
         [](TestBackend& b, const auth::Actor& a) { return b->accounts().setDisabled(a, target(b), true); }},
        {Operation::AccountEnable,
         [](TestBackend& b, const auth::Actor& a) { return b->accounts().setDisabled(a, target(b), false); }},
        {Operation::AccountDelete,
         [](TestBackend& b, const auth::Actor& a) { return b->accounts().remove(a, target(b), true); }},
        {Operation::SettingsChange,
         [](TestBackend& b, const auth::Actor& a) {
             return b->accounts().setLoginPolicy(a, {5, 15});
         }},
        {Operation::RoleList, [](TestBackend& b, const auth::Actor& a) { return status(b->roles().list(a)); }},
        {Operation::RoleCreate,
         [](TestBackend& b, const auth::Actor& a) {
             return b->roles().create(a, unique("made"), auth::PermissionSet{auth::Permission::ChatRead});
         }},
        {Operation::RoleEdit,
         [](TestBackend& b, const auth::Actor& a) {
             return b->roles().edit(a, customRole(b), auth::PermissionSet{auth::Permission::ChatRead});
         }},
        {Operation::RoleDelete,
         [](TestBackend& b, const auth::Actor& a) { return b->roles().remove(a, customRole(b)); }},
        {Operation::AuditList,
         [](TestBackend& b, const auth::Actor& a) { return status(b->audit().list(a, b->gate(), {})); }},
        {Operation::AuditVerify,
         [](TestBackend& b, const auth::Actor& a) { return status(b->audit().verify(a, b->gate())); }},
        {Operation::RoutingConfigure,
         [](TestBackend& b, const auth::Actor& a) {
             return b->routing().save(a, routing::Settings{}, {{QStringLiteral("presales"), 3}});
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

    const auto calls = invokers();
    int checked = 0;
    for (const auth::Role& role : auth::builtinRoles()) {
        const auth::Actor actor = role.name == auth::kOwnerRole ? b.owner() : b.account(unique("as-"), {role.name});
        ASSERT_TRUE(actor.id.isValid());
        for (const auth::OperationInfo& op : auth::operationTable()) {
            const Status st = calls.at(op.operation)(b, actor);
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
