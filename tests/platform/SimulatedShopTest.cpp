#include "support/QtPrinters.h"

#include "backend/SimSetup.h"
#include "platform/sim/SimEventDecoder.h"
#include "platform/sim/SimulatedShop.h"
#include "services/demo/EcdCorpus.h"

#include <gtest/gtest.h>

namespace shopdesk::platform::sim {
namespace {

const EcdCorpus& corpus()
{
    static const EcdCorpus c = *EcdCorpus::embedded();
    return c;
}

SimConfig config(quint64 seed, double buyersPerMinute, int bots, double malformed = 0)
{
    SimConfig c;
    c.seed = seed;
    c.buyersPerMinute = buyersPerMinute;
    c.start = SimSetup::defaultStart();
    c.groups = {{QStringLiteral("presales"), 8}, {QStringLiteral("aftersales"), 5}};
    for (int i = 0; i < bots; ++i) {
        routing::AgentConfig a;
        a.name = SimSetup::botName(i);
        a.group = c.groups[static_cast<std::size_t>(i % 2)].name;
        c.agents.push_back(a);
        c.botAgents << a.name;
    }
    c.malformedRate = malformed;
    c.routing.handlingMinutes = 4;
    return c;
}

TEST(SimulatedShop, EveryEventOfTheWorldDecodes)
{
    auto shop = SimulatedShop::create(config(7, 10, 6, 0.01), corpus());
    ASSERT_TRUE(shop);
    ASSERT_TRUE(shop);
    (*shop)->advanceTo(3600);
    const auto events = (*shop)->outbox().fetch(0, 1'000'000);
    int rejected = 0;
    for (const RawEvent& e : events) {
        auto records = decodeSimEvent(e.payload);
        if (!records) {
            ++rejected;
            const bool garbage = e.payload.contains("\"bad\"") || e.payload.contains("\"x\"") ||
                                 e.payload.contains("\"y\"") || e.payload.contains("\"z\"") || e.payload == "[1,2,3]" ||
                                 !e.payload.contains("\"at\"");
            EXPECT_TRUE(garbage) << e.payload.toStdString() << " -> " << records.error().message.toStdString();
        }
    }
    EXPECT_EQ(rejected, (*shop)->stats().malformed);
}

std::vector<QByteArray> payloads(SimulatedShop& shop)
{
    std::vector<QByteArray> out;
    for (const RawEvent& e : shop.outbox().fetch(0, 1'000'000)) {
        out.push_back(e.payload);
    }
    return out;
}

TEST(SimulatedShop, TheWorldDoesNotDependOnHowTimeIsStepped)
{
    auto whole = SimulatedShop::create(config(11, 20, 4), corpus());
    ASSERT_TRUE(whole);
    (*whole)->advanceTo(1800);
    const auto expected = payloads(**whole);
    ASSERT_GT(expected.size(), 500u);
    for (const qint64 step : {1, 7, 60, 301}) {
        auto stepped = SimulatedShop::create(config(11, 20, 4), corpus());
        ASSERT_TRUE(stepped);
        for (qint64 t = step; t < 1800; t += step) {
            (*stepped)->advanceTo(t);
        }
        (*stepped)->advanceTo(1800);
        EXPECT_EQ(payloads(**stepped), expected) << "step " << step;
    }
}

TEST(SimulatedShop, SameSeedSameWorldOtherSeedOtherWorld)
{
    auto a = SimulatedShop::create(config(5, 12, 3), corpus());
    auto b = SimulatedShop::create(config(5, 12, 3), corpus());
    auto c = SimulatedShop::create(config(6, 12, 3), corpus());
    ASSERT_TRUE(a && b && c);
    for (auto* s : {&a, &b, &c}) {
        (**s)->advanceTo(1200);
    }
    EXPECT_EQ(payloads(**a), payloads(**b));
    EXPECT_NE(payloads(**a), payloads(**c));
    EXPECT_NE((*a)->streamId(), (*c)->streamId());
}

TEST(SimulatedShop, BuyersEnterTheGroupOfWhatTheyAskAndWaitOnlyWhenNoEligibleAgentHasRoom)
{
    // The demo shop as the store hands it over: groups listed alphabetically (aftersales first),
    // the supervisor and 小美 in presales, 阿强 in aftersales, colleagues in both; 双11-like load.
    SimConfig c;
    c.seed = 13;
    c.buyersPerMinute = 40;
    c.start = SimSetup::defaultStart();
    c.groups = {{QStringLiteral("aftersales"), 5}, {QStringLiteral("presales"), 8}};
    c.routing.queue = routing::Settings::Queue::Shop;
    c.routing.handlingMinutes = 4;
    c.routing.sessionEndMinutes = 10;
    auto agent = [&](const QString& name, const QString& group, std::optional<int> limit) {
        routing::AgentConfig a;
        a.name = name;
        a.group = group;
        a.limit = limit;
        c.agents.push_back(a);
        c.botAgents << name;
    };
    agent(QStringLiteral("主管老李"), QStringLiteral("presales"), 10);
    agent(QStringLiteral("小美"), QStringLiteral("presales"), 8);
    agent(QStringLiteral("阿强"), QStringLiteral("aftersales"), 5);
    for (int i = 0; i < 6; ++i) {
        agent(SimSetup::botName(i), i % 2 == 0 ? QStringLiteral("presales") : QStringLiteral("aftersales"), {});
    }
    auto shop = SimulatedShop::create(c, corpus());
    ASSERT_TRUE(shop);
    int waitingWithRoom = 0;
    int queuedSeen = 0;
    for (qint64 t = 30; t <= 4 * 3600; t += 30) {
        (*shop)->advanceTo(t);
        const routing::RoutingEngine& engine = (*shop)->engine();
        for (routing::BuyerIdx b : engine.queue()) {
            ++queuedSeen;
            const auto group = engine.queuedFor(b);
            ASSERT_TRUE(group);
            if (engine.hasRoomFor(*group)) {
                ++waitingWithRoom;
            }
        }
    }
    EXPECT_GT(queuedSeen, 0) << "the load makes buyers wait at times";
    EXPECT_EQ(waitingWithRoom, 0) << "a buyer waited while an eligible agent was below the limit";
    const auto& entries = (*shop)->stats().entriesByPurpose;
    ASSERT_TRUE(entries.count(QStringLiteral("presales")) && entries.count(QStringLiteral("aftersales")));
    EXPECT_EQ(entries.at(QStringLiteral("presales")).count(QStringLiteral("aftersales")), 0u)
        << "pre-sales buyers were sent to the after-sales group";
    EXPECT_GT(entries.at(QStringLiteral("presales")).count(QStringLiteral("presales")), 0u);
    EXPECT_EQ(entries.at(QStringLiteral("aftersales")).count(QStringLiteral("presales")), 0u);
    EXPECT_GT(entries.at(QStringLiteral("aftersales")).count(QStringLiteral("aftersales")), 0u);
}

TEST(SimulatedShop, AnAccountInNoGroupMeetsPresalesBuyers)
{
    RoutingConfig stored;
    stored.groups = {{QStringLiteral("aftersales"), 5}, {QStringLiteral("presales"), 8}};
    routing::AgentConfig owner;
    owner.name = QStringLiteral("店长");
    stored.agents.push_back(owner);
    SimSetup setup;
    setup.person = QStringLiteral("店长");
    setup.bots = 0;
    auto routed = setup.routingFor(stored);
    ASSERT_TRUE(routed);
    ASSERT_EQ(routed->agents.size(), 1u);
    EXPECT_EQ(routed->agents.front().group, QStringLiteral("presales"));
}

} // namespace
} // namespace shopdesk::platform::sim
