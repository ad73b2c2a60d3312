// The shop's settings and texts in team mode: what a supervisor sets through the server changes
// what the server runs (the lockout, the simulated shop's rate of buyers) and what every desk
// shows (the closing line); a setting that would change nothing on a team server is refused.

#include "server/TeamFixture.h"
#include "session/Chats.h"
#include "session/Team.h"

namespace shopdesk::test {
namespace {

using TeamSettings = TeamFixture;

qint64 conversations(const QString& url)
{
    auto c = pg::PgConnection::open(url);
    auto r = (*c)->query("SELECT count(*) FROM conversations");
    return r && r->rows() ? r->integer(0, 0) : -1;
}

TEST_F(TeamSettings, TheLockoutASupervisorSetsIsTheOneTheServerApplies)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    ASSERT_TRUE(await(owner->team().setSetting(QStringLiteral("login.max_failures"), QStringLiteral("3"))).ok());
    auto listed = owner->team().settings();
    ASSERT_TRUE(listed);
    bool seen = false;
    bool followUpRules = false;
    for (const session::Setting& s : *listed) {
        seen = seen || (s.key == u"login.max_failures" && s.value == u"3");
        followUpRules = followUpRules || s.key == u"followup.unpaid_hours";
        EXPECT_FALSE(s.key == u"sim.bots" || s.key == u"sim.speed") << "not a team server's: " << s.key.toStdString();
    }
    EXPECT_TRUE(seen) << "the desk's list shows the new value";
    EXPECT_TRUE(followUpRules) << "the follow-up rules are the server's (it serves the 待跟进 list)";

    for (int i = 0; i < 3; ++i) {
        auto wrong = await(session::RemoteShop::login(serverOptions(), QStringLiteral("小美"), QStringLiteral("nope")));
        ASSERT_FALSE(wrong);
    }
    auto right = await(session::RemoteShop::login(serverOptions(), QStringLiteral("小美"), kAgentPassword));
    ASSERT_FALSE(right) << "locked after the third failure, as set (the default is more)";
    EXPECT_TRUE(right.error().message.contains(QStringLiteral("locked"))) << right.error().message.toStdString();
}

TEST_F(TeamSettings, SingleSeatSettingsAreRefusedAndChangeNothing)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    for (const char* key : {"sim.bots", "sim.speed"}) {
        Status st = await(owner->team().setSetting(QString::fromLatin1(key), QStringLiteral("5")));
        ASSERT_FALSE(st.ok()) << key;
        EXPECT_TRUE(st.error().message.contains(QStringLiteral("no effect on a team server")))
            << st.error().message.toStdString();
    }
    Status unknown = await(owner->team().setSetting(QStringLiteral("nosuch.key"), QStringLiteral("1")));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    Status refused = await(agent->team().setSetting(QStringLiteral("login.max_failures"), QStringLiteral("99")));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
}

TEST_F(TeamSettings, TheSimulatedShopTakesTheRateOfBuyersASupervisorSets)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    startRouter(0); // the server's option: no buyers until the shop's setting says otherwise
    spinUntil([] { return false; }, 500);
    EXPECT_EQ(conversations(url), 0);
    ASSERT_TRUE(await(owner->team().setSetting(QStringLiteral("sim.buyers_per_minute"), QStringLiteral("1200"))).ok());
    EXPECT_TRUE(spinUntil([&] { return conversations(url) > 0; }, 5000)) << "buyers arrive at the new rate";
    EXPECT_EQ(router->buyersPerMinute(), 1200);

    ASSERT_TRUE(await(owner->team().setSetting(QStringLiteral("sim.buyers_per_minute"), QStringLiteral("0"))).ok());
    ASSERT_TRUE(spinUntil([&] { return router->buyersPerMinute() == 0; }, 3000));
    spinUntil([] { return false; }, 300); // what was on its way is stored
    const qint64 stopped = conversations(url);
    spinUntil([] { return false; }, 1500);
    EXPECT_EQ(conversations(url), stopped) << "no new buyers once the rate is 0";
}

TEST_F(TeamSettings, TheClosingLineASupervisorSavesReachesTheAgentsDesk)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto before = agent->chats().shopTexts();
    ASSERT_TRUE(before) << before.error().message.toStdString();
    ShopTexts texts = *before;
    texts.closingLine = QStringLiteral("感谢光临本店，祝您购物愉快！");
    ASSERT_TRUE(await(owner->team().saveShopTexts(texts)).ok());
    EXPECT_TRUE(spinUntil(
        [&] {
            auto now = agent->chats().shopTexts();
            return now && now->closingLine == texts.closingLine;
        },
        1000))
        << "on the agent's desk within a second";
    ShopTexts tooLong = texts;
    tooLong.closingLine = QString(ShopTexts::kMaxChars + 1, QChar(u'长'));
    EXPECT_FALSE(await(owner->team().saveShopTexts(tooLong)).ok());
    Status refused = await(agent->team().saveShopTexts(texts));
    EXPECT_FALSE(refused.ok()) << "an agent does not edit the shop's texts";
}

} // namespace
} // namespace shopdesk::test
