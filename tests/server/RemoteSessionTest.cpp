// The remote session door against a real server in the process: what a supervisor changes reaches
// the agent's session within a second; a disabled account's session ends within a second.

#include "server/TeamFixture.h"
#include "session/AuditTrail.h"
#include "session/Team.h"

#include <QElapsedTimer>

namespace shopdesk::test {
namespace {

using RemoteSession = TeamFixture;

TEST_F(RemoteSession, ASupervisorsChangesReachTheAgentWithinASecond)
{
    auto owner = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(owner);
    NewAccount agent;
    agent.name = QStringLiteral("小美");
    agent.password = kAgentPassword;
    agent.roles = {QStringLiteral("presales")};
    auto created = await(owner->team().createAccount(agent));
    ASSERT_TRUE(created) << created.error().message.toStdString();
    auto listed = owner->team().accounts();
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->size(), 2u) << "the cache was refreshed before the write answered";

    auto me = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(me);
    EXPECT_TRUE(me->can(auth::Permission::ChatReply));
    EXPECT_FALSE(me->team().accounts()) << "an agent reads no accounts";
    int authorityChanges = 0;
    QObject::connect(me.get(), &session::ShopSession::authorityChanged, [&] { ++authorityChanges; });
    QString ended;
    QObject::connect(me.get(), &session::ShopSession::sessionEnded, [&](const QString& r) { ended = r; });

    // A role without chat.reply: the mirror follows within a second.
    auto role = await(
        owner->team().createRole(QStringLiteral("只读"), *auth::PermissionSet::parse(QStringLiteral("chat.read"))));
    ASSERT_TRUE(role.ok()) << role.error().message.toStdString();
    QElapsedTimer t;
    t.start();
    ASSERT_TRUE(await(owner->team().setRoles(QStringLiteral("小美"), {QStringLiteral("只读")})).ok());
    ASSERT_TRUE(spinUntil([&] { return !me->can(auth::Permission::ChatReply); }, 3000));
    EXPECT_LT(t.elapsed(), 1000) << "the permission change reached the agent in " << t.elapsed() << " ms";
    EXPECT_GE(authorityChanges, 1);
    EXPECT_TRUE(me->can(auth::Permission::ChatRead));

    // Disabled: the session ends within a second and every later call is refused.
    t.restart();
    ASSERT_TRUE(await(owner->team().setDisabled(QStringLiteral("小美"), true)).ok());
    ASSERT_TRUE(spinUntil([&] { return me->isEnded(); }, 3000));
    EXPECT_LT(t.elapsed(), 1000) << "the session ended " << t.elapsed() << " ms after the disable";
    EXPECT_TRUE(ended.contains(u"disabled")) << ended.toStdString();
    auto after = await(me->team().setDisabled(QStringLiteral("店长"), true));
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().code, ErrorCode::SessionEnded);
}

TEST_F(RemoteSession, TheServerDecidesWhateverTheMirrorSays)
{
    auto owner = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(owner);
    NewAccount agent;
    agent.name = QStringLiteral("小美");
    agent.password = kAgentPassword;
    agent.roles = {QStringLiteral("presales")};
    ASSERT_TRUE(await(owner->team().createAccount(agent)));
    auto me = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(me);
    // A modified desktop would skip its mirror: the server still refuses, and audits the refusal.
    NewAccount sneaky;
    sneaky.name = QStringLiteral("内鬼");
    sneaky.password = kAgentPassword;
    sneaky.roles = {QStringLiteral("supervisor")};
    auto refused = await(me->team().createAccount(sneaky));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    EXPECT_TRUE(refused.error().message.contains(u"account.manage")) << refused.error().message.toStdString();
    AuditQuery q;
    q.actionPrefix = QStringLiteral("permission.denied");
    auto denials = owner->audit().list(q);
    ASSERT_TRUE(denials);
    ASSERT_FALSE(denials->empty());
    EXPECT_EQ(denials->front().entry.actor, QStringLiteral("测试旗舰店:小美"));
}

TEST_F(RemoteSession, AWrongFingerprintIsRefusedAndTheFirstUseIsRemembered)
{
    // TLS this time: a certificate made like init makes it.
    server.reset();
    server::TlsFiles tls{dir.filePath(QStringLiteral("server.crt")), dir.filePath(QStringLiteral("server.key"))};
    ASSERT_TRUE(server::makeSelfSigned(tls, QStringLiteral("localhost")).ok());
    server::TeamServer::Options o;
    o.address = QHostAddress::LocalHost;
    o.tls = tls;
    o.pgUrl = url;
    server = std::make_unique<server::TeamServer>(*backend, o);
    ASSERT_TRUE(server->start().ok());
    auto fingerprint = server::fingerprintOf(tls.certificate);
    ASSERT_TRUE(fingerprint);

    session::ServerOptions options = serverOptions();
    options.plain = false;
    options.fingerprint = QStringLiteral("00:11:22");
    auto wrong = await(session::RemoteShop::login(options, QStringLiteral("店长"), kOwnerPassword));
    ASSERT_FALSE(wrong);
    EXPECT_TRUE(wrong.error().message.contains(*fingerprint)) << wrong.error().message.toStdString();

    options.fingerprint = fingerprint->toLower().remove(u':');
    EXPECT_TRUE(await(session::RemoteShop::login(options, QStringLiteral("店长"), kOwnerPassword))) << "pinned";

    options.fingerprint.clear();
    QString note;
    auto first = await(session::RemoteShop::login(options, QStringLiteral("店长"), kOwnerPassword, &note));
    ASSERT_TRUE(first);
    EXPECT_TRUE(note.contains(*fingerprint)) << note.toStdString();
    note.clear();
    EXPECT_TRUE(await(session::RemoteShop::login(options, QStringLiteral("店长"), kOwnerPassword, &note)));
    EXPECT_TRUE(note.isEmpty()) << "remembered: said only the first time";
}

} // namespace
} // namespace shopdesk::test
