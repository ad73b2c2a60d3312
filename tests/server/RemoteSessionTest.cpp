// The remote session door against a real server in the process: what a supervisor changes reaches
// the agent's session within a second; a disabled account's session ends within a second.

#include "pg/PgStore.h"
#include "server/TeamFixture.h"
#include "services/accounts/AccountService.h"
#include "session/AuditTrail.h"
#include "session/Chats.h"
#include "session/Phrases.h"
#include "session/Team.h"
#include "session/remote/DraftBook.h"

#include <QElapsedTimer>

namespace shopdesk::test {
namespace {

using RemoteSession = TeamFixture;

TEST_F(RemoteSession, ASupervisorsChangesReachTheAgentWithinASecond)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
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
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
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

TEST_F(RemoteSession, TeamPhrasesReachEveryDeskAndPersonalOnesStayTheirOwners)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    ASSERT_TRUE(agent->phrases().mine());
    EXPECT_TRUE(agent->phrases().mine()->empty());

    QuickReply team;
    team.scope = QuickReply::Scope::Team;
    team.group = QStringLiteral("售前");
    team.code = QStringLiteral("hy");
    team.text = QStringLiteral("亲，欢迎光临{店铺}，有什么可以帮您？");
    auto saved = await(owner->phrases().save(team));
    ASSERT_TRUE(saved) << saved.error().message.toStdString();
    ASSERT_TRUE(spinUntil(
        [&] {
            auto mine = agent->phrases().mine();
            return mine && mine->size() == 1 && mine->front().code == u"hy";
        },
        1000))
        << "the supervisor's team phrase reached the agent's desk within a second";

    // The agent keeps her own; a team phrase is refused (quickreply.team.manage).
    QuickReply own = team;
    own.scope = QuickReply::Scope::Personal;
    own.code = QStringLiteral("wd");
    own.owner = QStringLiteral("小美");
    ASSERT_TRUE(await(agent->phrases().save(own)));
    auto refused = await(agent->phrases().save(team));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    EXPECT_EQ(agent->phrases().mine()->size(), 2u);
    spinUntil([] { return false; }, 200);
    auto ownerPhrases = owner->phrases().mine();
    ASSERT_TRUE(ownerPhrases);
    EXPECT_EQ(ownerPhrases->size(), 1u) << "her personal phrase is not the owner's";
}

TEST_F(RemoteSession, ADesktopBackAfterAnHourEndsWithExactlyTheServersView)
{
    server.reset();
    startServer(std::chrono::minutes(8 * 60));
    const quint16 port = server->port();
    auto desk = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(desk);
    std::vector<qint64> seen;
    QObject::connect(desk.get(), &session::ShopSession::changeArrived,
                     [&](qint64 seq, const QString&, const QByteArray&) { seen.push_back(seq); });
    auto owner = backend->accounts().login(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(owner);

    // The server goes away; meanwhile (an hour) the team changes: three accounts made.
    server.reset();
    ASSERT_TRUE(spinUntil([&] { return desk->link() != session::LinkState::Connected; }, 5000));
    for (const char* name : {"甲", "乙", "丙"}) {
        NewAccount a;
        a.name = QString::fromUtf8(name);
        a.password = kAgentPassword;
        a.roles = {QStringLiteral("presales")};
        ASSERT_TRUE(backend->accounts().create(*owner, a));
    }
    clock.advanceSecs(3600);
    auto head = backend->store().lastChange();
    ASSERT_TRUE(head);

    // Back on the same address: the desk resumes its session and catches up, once and in order.
    startServer(std::chrono::minutes(8 * 60), port);
    ASSERT_TRUE(spinUntil([&] { return desk->link() == session::LinkState::Connected; }, 20000)) << "reconnected";
    ASSERT_TRUE(spinUntil([&] { return !seen.empty() && seen.back() == *head; }, 5000));
    for (std::size_t i = 1; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i], seen[i - 1] + 1) << "gapless and never twice";
    }
    EXPECT_EQ(seen.size(), 3u) << "exactly the three changes made while away";
    ASSERT_TRUE(spinUntil(
        [&] {
            auto accounts = desk->team().accounts();
            return accounts && accounts->size() == 4;
        },
        5000))
        << "the desk's list is the server's";
    EXPECT_FALSE(desk->isEnded());
}

TEST_F(RemoteSession, ADraftSurvivesARestartOfTheDesktopAndStaysItsAccounts)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    const QString typed = QStringLiteral("亲，您要的尺码明天到货，\n到了第一时间通知您");
    ASSERT_TRUE(await(agent->chats().saveDraft(QStringLiteral("sim"), QStringLiteral("买家甲"), typed)).ok());
    agent.reset(); // the desktop is closed

    auto again = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->chats().draft(QStringLiteral("sim"), QStringLiteral("买家甲")).value(), typed);
    EXPECT_TRUE(owner->chats().draft(QStringLiteral("sim"), QStringLiteral("买家甲")).value().isEmpty())
        << "another account's drafts are its own";
    ASSERT_TRUE(await(again->chats().saveDraft(QStringLiteral("sim"), QStringLiteral("买家甲"), QString())).ok());
    again.reset();

    // A damaged drafts file is put aside, not trusted and not overwritten unseen.
    auto third = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(third);
    EXPECT_TRUE(third->chats().draft(QStringLiteral("sim"), QStringLiteral("买家甲")).value().isEmpty());
    const QString path = session::DraftBook::pathFor(serverOptions().cacheDir, serverOptions().server,
                                                     third->shop().name, third->me().id.value());
    third.reset();
    EXPECT_EQ(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0)
        << "drafts are this PC account's only";
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{not json");
    f.close();
    auto fourth = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(fourth);
    EXPECT_TRUE(QFile::exists(path + QStringLiteral(".unreadable")));
    fourth.reset();

    // A cache that cannot be written: the desk says so, and the draft is still there to type on.
    session::ServerOptions blocked = serverOptions();
    blocked.cacheDir = dir.filePath(QStringLiteral("a-file-not-a-folder"));
    QFile plain(blocked.cacheDir);
    ASSERT_TRUE(plain.open(QIODevice::WriteOnly));
    plain.close();
    auto stuck = await(session::RemoteShop::login(blocked, QStringLiteral("小美"), kAgentPassword));
    ASSERT_TRUE(stuck);
    Status st = await(
        (*stuck)->chats().saveDraft(QStringLiteral("sim"), QStringLiteral("买家乙"), QStringLiteral("没存上的话")));
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(st.error().message.contains(QStringLiteral("stays in the reply box")))
        << st.error().message.toStdString();
    EXPECT_EQ((*stuck)->chats().draft(QStringLiteral("sim"), QStringLiteral("买家乙")).value(),
              QStringLiteral("没存上的话"));
}

TEST_F(RemoteSession, TheDeskOffersWhatTheServerServesOfThePlatform)
{
    auto before = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(before);
    EXPECT_TRUE(before->offers(platform::Capability::Chat)) << before->capabilities().to_string();
    EXPECT_TRUE(before->offers(platform::Capability::RefundDecide));
    EXPECT_FALSE(before->offers(platform::Capability::Reviews)) << "no review list is served";
    startRouter(0);
    auto after = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->offers(platform::Capability::OrderCard)) << "the simulated shop sends order cards";
    EXPECT_FALSE(after->offers(platform::Capability::Reviews));
}

} // namespace
} // namespace shopdesk::test

namespace shopdesk::test {
namespace {

// A desk closed while a read it started after a push is on its way tells no view anything as it
// goes (the failing call's continuation used to say "changed" from a half-destroyed session).
TEST_F(RemoteSession, ADeskClosedWithAReadOnItsWayTellsNoOne)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    bool closing = false;
    int toldWhileClosing = 0;
    bool closed = false;
    QObject::connect(agent.get(), &session::ShopSession::teamChanged, [&] { toldWhileClosing += closing ? 1 : 0; });
    // The push starts the desk's read of the phrases; the desk closes before the answer comes.
    QObject::connect(agent.get(), &session::ShopSession::changeArrived,
                     [&](qint64, const QString& kind, const QByteArray&) {
                         if (kind == u"phrases") {
                             QTimer::singleShot(0, [&] {
                                 closing = true;
                                 agent.reset();
                                 closing = false;
                                 closed = true;
                             });
                         }
                     });
    QuickReply team;
    team.scope = QuickReply::Scope::Team;
    team.code = QStringLiteral("hy");
    team.text = QStringLiteral("亲，欢迎光临");
    ASSERT_TRUE(await(owner->phrases().save(team)));
    ASSERT_TRUE(spinUntil([&] { return closed; }));
    EXPECT_EQ(toldWhileClosing, 0);
}

// The server answers each connection in the language its desktop asked for: a Chinese desk reads
// the gate's refusal in Chinese while a command line (English) reads it in English, at one time.
TEST_F(RemoteSession, TheServerSpeaksEachDesksLanguage)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    session::ServerOptions chineseDesk = serverOptions();
    chineseDesk.language = QStringLiteral("zh_CN");
    auto zh = await(session::RemoteShop::login(chineseDesk, QStringLiteral("小美"), kAgentPassword));
    ASSERT_TRUE(zh) << zh.error().message.toStdString();
    auto en = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(en);
    NewAccount a;
    a.name = QStringLiteral("小王");
    a.password = kAgentPassword;
    a.roles = {QStringLiteral("presales")};
    auto inChinese = await((*zh)->team().createAccount(a));
    auto inEnglish = await(en->team().createAccount(a));
    ASSERT_FALSE(inChinese);
    ASSERT_FALSE(inEnglish);
    EXPECT_EQ(inChinese.error().message,
              QStringLiteral("测试旗舰店:小美 无权新建子账号：这需要权限 account.manage（管理子账号）。"));
    EXPECT_TRUE(inEnglish.error().message.contains(u"may not create a sub-account"))
        << inEnglish.error().message.toStdString();
    // A sentence of the server's own, and one of a wrong password (the lockout's), in Chinese too.
    RawClient raw(server->port());
    raw.send(QStringLiteral(R"({"v":2,"id":1,"op":"hello","args":{"language":"zh_CN"}})"));
    const QString version = RawClient::message(raw.next());
    EXPECT_TRUE(version.contains(u"团队协议")) << version.toStdString();
    auto wrong = await(session::RemoteShop::login(chineseDesk, QStringLiteral("小美"), QStringLiteral("nope")));
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().message, QStringLiteral("账号或密码错误。"));
}

} // namespace
} // namespace shopdesk::test
