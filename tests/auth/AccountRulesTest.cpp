#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/audit/AuditLog.h"
#include "services/search/SearchService.h"

#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace shopdesk;
using namespace shopdesk::test;
using auth::Permission;
using auth::PermissionSet;

namespace {

bool refused(const Status& st)
{
    return !st.ok() && st.error().code == ErrorCode::NotAllowed;
}

template <typename T>
bool refused(const Result<T>& r)
{
    return !r.ok() && r.error().code == ErrorCode::NotAllowed;
}

std::vector<AuditRecord> auditOf(TestBackend& b, const QString& actionPrefix)
{
    AuditQuery q;
    q.actionPrefix = actionPrefix;
    q.limit = 1000;
    b->store().writer().flush();
    auto records = b->audit().list(b.owner(), b->gate(), q);
    EXPECT_TRUE(records.ok());
    return records.ok() ? *records : std::vector<AuditRecord>();
}

} // namespace

TEST(AccountRules, ASupervisorMadeCustomRoleCannotEscalate)
{
    TestBackend b;
    const auth::Actor supervisor = b.account(QStringLiteral("主管"), {QStringLiteral("supervisor")});
    // The supervisor makes a team-lead role: chats and account management, nothing about orders.
    ASSERT_TRUE(b->roles()
                    .create(supervisor, QStringLiteral("组长"),
                            *PermissionSet::parse(QStringLiteral("chat.*,account.manage,quickreply.personal")))
                    .ok());
    ASSERT_TRUE(b->roles().create(supervisor, QStringLiteral("聊天"), PermissionSet{Permission::ChatRead}).ok());
    ASSERT_TRUE(b->accounts()
                    .create(supervisor,
                            {QStringLiteral("组长A"), QStringLiteral("lead-pass-1"), {QStringLiteral("组长")}, {}, {}})
                    .ok());
    auto leadSession = b->accounts().login(QStringLiteral("组长A"), QStringLiteral("lead-pass-1"));
    ASSERT_TRUE(leadSession.ok());
    const auth::Actor lead = *leadSession;

    // Assigning a role that grants more than the lead holds.
    auto withPresales = b->accounts().create(
        lead, {QStringLiteral("x1"), QStringLiteral("x1-pass-1"), {QStringLiteral("presales")}, {}, {}});
    EXPECT_TRUE(refused(withPresales));
    EXPECT_TRUE(withPresales.error().message.contains(QStringLiteral("order.view")));
    // Creating a role with permissions the lead lacks.
    EXPECT_TRUE(refused(b->roles().create(lead, QStringLiteral("偷权"), PermissionSet{Permission::RefundAgree})));
    // The lead lacks role.manage altogether.
    EXPECT_TRUE(refused(b->roles().create(lead, QStringLiteral("偷权2"), PermissionSet{Permission::ChatRead})));
    // Assigning a role within its own permissions works.
    ASSERT_TRUE(b->accounts()
                    .create(lead, {QStringLiteral("x2"), QStringLiteral("x2-pass-1"), {QStringLiteral("聊天")}, {}, {}})
                    .ok());
    // Managing an account with more permissions (a trainee has order.view) is refused...
    ASSERT_TRUE(
        b->accounts()
            .create(supervisor,
                    {QStringLiteral("实习"), QStringLiteral("trainee-pass"), {QStringLiteral("trainee")}, {}, {}})
            .ok());
    EXPECT_TRUE(refused(b->accounts().resetPassword(lead, QStringLiteral("实习"), QStringLiteral("stolen-pass"))));
    EXPECT_TRUE(refused(b->accounts().setDisabled(lead, QStringLiteral("实习"), true)));
    EXPECT_TRUE(refused(b->accounts().remove(lead, QStringLiteral("实习"), true)));
    EXPECT_TRUE(refused(b->accounts().setRoles(lead, QStringLiteral("实习"), {QStringLiteral("聊天")})));
    // ...of its own level is allowed.
    EXPECT_TRUE(b->accounts().resetPassword(lead, QStringLiteral("x2"), QStringLiteral("x2-new-pass")).ok());
    // Promoting oneself through a role edit is refused too (needs role.manage and subset rules).
    EXPECT_TRUE(refused(b->roles().edit(lead, QStringLiteral("组长"), PermissionSet::all())));
    // The supervisor cannot edit a role to grant what it lacks either... it holds everything, so
    // check the rule directly: a role made of permissions outside the editor's set is refused.
    const auth::Actor chatOnlyAdmin = [&] {
        EXPECT_TRUE(b->roles()
                        .create(supervisor, QStringLiteral("角色管理员"),
                                *PermissionSet::parse(QStringLiteral("role.manage,chat.read")))
                        .ok());
        return b.account(QStringLiteral("管理员"), {QStringLiteral("角色管理员")});
    }();
    EXPECT_TRUE(refused(b->roles().edit(chatOnlyAdmin, QStringLiteral("组长"), PermissionSet{Permission::ChatRead})));
    EXPECT_TRUE(refused(b->roles().remove(chatOnlyAdmin, QStringLiteral("组长"))));
    EXPECT_TRUE(b->roles().edit(chatOnlyAdmin, QStringLiteral("聊天"), PermissionSet{Permission::ChatRead}).ok());

    EXPECT_GE(auditOf(b, QStringLiteral("permission.denied")).size(), 9u);
}

TEST(AccountRules, TheMainAccountIsProtectedFromEveryoneElse)
{
    TestBackend b;
    const auth::Actor supervisor = b.account(QStringLiteral("主管"), {QStringLiteral("supervisor")});
    EXPECT_TRUE(
        refused(b->accounts().resetPassword(supervisor, QStringLiteral("店长"), QStringLiteral("taken-over-1"))));
    EXPECT_TRUE(refused(b->accounts().setDisabled(supervisor, QStringLiteral("店长"), true)));
    EXPECT_TRUE(refused(b->accounts().remove(supervisor, QStringLiteral("测试旗舰店:店长"), true)));
    EXPECT_TRUE(refused(b->accounts().setRoles(supervisor, QStringLiteral("店长"), {QStringLiteral("trainee")})));
    // Nobody else can be made owner, not even by the owner.
    EXPECT_TRUE(refused(b->accounts().create(
        b.owner(), {QStringLiteral("二当家"), QStringLiteral("second-pass"), {QStringLiteral("owner")}, {}, {}})));
    EXPECT_TRUE(refused(b->accounts().setRoles(b.owner(), QStringLiteral("主管"), {QStringLiteral("owner")})));
    // The owner cannot lock itself out either.
    EXPECT_FALSE(b->accounts().setDisabled(b.owner(), QStringLiteral("店长"), true).ok());
    // The owner still logs in and changes its own password.
    EXPECT_TRUE(b->accounts()
                    .changeOwnPassword(b.owner(), QString::fromLatin1(TestBackend::kOwnerPassword),
                                       QStringLiteral("owner-pass-2"))
                    .ok());
    EXPECT_TRUE(b->accounts().login(QStringLiteral("店长"), QStringLiteral("owner-pass-2")).ok());

    // Even a raw write cannot give the owner role to a second account: the schema refuses it.
    b.close();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(b.path().toUtf8().constData(), &db), SQLITE_OK);
    EXPECT_EQ(
        sqlite3_exec(
            db,
            "INSERT INTO account_roles(account_id, role) SELECT id, 'owner' FROM accounts WHERE name <> '店长' LIMIT 1",
            nullptr, nullptr, nullptr) &
            0xFF,
        SQLITE_CONSTRAINT);
    sqlite3_close(db);
}

TEST(AccountRules, FiveFailuresLockForFifteenMinutesOnTheInjectedClock)
{
    TestBackend b;
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("right-pass-1"));
    for (int i = 1; i <= 4; ++i) {
        auto r = b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong"));
        ASSERT_TRUE(refused(r));
        EXPECT_EQ(r.error().message, QStringLiteral("Wrong account name or password."));
        b.clock().advanceSecs(10);
    }
    auto fifth = b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong"));
    ASSERT_TRUE(refused(fifth));
    // The lock engages, but a wrong password learns nothing of it: the same sentence as ever.
    EXPECT_EQ(fifth.error().message, QStringLiteral("Wrong account name or password."));
    // Locked: even the right password is refused, with the time left.
    b.clock().advanceSecs(5 * 60);
    auto during = b->accounts().login(QStringLiteral("小美"), QStringLiteral("right-pass-1"));
    ASSERT_TRUE(refused(during));
    EXPECT_TRUE(during.error().message.contains(QStringLiteral("Try again in 10 minute")))
        << during.error().message.toStdString();
    b.clock().advanceSecs(10 * 60 - 1);
    EXPECT_TRUE(refused(b->accounts().login(QStringLiteral("小美"), QStringLiteral("right-pass-1"))));
    b.clock().advanceSecs(1);
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("right-pass-1")).ok());

    EXPECT_EQ(auditOf(b, QStringLiteral("account.locked")).size(), 1u);
    const auto failures = auditOf(b, QStringLiteral("login.failed"));
    EXPECT_EQ(failures.size(), 5u);
    EXPECT_EQ(auditOf(b, QStringLiteral("login.refused")).size(), 2u);
}

TEST(AccountRules, TheLockoutIsConfigurable)
{
    TestBackend b;
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("right-pass-1"));
    ASSERT_TRUE(b->accounts().setLoginPolicy(b.owner(), {2, 1}).ok());
    EXPECT_FALSE(b->accounts().setLoginPolicy(b.owner(), {0, 1}).ok());
    b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong")).ok();
    auto second = b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong"));
    EXPECT_EQ(second.error().message, QStringLiteral("Wrong account name or password."));
    auto locked = b->accounts().login(QStringLiteral("小美"), QStringLiteral("right-pass-1"));
    ASSERT_FALSE(locked.ok());
    EXPECT_TRUE(locked.error().message.contains(QStringLiteral("Try again in 1 minute")))
        << locked.error().message.toStdString();
    b.clock().advanceSecs(60);
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("right-pass-1")).ok());
}

TEST(AccountRules, PasswordsAndNamesAreChecked)
{
    TestBackend b;
    const auth::Actor owner = b.owner();
    auto tooShort = b->accounts().create(
        owner, {QStringLiteral("小美"), QStringLiteral("short"), {QStringLiteral("trainee")}, {}, {}});
    ASSERT_FALSE(tooShort.ok());
    EXPECT_EQ(tooShort.error().code, ErrorCode::Invalid);
    EXPECT_FALSE(
        b->accounts()
            .create(owner,
                    {QStringLiteral("xiaomei1"), QStringLiteral("XIAOMEI1"), {QStringLiteral("trainee")}, {}, {}})
            .ok());
    EXPECT_FALSE(
        b->accounts()
            .create(owner, {QStringLiteral("a:b"), QStringLiteral("fine-pass-1"), {QStringLiteral("trainee")}, {}, {}})
            .ok());
    auto unknownRole = b->accounts().create(
        owner, {QStringLiteral("x"), QStringLiteral("fine-pass-1"), {QStringLiteral("wizard")}, {}, {}});
    ASSERT_FALSE(unknownRole.ok());
    EXPECT_EQ(unknownRole.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(
        b->accounts()
            .create(owner, {QStringLiteral("y"), QStringLiteral("fine-pass-1"), {QStringLiteral("trainee")}, {}, 0})
            .ok());
    // shop:name and name both work; another shop's name is not found.
    ASSERT_TRUE(
        b->accounts()
            .create(
                owner,
                {QStringLiteral("测试旗舰店:小美"), QStringLiteral("fine-pass-1"), {QStringLiteral("trainee")}, {}, {}})
            .ok());
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("fine-pass-1")).ok());
    EXPECT_TRUE(b->accounts().login(QStringLiteral("测试旗舰店:小美"), QStringLiteral("fine-pass-1")).ok());
    EXPECT_TRUE(refused(b->accounts().login(QStringLiteral("别家店:小美"), QStringLiteral("fine-pass-1"))));
}

TEST(AccountRules, AResetForcesANewPasswordAtTheNextLogin)
{
    TestBackend b;
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("first-pass-1"));
    ASSERT_TRUE(b->accounts().resetPassword(b.owner(), QStringLiteral("小美"), QStringLiteral("temp-pass-1")).ok());
    EXPECT_TRUE(refused(b->accounts().login(QStringLiteral("小美"), QStringLiteral("first-pass-1"))));
    auto session = b->accounts().login(QStringLiteral("小美"), QStringLiteral("temp-pass-1"));
    ASSERT_TRUE(session.ok());
    EXPECT_TRUE(session->mustChangePassword);
    EXPECT_FALSE(
        b->accounts().changeOwnPassword(*session, QStringLiteral("wrong"), QStringLiteral("mine-pass-1")).ok());
    EXPECT_FALSE(
        b->accounts().changeOwnPassword(*session, QStringLiteral("temp-pass-1"), QStringLiteral("temp-pass-1")).ok());
    ASSERT_TRUE(
        b->accounts().changeOwnPassword(*session, QStringLiteral("temp-pass-1"), QStringLiteral("mine-pass-1")).ok());
    auto after = b->accounts().login(QStringLiteral("小美"), QStringLiteral("mine-pass-1"));
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after->mustChangePassword);
}

TEST(AccountRules, DisabledAndDeletedAccounts)
{
    TestBackend b;
    const auth::Actor owner = b.owner();
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
    ASSERT_TRUE(b->accounts().setDisabled(owner, QStringLiteral("小美"), true).ok());
    auto disabled = b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    ASSERT_TRUE(refused(disabled));
    EXPECT_TRUE(disabled.error().message.contains(QStringLiteral("disabled")));
    ASSERT_TRUE(b->accounts().setDisabled(owner, QStringLiteral("小美"), false).ok());
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1")).ok());

    // Her history stays attributed after deletion.
    ingestAndWait(b->store().history(), {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Agent, 5,
                                                 QStringLiteral("您好"), QStringLiteral("小美"))});
    auto unconfirmed = b->accounts().remove(owner, QStringLiteral("小美"), false);
    ASSERT_FALSE(unconfirmed.ok());
    EXPECT_EQ(unconfirmed.error().code, ErrorCode::Usage);
    ASSERT_TRUE(b->accounts().remove(owner, QStringLiteral("小美"), true).ok());
    EXPECT_TRUE(refused(b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1"))));
    auto again = b->accounts().create(
        owner, {QStringLiteral("小美"), QStringLiteral("new-mei-1"), {QStringLiteral("trainee")}, {}, {}});
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("reserved")));
    auto hits = b->search().search(owner, {QStringLiteral("您好"), {}, {}, 10, {}});
    ASSERT_TRUE(hits.ok() && hits->hits.size() == 1u);
    EXPECT_EQ(hits->hits.front().message.agent, QStringLiteral("小美"));
    auto list = b->accounts().list(owner);
    ASSERT_TRUE(list.ok());
    const auto it = std::find_if(list->begin(), list->end(), [](const Account& a) { return a.name == u"小美"; });
    ASSERT_NE(it, list->end());
    EXPECT_TRUE(it->isDeleted());
    EXPECT_TRUE(it->roles.isEmpty());
}

TEST(AccountRules, RolesInUseAndBuiltInsCannotBeRemoved)
{
    TestBackend b;
    const auth::Actor owner = b.owner();
    EXPECT_FALSE(b->roles().edit(owner, QStringLiteral("presales"), PermissionSet{Permission::ChatRead}).ok());
    EXPECT_FALSE(b->roles().remove(owner, QStringLiteral("trainee")).ok());
    EXPECT_FALSE(b->roles().create(owner, QStringLiteral("trainee"), PermissionSet{Permission::ChatRead}).ok());
    ASSERT_TRUE(b->roles()
                    .create(owner, QStringLiteral("夜班"), PermissionSet{Permission::ChatRead, Permission::ChatReply})
                    .ok());
    b.account(QStringLiteral("夜猫"), {QStringLiteral("夜班")});
    EXPECT_FALSE(b->roles().remove(owner, QStringLiteral("夜班")).ok());
    ASSERT_TRUE(b->accounts().setRoles(owner, QStringLiteral("夜猫"), {QStringLiteral("trainee")}).ok());
    EXPECT_TRUE(b->roles().remove(owner, QStringLiteral("夜班")).ok());
}

TEST(AccountRules, PasswordsAreArgon2idWithTheOwaspParametersAndRehashedWhenTheyChange)
{
    crypto::PasswordHasher production;
    const QByteArray hash = production.hash(QStringLiteral("some-password"));
    EXPECT_TRUE(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")) << hash.toStdString();
    EXPECT_TRUE(production.verify(hash, QStringLiteral("some-password")));
    EXPECT_FALSE(production.verify(hash, QStringLiteral("some-passwore")));
    EXPECT_NE(production.hash(QStringLiteral("some-password")), hash); // salted

    TestBackend b; // cheap parameters
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
    auto before = b->store().accounts().find(QStringLiteral("小美"));
    ASSERT_TRUE(before.ok() && before->has_value());
    EXPECT_TRUE((*before)->passwordHash.startsWith("$argon2id$v=19$m=8,t=1,p=1$"));
    b.reopen(crypto::PasswordHasher::Params{});
    ASSERT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1")).ok());
    auto after = b->store().accounts().find(QStringLiteral("小美"));
    EXPECT_TRUE((*after)->passwordHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1")).ok());
}
