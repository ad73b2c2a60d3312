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

} // namespace
} // namespace shopdesk::platform::sim
