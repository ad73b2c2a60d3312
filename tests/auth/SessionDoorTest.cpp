// The one door: every call of a session decides on the account's current state; chat and order
// actions stay with the agent's own buyers; login tells an attacker nothing; account changes never
// undo each other; the audit log is anchored outside the database.

#include "backend/LiveShop.h"
#include "core/Csv.h"
#include "platform/sim/SimPlatform.h"
#include "platform/sim/SimulatedShop.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleCatalog.h"
#include "services/accounts/RoleService.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/MessageRepository.h"
#include "services/orders/OrderService.h"
#include "services/privacy/PiiVault.h"
#include "services/quickreply/PhraseCsv.h"
#include "services/routing/RoutingRepository.h"
#include "services/search/SearchService.h"
#include "services/security/KeyRing.h"
#include "services/settings/SettingsRepository.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "session/AuditTrail.h"
#include "session/Chats.h"
#include "session/History.h"
#include "session/Orders.h"
#include "session/Team.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include "support/Await.h"
#include "support/TempStore.h"
#include "support/TestBackend.h"
#include "support/TestSession.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <thread>

namespace shopdesk::test {
namespace {

using platform::sim::SimulatedShop;

void exec(const QString& db, const char* sql)
{
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.toUtf8().constData(), &h), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(h, sql, nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(h);
}

TEST(SessionDoor, ADisableADeleteALockOrAResetEndTheSessionOnTheNextCall)
{
    TestBackend b;
    TestShop shop(b);
    const Timestamp since = b.clock().now().addSecs(-60);
    for (const char* what : {"disable", "delete", "lock", "reset"}) {
        const QString name = QStringLiteral("agent-%1").arg(QLatin1String(what));
        auto s = shop.account(name, {QStringLiteral("presales")});
        ASSERT_TRUE(s);
        ASSERT_TRUE(s->chats().mine(since).ok());
        if (std::string(what) == "disable") {
            ASSERT_TRUE(b->accounts().setDisabled(b.owner(), name, true).ok());
        } else if (std::string(what) == "delete") {
            ASSERT_TRUE(b->accounts().remove(b.owner(), name, true).ok());
        } else if (std::string(what) == "lock") {
            for (int i = 0; i < 5; ++i) {
                (void)b->accounts().login(name, QStringLiteral("someone guessing"));
            }
        } else {
            ASSERT_TRUE(b->accounts().resetPassword(b.owner(), name, QStringLiteral("reset-pass-1")).ok());
        }
        auto after = s->chats().mine(since);
        ASSERT_FALSE(after.ok()) << what;
        EXPECT_EQ(after.error().code, ErrorCode::SessionEnded) << what;
        EXPECT_FALSE(after.error().message.isEmpty());
        settle(5);
        EXPECT_TRUE(s->isEnded()) << what;
        EXPECT_FALSE(await(s->chats().markRead(ConversationId(1), MessageId(1))).ok()) << "actions too: " << what;
    }
}

TEST(SessionDoor, APermissionTakenAwayIsRefusedOnTheNextCallAndMirroredWithinASecond)
{
    TestBackend b;
    ASSERT_TRUE(b->roles()
                    .create(b.owner(), QStringLiteral("组员"),
                            auth::PermissionSet{auth::Permission::ChatRead, auth::Permission::HistorySearch})
                    .ok());
    TestShop shop(b);
    auto s = shop.account(QStringLiteral("组员甲"), {QStringLiteral("组员")});
    ASSERT_TRUE(s);
    int changes = 0;
    QObject::connect(s.get(), &session::ShopSession::authorityChanged, [&changes] { ++changes; });
    ASSERT_TRUE(s->history().search({QStringLiteral("在"), {}, {}, 10, {}}).result().ok());
    EXPECT_TRUE(s->can(auth::Permission::HistorySearch));
    ASSERT_TRUE(
        b->roles().edit(b.owner(), QStringLiteral("组员"), auth::PermissionSet{auth::Permission::ChatRead}).ok());
    auto refused = s->history().search({QStringLiteral("在"), {}, {}, 10, {}}).result();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed) << "the very next call";
    QDeadlineTimer deadline(1000);
    while (s->can(auth::Permission::HistorySearch) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    EXPECT_FALSE(s->can(auth::Permission::HistorySearch)) << "mirrored within a second";
    EXPECT_GE(changes, 1);
    EXPECT_FALSE(s->isEnded()) << "a smaller role is no reason to log out";
}

TEST(SessionDoor, AResetSessionMayOnlyChangeItsPasswordEnforcedInTheServices)
{
    TestBackend b;
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ASSERT_TRUE(b->accounts().resetPassword(b.owner(), QStringLiteral("小美"), QStringLiteral("temp-pass-1")).ok());
    TestShop shop(b);
    auto s = shop.login(QStringLiteral("小美"), QStringLiteral("temp-pass-1"));
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->me().mustChangePassword);
    EXPECT_FALSE(s->can(auth::Permission::ChatRead));
    auto refused = s->chats().mine(b.clock().now());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("new password")));
    // Even a service called directly with the session's actor refuses.
    auto actor = b->accounts().login(QStringLiteral("小美"), QStringLiteral("temp-pass-1"));
    ASSERT_TRUE(actor.ok());
    EXPECT_FALSE(b->search().search(*actor, {QStringLiteral("在"), {}, {}, 10, {}}).ok());
    ASSERT_TRUE(await(s->changePassword(QStringLiteral("temp-pass-1"), QStringLiteral("mine-pass-1"))).ok());
    auto allowed = s->chats().mine(b.clock().now());
    EXPECT_TRUE(allowed.ok()) << "the session goes on with the new password"
                              << (allowed ? "" : allowed.error().message.toStdString());
    QDeadlineTimer mirrored(2000); // the identity follows on the event loop (slow under sanitizers)
    while (s->me().mustChangePassword && !mirrored.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    EXPECT_FALSE(s->me().mustChangePassword);
}

TEST(SessionDoor, LoginSaysTheSameAfterTheSameWorkAndNamesNobody)
{
    TestBackend b;
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
    b.account(QStringLiteral("小林"), {QStringLiteral("trainee")}, QStringLiteral("lin-pass-1"));
    ASSERT_TRUE(b->accounts().setDisabled(b.owner(), QStringLiteral("小林"), true).ok());
    ASSERT_TRUE(b->accounts().setLoginPolicy(b.owner(), {2, 15}).ok());
    (void)b->accounts().login(QStringLiteral("小美"), QStringLiteral("x1"));
    (void)b->accounts().login(QStringLiteral("小美"), QStringLiteral("x2")); // now locked
    const auto& hasher = b->hasher();
    QStringList sentences;
    // An unknown name (a password typed into the name field), a wrong password, a disabled account
    // with a wrong password, a locked account with a wrong password.
    for (const auto& [name, password] : {std::pair{QStringLiteral("hunter2-secret"), QStringLiteral("whatever-1")},
                                         std::pair{QStringLiteral("店长"), QStringLiteral("wrong-1")},
                                         std::pair{QStringLiteral("小林"), QStringLiteral("wrong-2")},
                                         std::pair{QStringLiteral("小美"), QStringLiteral("wrong-3")}}) {
        const quint64 before = hasher.verifications();
        auto r = b->accounts().login(name, password);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::NotAllowed);
        EXPECT_EQ(hasher.verifications(), before + 1) << "one Argon2 verification for " << name.toStdString();
        sentences << r.error().message;
    }
    for (const QString& s : sentences) {
        EXPECT_EQ(s, sentences.front());
    }
    // Named only with the right password.
    EXPECT_TRUE(b->accounts()
                    .login(QStringLiteral("小林"), QStringLiteral("lin-pass-1"))
                    .error()
                    .message.contains(QStringLiteral("disabled")));
    EXPECT_TRUE(b->accounts()
                    .login(QStringLiteral("小美"), QStringLiteral("mei-pass-1"))
                    .error()
                    .message.contains(QStringLiteral("locked")));
    // The typed name that is no account is in no audit entry.
    b->store().writer().flush();
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE actor LIKE '%hunter2%' OR target LIKE '%hunter2%' "
                                 "OR detail LIKE '%hunter2%'"),
              0);
    EXPECT_GE(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'login.failed' AND target = '-'"), 1);
}

TEST(SessionDoor, UnknownNamesAreThrottledLikeAccounts)
{
    TestBackend b;
    ASSERT_TRUE(b->accounts().setLoginPolicy(b.owner(), {3, 15}).ok());
    for (int i = 0; i < 3; ++i) {
        (void)b->accounts().login(QStringLiteral("nobody"), QStringLiteral("guess-%1").arg(i));
    }
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM login_throttle WHERE locked_until IS NOT NULL"), 1);
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM login_throttle WHERE CAST(name_key AS TEXT) LIKE '%nobody%'"), 0)
        << "the name is kept as a keyed hash only";
}

TEST(SessionDoor, AWrongCurrentPasswordCountsTowardTheLockout)
{
    TestBackend b;
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(
            b->accounts().changeOwnPassword(mei, QStringLiteral("guess-%1").arg(i), QStringLiteral("x-pass-1")).ok());
    }
    auto locked = b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    ASSERT_FALSE(locked.ok());
    EXPECT_TRUE(locked.error().message.contains(QStringLiteral("locked"))) << locked.error().message.toStdString();
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'password.change.failed'"), 5);
}

TEST(SessionDoor, AHashingFailureIsAnErrorNeverAnEmptyHashStored)
{
    TestBackend b;
    const crypto::PasswordHasher broken({0, 8 * 1024}); // below Argon2's minimum: every hash fails
    RoleCatalog roles(b->store().roles());
    AccountService accounts(b->store().accounts(), roles, b->gate(), b->audit(), b->store().settings(),
                            b->store().routing(), b.clock(), broken, QStringLiteral("测试旗舰店"), QByteArray(32, 'k'));
    auto created = accounts.create(
        b.owner(), {QStringLiteral("小周"), QStringLiteral("zhou-pass-1"), {QStringLiteral("trainee")}, {}, {}});
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::Internal);
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM accounts WHERE name = '小周'"), 0);
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    EXPECT_FALSE(accounts.resetPassword(b.owner(), QStringLiteral("小美"), QStringLiteral("new-pass-1")).ok());
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM accounts WHERE password_hash = ''"), 0);
}

TEST(SessionDoor, InterleavedAccountChangesLoseNothing)
{
    TestBackend b;
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
    const auth::Actor owner = b.owner();
    // A role change made from a record read before a lockout and a password change must undo neither.
    ASSERT_TRUE(b->accounts().setLoginPolicy(owner, {3, 15}).ok());
    std::thread guesses([&b] {
        for (int i = 0; i < 3; ++i) {
            (void)b->accounts().login(QStringLiteral("小美"), QStringLiteral("guess-%1").arg(i));
        }
    });
    std::thread roles([&b, owner] {
        for (int i = 0; i < 20; ++i) {
            EXPECT_TRUE(b->accounts()
                            .setRoles(owner, QStringLiteral("小美"),
                                      {i % 2 ? QStringLiteral("presales") : QStringLiteral("aftersales")})
                            .ok());
        }
    });
    guesses.join();
    roles.join();
    auto locked = b->accounts().login(QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    ASSERT_FALSE(locked.ok());
    EXPECT_TRUE(locked.error().message.contains(QStringLiteral("locked"))) << "the lockout survived the role changes";
    ASSERT_TRUE(b->accounts().unlock(owner, QStringLiteral("小美")).ok());
    std::thread reset([&b, owner] {
        EXPECT_TRUE(b->accounts().resetPassword(owner, QStringLiteral("小美"), QStringLiteral("new-pass-1")).ok());
    });
    std::thread more([&b, owner] {
        for (int i = 0; i < 20; ++i) {
            EXPECT_TRUE(b->accounts().setRoles(owner, QStringLiteral("小美"), {QStringLiteral("presales")}).ok());
        }
    });
    reset.join();
    more.join();
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("new-pass-1")).ok())
        << "the reset password survived the role changes";
    auto record = b->store().accounts().find(QStringLiteral("小美"));
    ASSERT_TRUE(record && *record);
    EXPECT_EQ((*record)->account.roles, QStringList{QStringLiteral("presales")});
}

class Ownership : public ::testing::Test {
protected:
    void SetUp() override
    {
        shop = std::make_unique<TestShop>(b);
        mei = shop->account(QStringLiteral("小美"), {QStringLiteral("presales")});
        qiang = shop->account(QStringLiteral("阿强"), {QStringLiteral("presales")});
        boss = shop->account(QStringLiteral("主管"), {QStringLiteral("supervisor")});
        ASSERT_TRUE(mei && qiang && boss);
        ASSERT_TRUE((*shop)->connectPlatform(*mei, TestShop::manualSim(3, 1, 6)).ok());
        ASSERT_TRUE(await(mei->chats().setPresence(platform::AgentPresence::Online)).ok());
    }
    void advance(qint64 t)
    {
        shop->live()->sim()->advanceTo(t);
        ASSERT_TRUE(shop->live()->pipeline().drain());
    }
    QStringList buyersOf(const QString& agent)
    {
        QStringList out;
        shop->live()->sim()->inspect([&](const SimulatedShop& s) { out = s.buyersOf(agent); });
        return out;
    }
    TestBackend b;
    std::unique_ptr<TestShop> shop;
    std::shared_ptr<session::ShopSession> mei;
    std::shared_ptr<session::ShopSession> qiang;
    std::shared_ptr<session::ShopSession> boss;
};

TEST_F(Ownership, AColleaguesBuyerNeedsChatSuperviseAndActingOnOneIsAudited)
{
    advance(900);
    ASSERT_FALSE(buyersOf(QStringLiteral("小美")).isEmpty());
    const QString buyer = buyersOf(QStringLiteral("小美")).front();
    for (auto call :
         {std::function<QFuture<Status>()>([&] { return qiang->chats().send(buyer, QStringLiteral("在")); }),
          std::function<QFuture<Status>()>([&] { return qiang->chats().close(buyer, {}, false); }),
          std::function<QFuture<Status>()>(
              [&] { return qiang->chats().transfer(buyer, QStringLiteral("客服01"), {}, {}); })}) {
        const Status st = await(call());
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, ErrorCode::NotAllowed);
        EXPECT_TRUE(st.error().message.contains(QStringLiteral("chat.supervise"))) << st.error().message.toStdString();
    }
    EXPECT_TRUE(await(mei->chats().send(buyer, QStringLiteral("亲，在的"))).ok()) << "her own buyer";
    // The supervisor may move her buyer (audited as supervision); the simulated shop, like a real
    // platform, still refuses a message into a chat someone else holds.
    b->store().writer().flush();
    const qint64 before = queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'chat.supervise'");
    const Status intrude = await(boss->chats().send(buyer, QStringLiteral("我是主管")));
    ASSERT_FALSE(intrude.ok());
    EXPECT_NE(intrude.error().code, ErrorCode::NotAllowed) << "past the session; the platform says no";
    const Status moved = await(boss->chats().transfer(buyer, QStringLiteral("客服01"), {}, QStringLiteral("转给同事")));
    ASSERT_TRUE(moved.ok()) << moved.error().message.toStdString();
    b->store().writer().flush();
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'chat.supervise'"), before + 2);
    EXPECT_FALSE(buyersOf(QStringLiteral("小美")).contains(buyer));
    advance(901);
    EXPECT_FALSE(await(mei->chats().send(buyer, QStringLiteral("还在吗"))).ok()) << "no longer hers";
}

TEST_F(Ownership, AQueuedBuyerIsNobodysUntilRouted)
{
    // 小美 alone online with a limit: the rest queue.
    std::optional<ConversationSummary> queued;
    for (qint64 t = 60; t < 4 * 3600 && !queued; t += 60) {
        advance(t);
        auto open = b->store().workbench().openSessions(Timestamp::fromMs(0));
        ASSERT_TRUE(open.ok());
        for (const ConversationSummary& s : *open) {
            if (s.state == ConversationSummary::State::Queued) {
                queued = s;
            }
        }
    }
    ASSERT_TRUE(queued) << "someone queued";
    const Status st = await(mei->chats().send(queued->buyerNick, QStringLiteral("在")));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::NotAllowed);
    EXPECT_TRUE(st.error().message.contains(QStringLiteral("queue"))) << st.error().message.toStdString();
}

TEST(SimOwnership, TheSimulatedShopRefusesAMessageIntoAChatAnotherAgentHolds)
{
    auto corpus = EcdCorpus::embedded();
    ASSERT_TRUE(corpus);
    platform::sim::SimConfig config;
    config.seed = 4;
    config.buyersPerMinute = 6;
    config.groups = {{QStringLiteral("presales"), 5}};
    config.agents = {{QStringLiteral("小美"), QStringLiteral("presales"), {}, routing::AgentStatus::Online},
                     {QStringLiteral("阿强"), QStringLiteral("presales"), {}, routing::AgentStatus::Offline}};
    auto shop = SimulatedShop::create(config, *corpus);
    ASSERT_TRUE(shop);
    (*shop)->advanceTo(600);
    const QStringList hers = (*shop)->buyersOf(QStringLiteral("小美"));
    ASSERT_FALSE(hers.isEmpty());
    auto refused = (*shop)->sendMessage(QStringLiteral("阿强"), hers.front(), QStringLiteral("在"));
    ASSERT_FALSE(refused.isOk());
    EXPECT_EQ(refused.error->kind, platform::PlatformError::Kind::InvalidState);
    EXPECT_FALSE((*shop)->transfer(QStringLiteral("阿强"), hers.front(), QStringLiteral("阿强"), {}, {}, false).isOk());
    EXPECT_TRUE((*shop)->sendMessage(QStringLiteral("小美"), hers.front(), QStringLiteral("在的")).isOk());
}

class AuditAnchor : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (int i = 0; i < 4; ++i) {
            (void)b->accounts().login(QStringLiteral("店长"), QString::fromLatin1(TestBackend::kOwnerPassword));
        }
        b->store().writer().flush();
        ASSERT_TRUE(b->auditIntegrity().ok());
        b.close();
    }
    /// Reopens the store: its integrity and what `audit verify` says.
    std::pair<Status, Result<AuditVerification>> reopen()
    {
        b.reopen();
        return {b->auditIntegrity(), b->audit().verifyChain()};
    }
    TestBackend b;
};

TEST_F(AuditAnchor, RowsCutFromTheEndAreDetectedAndNothingIsAppendedToTheCutLog)
{
    // The attacker drops the guard, deletes the last rows and fixes the head in the database.
    exec(b.path(), "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit);"
                   "DELETE FROM meta WHERE key = 'audit_head';");
    auto [integrity, verified] = reopen();
    ASSERT_FALSE(integrity.ok());
    EXPECT_TRUE(integrity.error().message.contains(QStringLiteral("anchor")))
        << integrity.error().message.toStdString();
    ASSERT_TRUE(verified.ok());
    EXPECT_FALSE(verified->intact);
    const qint64 rows = queryInt(b.path(), "SELECT count(*) FROM audit");
    // Then any login: the old code chained it to whatever row was last and the log verified again.
    (void)b->accounts().login(QStringLiteral("店长"), QString::fromLatin1(TestBackend::kOwnerPassword));
    (void)b->accounts().login(QStringLiteral("店长"), QStringLiteral("wrong"));
    b->store().writer().flush();
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit"), rows) << "nothing chained to the cut log";
    EXPECT_FALSE(b->audit().verifyChain()->intact);
}

TEST_F(AuditAnchor, TheWholeTableAndItsHeadWipedAreDetected)
{
    exec(b.path(), "DROP TRIGGER audit_no_delete; DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head';");
    auto [integrity, verified] = reopen();
    EXPECT_FALSE(integrity.ok());
    ASSERT_TRUE(verified.ok());
    EXPECT_FALSE(verified->intact);
    EXPECT_TRUE(verified->reason.contains(QStringLiteral("empty"))) << verified->reason.toStdString();
}

TEST_F(AuditAnchor, AnOlderCopyOfTheDatabasePutBackIsDetectedUntilTheOwnerAcceptsIt)
{
    b.reopen();
    b.account(QStringLiteral("审计"), {QStringLiteral("auditor")});
    b->store().writer().flush();
    b.close();
    const QString copy = b.path() + QStringLiteral(".bak");
    ASSERT_TRUE(QFile::copy(b.path(), copy));
    b.reopen();
    for (int i = 0; i < 3; ++i) {
        (void)b->accounts().login(QStringLiteral("店长"), QString::fromLatin1(TestBackend::kOwnerPassword));
    }
    b->store().writer().flush();
    b.close();
    settle(3);
    ASSERT_TRUE(QFile::remove(b.path()));
    QFile::remove(b.path() + QStringLiteral("-wal"));
    QFile::remove(b.path() + QStringLiteral("-shm"));
    ASSERT_TRUE(QFile::copy(copy, b.path()));
    auto [integrity, verified] = reopen();
    ASSERT_FALSE(integrity.ok());
    ASSERT_TRUE(verified.ok());
    EXPECT_FALSE(verified->intact);
    EXPECT_TRUE(verified->reason.contains(QStringLiteral("older copy"))) << verified->reason.toStdString();
    // The owner, having checked it, accepts the restored log; it verifies from then on.
    auto owner = b->accounts().login(QStringLiteral("店长"), QString::fromLatin1(TestBackend::kOwnerPassword));
    ASSERT_TRUE(owner.ok());
    auto auditor = b->accounts().login(QStringLiteral("审计"), QStringLiteral("agent-pass-1"));
    ASSERT_TRUE(auditor.ok());
    EXPECT_EQ(b->audit().reanchor(*auditor, b->gate(), true).error().code, ErrorCode::NotAllowed)
        << "the owner's alone";
    ASSERT_TRUE(b->audit().reanchor(*owner, b->gate(), true).ok());
    ASSERT_TRUE(b->recheckAudit().ok());
    EXPECT_TRUE(b->audit().verifyChain()->intact);
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'audit.reanchored'"), 1);
}

TEST(AuditFirst, ARevealThatCannotBeAuditedShowsNothing)
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
    const auth::Actor owner = b.owner();
    ASSERT_TRUE(b->orders().revealReceiver(owner, QStringLiteral("sim"), QStringLiteral("T1")).ok());
    b->store().writer().flush();
    exec(b.path(), "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit);");
    auto refused = b->orders().revealReceiver(owner, QStringLiteral("sim"), QStringLiteral("T1"));
    ASSERT_FALSE(refused.ok()) << "the log no longer ends where it was left: the reveal cannot be recorded";
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("audit"))) << refused.error().message.toStdString();
}

TEST(SmallLeaks, CsvCellsThatWouldRunAsFormulasAreNeutralisedAndReadBack)
{
    for (const QString& risky :
         {QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("+1"), QStringLiteral("-2+3"),
          QStringLiteral("@SUM(A1)"), QStringLiteral("\tx"), QStringLiteral("\rx")}) {
        const QString cell = csv::field(risky);
        EXPECT_TRUE(cell.startsWith(QLatin1Char('\'')) || cell.startsWith(QStringLiteral("\"'"))) << cell.toStdString();
    }
    QuickReply p;
    p.scope = QuickReply::Scope::Team;
    p.group = QStringLiteral("促销");
    p.code = QStringLiteral("jian");
    p.text = QStringLiteral("-满100减10，=划算");
    const PhraseCsvParse back = phrasecsv::read(phrasecsv::write({p}));
    ASSERT_EQ(back.rows.size(), 1u);
    EXPECT_EQ(back.rows.front().text, p.text) << "the round trip keeps the text";
    EXPECT_TRUE(phrasecsv::write({p}).contains("'-满100减10"));
}

TEST(SmallLeaks, DeletedHistoryLeavesNoTraceInTheFileAndFilesAreTheOwnersOnly)
{
    TestBackend b;
    const QString marker = QStringLiteral("秘密暗号XYZZY%1").arg(42);
    ingestAndWait(b->store().history(),
                  {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, marker)});
    auto conv = b->store().messages().findConversation(u"sim", u"c1");
    ASSERT_TRUE(conv && *conv);
    auto page = b->store().messages().page((*conv)->id, 10, MessageId());
    ASSERT_TRUE(page && !page->empty());
    ASSERT_TRUE(
        b->buyers().deleteHistory(b.owner(), QStringLiteral("sim"), QStringLiteral("tb_a"), {page->front().id}).ok());
    b->store().writer().flush();
    b.close();
    for (const QString& file : {b.path(), b.path() + QStringLiteral("-wal")}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        EXPECT_FALSE(f.readAll().contains(marker.toUtf8())) << file.toStdString();
    }
    EXPECT_EQ(QFileInfo(b.path()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
              QFileDevice::Permissions());
}

} // namespace
} // namespace shopdesk::test
