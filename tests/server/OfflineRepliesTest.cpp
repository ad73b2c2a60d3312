// Replies written while the link to the team server is down (team.md, Offline): in a chat the
// agent held they wait for a short lease and go once, in order, when the link is back; one that
// cannot go (the lease ran out, the session ended) is back in the reply box; a chat not held
// refuses at once. On the server: a write sent again under the same request key while the first
// is on its way is done once; a reply that waited longer than the lease is refused.
// This desktop's copy (DeskCache): a desk started while the server is down reads what it read
// last, sealed with the password, and resumes on the server; what a right no longer allows, and
// a disabled account's whole copy, are gone from it.

#include "pg/PgStore.h"
#include "protocol/Protocol.h"
#include "server/TeamFixture.h"
#include "services/accounts/AccountService.h"
#include "session/Chats.h"
#include "session/Team.h"
#include "session/remote/DeskCache.h"
#include "session/remote/RemoteSession.h"

namespace shopdesk::test {
namespace {

class OfflineReplies : public TeamFixture {
protected:
    /// 小美 in the pre-sales group, online on her desk, with a buyer the router gave her.
    std::optional<ConversationSummary> servedAgent(const session::ServerOptions& options)
    {
        auto owner = loginRemote(QStringLiteral("店长"), kOwnerPassword);
        if (!owner || !await(owner->team().saveRouting(routing::Settings(), {{QStringLiteral("presales"), 3}})).ok() ||
            !(owner = ownerWithAgent(QStringLiteral("presales")))) {
            ADD_FAILURE() << "the team was not set up";
            return std::nullopt;
        }
        auto a = await(session::RemoteShop::login(options, QStringLiteral("小美"), kAgentPassword));
        EXPECT_TRUE(a) << (a ? "" : a.error().message.toStdString());
        if (!a) {
            return std::nullopt;
        }
        agent = *a;
        EXPECT_TRUE(await(agent->chats().setPresence(platform::AgentPresence::Online)).ok());
        std::optional<ConversationSummary> served;
        spinUntil(
            [&] {
                auto mine = agent->chats().mine(Timestamp::fromMs(0));
                for (const ConversationSummary& c : mine ? *mine : std::vector<ConversationSummary>()) {
                    if (c.state == ConversationSummary::State::Active && c.agent == QStringLiteral("小美")) {
                        served = c;
                        return true;
                    }
                }
                return false;
            },
            20000);
        EXPECT_TRUE(served) << "no buyer was routed to the agent";
        return served;
    }
    /// How many agent messages with `text` the server stored, and the first one's id.
    std::pair<int, qint64> stored(const QString& text)
    {
        auto c = pg::PgConnection::open(url);
        auto r = (*c)->query("SELECT count(*), coalesce(min(id), 0) FROM messages WHERE sender = 1 AND text = $1",
                             {pg::param(text)});
        EXPECT_TRUE(r) << (r ? "" : r.error().message.toStdString());
        return r ? std::pair<int, qint64>(r->text(0, 0).toInt(), r->text(0, 1).toLongLong()) : std::pair(-1, 0LL);
    }
    void linkDown()
    {
        port = server->port();
        server.reset();
        ASSERT_TRUE(spinUntil([&] { return agent->link() != session::LinkState::Connected; }, 5000));
    }
    void linkBack()
    {
        startServer(std::chrono::minutes(60), port);
        server->setRouter(router.get());
    }

    std::shared_ptr<session::ShopSession> agent;
    quint16 port = 0;
};

TEST_F(OfflineReplies, RepliesInAHeldChatGoOnceAndInOrderWhenTheLinkIsBack)
{
    startRouter(240);
    auto served = servedAgent(serverOptions());
    ASSERT_TRUE(served);
    int changes = 0;
    QObject::connect(agent.get(), &session::ShopSession::outboxChanged, [&] { ++changes; });
    linkDown();

    const QString first = QStringLiteral("亲，刚才断网了，您的订单已经备注好了");
    const QString second = QStringLiteral("明天一早发货，请放心");
    ASSERT_TRUE(await(agent->chats().send(served->buyerNick, first)).ok());
    ASSERT_TRUE(await(agent->chats().send(served->buyerNick, second)).ok());
    auto waiting = agent->chats().queued(served->buyerNick);
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0].text, first) << "oldest first";
    EXPECT_GT(waiting[0].until.ms(), QDateTime::currentMSecsSinceEpoch() + 60'000) << "the lease is ahead";
    EXPECT_GE(changes, 2);

    // A chat the agent does not hold cannot wait: refused at once, the text stays in the box.
    Status notHeld = await(agent->chats().send(QStringLiteral("别人的买家"), QStringLiteral("在吗")));
    ASSERT_FALSE(notHeld.ok());
    EXPECT_EQ(notHeld.error().code, ErrorCode::Busy);
    EXPECT_TRUE(notHeld.error().message.contains(u"held")) << notHeld.error().message.toStdString();
    EXPECT_EQ(stored(first).first, 0) << "nothing went while the link was down";

    linkBack();
    ASSERT_TRUE(spinUntil(
        [&] {
            return agent->link() == session::LinkState::Connected && agent->chats().queued(served->buyerNick).empty();
        },
        20000))
        << "the waiting replies went";
    ASSERT_TRUE(spinUntil([&] { return stored(second).first == 1; }, 5000));
    const auto [firstCount, firstId] = stored(first);
    const auto [secondCount, secondId] = stored(second);
    EXPECT_EQ(firstCount, 1) << "once";
    EXPECT_EQ(secondCount, 1) << "once";
    EXPECT_LT(firstId, secondId) << "in the order written";
    EXPECT_TRUE(agent->chats().draft(served->platform, served->buyerNick).value().isEmpty());
}

TEST_F(OfflineReplies, AReplyWhoseLeaseRanOutIsBackInFrontOfTheDraft)
{
    startRouter(240);
    session::ServerOptions shortLease = serverOptions();
    shortLease.offlineLeaseMs = 400;
    auto served = servedAgent(shortLease);
    ASSERT_TRUE(served);
    ASSERT_TRUE(
        await(agent->chats().saveDraft(served->platform, served->buyerNick, QStringLiteral("还没写完的"))).ok());
    QString returned;
    QString why;
    QObject::connect(agent.get(), &session::ShopSession::replyReturned,
                     [&](const QString&, const QString& buyer, const QString& text, const QString& reason) {
                         EXPECT_EQ(buyer, served->buyerNick);
                         returned = text;
                         why = reason;
                     });
    linkDown();
    const QString late = QStringLiteral("这句等不到网络恢复");
    ASSERT_TRUE(await(agent->chats().send(served->buyerNick, late)).ok());
    ASSERT_EQ(agent->chats().queued(served->buyerNick).size(), 1u);

    ASSERT_TRUE(spinUntil([&] { return !returned.isEmpty(); }, 3000)) << "given back when the lease ran out";
    EXPECT_EQ(returned, late);
    EXPECT_TRUE(why.contains(u"waited longer")) << why.toStdString();
    EXPECT_TRUE(agent->chats().queued(served->buyerNick).empty());
    EXPECT_EQ(agent->chats().draft(served->platform, served->buyerNick).value(), late + QStringLiteral("\n还没写完的"))
        << "in front of what was typed, nothing lost";

    linkBack();
    ASSERT_TRUE(spinUntil([&] { return agent->link() == session::LinkState::Connected; }, 20000));
    spinUntil([] { return false; }, 500);
    EXPECT_EQ(stored(late).first, 0) << "a reply given back never goes by itself";
}

TEST_F(OfflineReplies, ASessionEndedWhileOfflineGivesItsRepliesBack)
{
    startRouter(240);
    auto served = servedAgent(serverOptions());
    ASSERT_TRUE(served);
    linkDown();
    const QString text = QStringLiteral("账号被停用前写的");
    ASSERT_TRUE(await(agent->chats().send(served->buyerNick, text)).ok());
    // Meanwhile the supervisor disables the account: the server re-checks when the desk is back.
    auto owner = backend->accounts().login(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(owner);
    ASSERT_TRUE(backend->accounts().setDisabled(*owner, QStringLiteral("小美"), true).ok());

    linkBack();
    ASSERT_TRUE(spinUntil([&] { return agent->isEnded(); }, 20000));
    EXPECT_TRUE(agent->chats().queued(served->buyerNick).empty());
    EXPECT_EQ(agent->chats().draft(served->platform, served->buyerNick).value(), text) << "kept as the draft";
    EXPECT_EQ(stored(text).first, 0);
}

TEST_F(OfflineReplies, TheServerDoesAWriteOnceAndRefusesAReplyPastItsLease)
{
    startRouter(240);
    auto served = servedAgent(serverOptions());
    ASSERT_TRUE(served);
    RawClient raw(server->port());
    ASSERT_TRUE(raw.request(1, QStringLiteral("hello")).value(QStringLiteral("ok")).toBool());
    ASSERT_TRUE(
        raw.request(2, QStringLiteral("login"),
                    {{QStringLiteral("name"), QStringLiteral("小美")}, {QStringLiteral("password"), kAgentPassword}})
            .value(QStringLiteral("ok"))
            .toBool());

    // The same write twice, the second while the first is on its way through the platform.
    const QString text = QStringLiteral("同一个请求键只发一次");
    auto frame = [&](qint64 id) {
        QJsonObject o{{QStringLiteral("v"), 1},
                      {QStringLiteral("id"), id},
                      {QStringLiteral("op"), QStringLiteral("chats.send")},
                      {QStringLiteral("rid"), QStringLiteral("offline-7f3a")},
                      {QStringLiteral("args"),
                       QJsonObject{{QStringLiteral("buyer"), served->buyerNick}, {QStringLiteral("text"), text}}}};
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    raw.send(frame(3));
    raw.send(frame(4));
    const QJsonObject a = raw.next();
    const QJsonObject b = raw.next();
    EXPECT_TRUE(a.value(QStringLiteral("ok")).toBool()) << RawClient::message(a).toStdString();
    EXPECT_TRUE(b.value(QStringLiteral("ok")).toBool()) << RawClient::message(b).toStdString();
    EXPECT_EQ(a.value(QStringLiteral("id")).toInt() + b.value(QStringLiteral("id")).toInt(), 7) << "both answered";
    ASSERT_TRUE(spinUntil([&] { return stored(text).first >= 1; }, 5000));
    spinUntil([] { return false; }, 300);
    EXPECT_EQ(stored(text).first, 1) << "done once";

    const QJsonObject late =
        raw.request(5, QStringLiteral("chats.send"),
                    {{QStringLiteral("buyer"), served->buyerNick},
                     {QStringLiteral("text"), QStringLiteral("等太久的")},
                     {QStringLiteral("waitedMs"), static_cast<double>(protocol::kOfflineLeaseMs + 1000)}},
                    QStringLiteral("offline-late"));
    EXPECT_EQ(RawClient::code(late), u"invalid");
    EXPECT_TRUE(RawClient::message(late).contains(u"not sent")) << RawClient::message(late).toStdString();
}

TEST_F(OfflineReplies, ADeskStartedWhileTheServerIsDownReadsItsCopyAndResumesThere)
{
    startRouter(240);
    auto served = servedAgent(desktop(serverOptions()));
    ASSERT_TRUE(served);
    std::vector<Message> read;
    ASSERT_TRUE(spinUntil(
        [&] {
            auto page = agent->chats().page(served->id, 100, MessageId());
            if (page && !page->empty()) {
                read = *page;
            }
            return !read.empty();
        },
        5000));
    ASSERT_TRUE(copied(*agent, QStringLiteral("timeline:%1").arg(served->id.value()), kAgentPassword));
    ASSERT_TRUE(copied(*agent, QStringLiteral("chats.mine"), kAgentPassword));
    const QString path = dynamic_cast<session::RemoteSession&>(*agent).copy()->path();
    // One desktop per account and server on this PC (they would write over each other's copy).
    auto second = await(session::RemoteShop::login(desktop(serverOptions()), QStringLiteral("小美"), kAgentPassword));
    ASSERT_FALSE(second);
    EXPECT_TRUE(second.error().message.contains(u"already open")) << second.error().message.toStdString();
    agent.reset(); // the desktop is closed
    port = server->port();
    const session::ServerOptions down = serverOptions();
    server.reset(); // and the server goes down

    // The copy is this PC account's only, and the file alone reads nothing: every value is sealed.
    EXPECT_EQ(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0);
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = f.readAll();
            EXPECT_FALSE(bytes.contains(served->buyerNick.toUtf8())) << "a buyer's nick in the clear";
            EXPECT_FALSE(bytes.contains(read.front().text.toUtf8())) << "a message in the clear";
        }
    }
    // A wrong password opens nothing; a command-line program never reads a copy.
    auto wrong =
        await(session::RemoteShop::login(desktop(down), QStringLiteral("小美"), QStringLiteral("not-her-password")));
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::NotAllowed);
    EXPECT_TRUE(wrong.error().message.contains(u"does not open")) << wrong.error().message.toStdString();
    auto cli = await(session::RemoteShop::login(down, QStringLiteral("小美"), kAgentPassword));
    ASSERT_FALSE(cli);
    EXPECT_EQ(cli.error().code, ErrorCode::Busy);

    // Started offline: the chats list and the timeline as last read, the banner's state.
    auto offline = await(session::RemoteShop::login(desktop(down), QStringLiteral("小美"), kAgentPassword));
    ASSERT_TRUE(offline) << offline.error().message.toStdString();
    agent = *offline;
    EXPECT_NE(agent->link(), session::LinkState::Connected);
    EXPECT_EQ(agent->me().name, QStringLiteral("小美"));
    auto mine = agent->chats().conversation(served->platform, served->key);
    ASSERT_TRUE(mine && *mine) << "the chats list from the copy";
    auto timeline = agent->chats().page(served->id, 100, MessageId());
    ASSERT_TRUE(timeline) << timeline.error().message.toStdString();
    ASSERT_EQ(timeline->size(), read.size());
    EXPECT_EQ(timeline->back().text, read.back().text);
    // A reply in the held chat waits for the link.
    const QString reply = QStringLiteral("断网重启后写的回复");
    ASSERT_TRUE(await(agent->chats().send(served->buyerNick, reply)).ok());

    // The server is back: the desk resumes its session there, and the reply goes once.
    startServer(std::chrono::minutes(60), port);
    server->setRouter(router.get());
    ASSERT_TRUE(spinUntil(
        [&] {
            auto* remote = dynamic_cast<session::RemoteSession*>(agent.get());
            return agent->link() == session::LinkState::Connected && !remote->fromCopyOnly() &&
                   agent->chats().queued(served->buyerNick).empty();
        },
        20000))
        << "resumed with the kept session";
    ASSERT_TRUE(spinUntil([&] { return stored(reply).first == 1; }, 5000));
    EXPECT_FALSE(agent->isEnded());
}

TEST_F(OfflineReplies, TheCopyForgetsWhatARightNoLongerAllowsAndADisabledAccountsCopyGoes)
{
    startRouter(240);
    // A refused login leaves no lock behind: the next one on this desktop goes in.
    auto refused =
        await(session::RemoteShop::login(desktop(serverOptions()), QStringLiteral("小美"), "wrong-password"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    auto served = servedAgent(desktop(serverOptions()));
    ASSERT_TRUE(served);
    ASSERT_TRUE(copied(*agent, QStringLiteral("chats.mine"), kAgentPassword));
    const QString path = dynamic_cast<session::RemoteSession&>(*agent).copy()->path();

    auto supervisor = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(supervisor);
    ASSERT_TRUE(await(supervisor->team().createRole(QStringLiteral("只看订单"),
                                                    *auth::PermissionSet::parse(QStringLiteral("order.view"))))
                    .ok());
    ASSERT_TRUE(await(supervisor->team().setRoles(QStringLiteral("小美"), {QStringLiteral("只看订单")})).ok());
    ASSERT_TRUE(spinUntil([&] { return !agent->can(auth::Permission::ChatRead); }, 3000));
    ASSERT_TRUE(spinUntil(
        [&] {
            dynamic_cast<session::RemoteSession&>(*agent).copy()->flush();
            session::DeskCache::Values values;
            auto c = session::DeskCache::open(path, kAgentPassword, true, &values);
            if (!c) {
                return false;
            }
            for (const auto& [key, value] : values) {
                if (key == u"chats.mine" || key.startsWith(u"timeline:")) {
                    return false;
                }
            }
            return values.count(QStringLiteral("session")) == 1;
        },
        5000))
        << "the chats are gone from the copy, the session stays";

    ASSERT_TRUE(await(supervisor->team().setDisabled(QStringLiteral("小美"), true)).ok());
    ASSERT_TRUE(spinUntil([&] { return agent->isEnded(); }, 3000));
    EXPECT_FALSE(QFile::exists(path)) << "a disabled account's copy is deleted with its session";
}

} // namespace
} // namespace shopdesk::test
