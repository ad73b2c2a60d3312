// Team mode end to end: a real server (PostgreSQL, the claim path, the router with the simulated
// shop) and two clients. The supervisor creates a sub-account; the agent logs in from the other
// client; a simulated buyer is routed to the agent; the agent replies; the supervisor sees it in
// the live queue; the supervisor removes chat.reply and the agent's next reply is refused; the
// supervisor disables the agent and the agent's session ends within a second.

#include "platform/PlatformTypes.h"
#include "server/TeamFixture.h"
#include "session/AuditTrail.h"
#include "session/Chats.h"
#include "session/Team.h"

#include <QElapsedTimer>

namespace shopdesk::test {
namespace {

using TeamEndToEnd = TeamFixture;

TEST_F(TeamEndToEnd, ASupervisorAndAnAgentOnTwoDesktops)
{
    // The server routes from the start; the team is set up while it runs.
    startRouter(240);
    auto supervisor = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(supervisor);
    // The routing a supervisor sets up: a pre-sales group with a limit of 3.
    ASSERT_TRUE(await(supervisor->team().saveRouting(routing::Settings(), {{QStringLiteral("presales"), 3}})).ok());
    NewAccount account;
    account.name = QStringLiteral("小美");
    account.password = kAgentPassword;
    account.roles = {QStringLiteral("presales")};
    account.group = QStringLiteral("presales");
    ASSERT_TRUE(await(supervisor->team().createAccount(account)));

    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    ASSERT_TRUE(await(agent->chats().setPresence(platform::AgentPresence::Online)).ok());

    // A simulated buyer reaches 小美 through the claim path.
    std::optional<ConversationSummary> served;
    ASSERT_TRUE(spinUntil(
        [&] {
            auto mine = agent->chats().mine(Timestamp::fromMs(0));
            for (const ConversationSummary& c : mine ? *mine : std::vector<ConversationSummary>()) {
                if (c.state == ConversationSummary::State::Active) {
                    served = c;
                    return true;
                }
            }
            return false;
        },
        20000))
        << "no buyer was routed to the agent";
    EXPECT_EQ(served->agent, QStringLiteral("小美"));

    // The agent replies; the reply comes back through the platform into the timeline.
    const QString reply = QStringLiteral("亲，在的，请问有什么可以帮您？");
    auto sent = await(agent->chats().send(served->buyerNick, reply));
    ASSERT_TRUE(sent.ok()) << sent.error().message.toStdString();
    ASSERT_TRUE(spinUntil(
        [&] {
            auto timeline = agent->chats().page(served->id, 50, MessageId());
            return timeline && std::any_of(timeline->begin(), timeline->end(), [&](const Message& m) {
                       return m.sender == Sender::Agent && m.text == reply;
                   });
        },
        10000))
        << "the reply did not reach the agent's timeline";

    // The supervisor sees the conversation with 小美 in the live queue.
    ASSERT_TRUE(spinUntil(
        [&] {
            auto live = supervisor->chats().liveQueue(Timestamp::fromMs(0));
            return live && std::any_of(live->sessions.begin(), live->sessions.end(), [&](const ConversationSummary& c) {
                       return c.key == served->key && c.agent == QStringLiteral("小美") &&
                              c.state == ConversationSummary::State::Active;
                   });
        },
        5000))
        << "the live queue does not show the agent's conversation";

    // chat.reply taken away: the next reply is refused by the server.
    auto readOnly = await(supervisor->team().createRole(QStringLiteral("只看"),
                                                        *auth::PermissionSet::parse(QStringLiteral("chat.read"))));
    ASSERT_TRUE(readOnly.ok()) << readOnly.error().message.toStdString();
    ASSERT_TRUE(await(supervisor->team().setRoles(QStringLiteral("小美"), {QStringLiteral("只看")})).ok());
    auto refused = await(agent->chats().send(served->buyerNick, QStringLiteral("还在吗？")));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed) << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(u"chat.reply")) << refused.error().message.toStdString();
    EXPECT_TRUE(spinUntil([&] { return !agent->can(auth::Permission::ChatReply); }, 1000)) << "the mirror followed";

    // Disabled: the agent's session ends within a second.
    QElapsedTimer t;
    t.start();
    ASSERT_TRUE(await(supervisor->team().setDisabled(QStringLiteral("小美"), true)).ok());
    ASSERT_TRUE(spinUntil([&] { return agent->isEnded(); }, 3000));
    EXPECT_LT(t.elapsed(), 1000) << "ended " << t.elapsed() << " ms after the disable";
}

TEST_F(TeamEndToEnd, OneRouterPerShopAndASilentDeskCountsAsOffline)
{
    server::ShopRouter::Options o;
    o.pgUrl = url;
    o.retryMs = 100;
    o.sweepMs = 100;
    auto first = std::make_unique<server::ShopRouter>(*backend, o);
    first->start();
    ASSERT_TRUE(first->leading());
    server::ShopRouter standby(*backend, o);
    standby.start();
    spinUntil([] { return false; }, 300);
    EXPECT_FALSE(standby.leading()) << "the shop's lock is held: one router";

    // The desk says it is at work, then goes silent for more than a minute.
    auto presence = first->setPresence(QStringLiteral("店长"), platform::AgentPresence::Online);
    ASSERT_TRUE(spinUntil([&] { return presence.isFinished(); }));
    EXPECT_TRUE(presence.result().isOk());
    auto status = [&] {
        auto c = pg::PgConnection::open(url);
        auto r = (*c)->query("SELECT status FROM agent_load");
        return r && r->rows() ? r->text(0, 0) : QString();
    };
    EXPECT_EQ(status(), QStringLiteral("online"));
    clock.advanceSecs(61);
    EXPECT_TRUE(spinUntil([&] { return status() == u"offline"; }, 3000)) << "silent for 61 s: offline";

    // The router dies (its session with it): the standby takes over.
    first.reset();
    EXPECT_TRUE(spinUntil([&] { return standby.leading(); }, 3000)) << "the standby took the lock";
}

TEST_F(TeamEndToEnd, AnAgentTransfersItsBuyerToAColleagueThroughTheClaimPath)
{
    startRouter(240);
    auto supervisor = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(supervisor);
    ASSERT_TRUE(await(supervisor->team().saveRouting(routing::Settings(), {{QStringLiteral("presales"), 3}})).ok());
    for (const QString& name : {QStringLiteral("小美"), QStringLiteral("小王")}) {
        NewAccount account;
        account.name = name;
        account.password = kAgentPassword;
        account.roles = {QStringLiteral("presales")};
        account.group = QStringLiteral("presales");
        ASSERT_TRUE(await(supervisor->team().createAccount(account)));
    }
    auto mei = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(mei);
    ASSERT_TRUE(await(mei->chats().setPresence(platform::AgentPresence::Online)).ok());
    auto active = [](session::ShopSession& s) -> std::optional<ConversationSummary> {
        auto mine = s.chats().mine(Timestamp::fromMs(0));
        for (const ConversationSummary& c : mine ? *mine : std::vector<ConversationSummary>()) {
            if (c.state == ConversationSummary::State::Active) {
                return c;
            }
        }
        return std::nullopt;
    };
    std::optional<ConversationSummary> buyer;
    ASSERT_TRUE(spinUntil([&] { return (buyer = active(*mei)).has_value(); }, 20000)) << "no buyer for 小美";
    auto wang = loginRemote(QStringLiteral("小王"), kAgentPassword);
    ASSERT_TRUE(wang);
    ASSERT_TRUE(await(wang->chats().setPresence(platform::AgentPresence::Online)).ok());

    // 小美 sees her colleague and the group with their status and load.
    auto targets = await(mei->chats().transferTargets());
    ASSERT_TRUE(targets) << targets.error().message.toStdString();
    bool wangOnline = false;
    bool group = false;
    for (const session::TransferTarget& t : *targets) {
        EXPECT_NE(t.agent, QStringLiteral("小美")) << "never herself";
        wangOnline = wangOnline || (t.agent == u"小王" && t.presence == platform::AgentPresence::Online);
        group = group || (t.agent.isEmpty() && t.group == u"presales");
    }
    EXPECT_TRUE(wangOnline);
    EXPECT_TRUE(group);

    // 小王 may not move 小美's buyer (no chat.supervise); 小美 may.
    Status refused = await(wang->chats().transfer(buyer->buyerNick, QStringLiteral("小王"), {}, {}));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    Status moved =
        await(mei->chats().transfer(buyer->buyerNick, QStringLiteral("小王"), {}, QStringLiteral("尺码问题")));
    ASSERT_TRUE(moved.ok()) << moved.error().message.toStdString();
    EXPECT_TRUE(spinUntil(
        [&] {
            auto c = pg::PgConnection::open(url);
            auto r = (*c)->query("SELECT a.name FROM conversations c JOIN accounts a ON a.id = c.owner_id WHERE "
                                 "c.key = $1 AND c.state = 'active'",
                                 {pg::param(buyer->key)});
            return r && r->rows() == 1 && r->text(0, 0) == u"小王";
        },
        5000))
        << "the claim path gave the buyer to 小王";
    AuditQuery q;
    q.actionPrefix = QStringLiteral("chat.transfer");
    auto entries = supervisor->audit().list(q);
    ASSERT_TRUE(entries);
    ASSERT_FALSE(entries->empty());
    EXPECT_EQ(entries->front().entry.target, buyer->buyerNick);
}

} // namespace
} // namespace shopdesk::test
