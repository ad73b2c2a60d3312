// One scenario per numbered rule and edge case, with hand-computed expected output.

#include "routing/RoutingScenario.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace shopdesk;

namespace {

struct ScenarioRun {
    QStringList lines;
    Status status;
};

ScenarioRun run(const QString& settings, const QString& groups, const QString& agents, const QString& events)
{
    const QString json =
        QStringLiteral(R"({"settings":%1,"groups":%2,"agents":%3,"events":%4})").arg(settings, groups, agents, events);
    ScenarioRun r;
    r.status =
        routing::runScenario(json.toUtf8(), [&r](const QByteArray& line) { r.lines << QString::fromUtf8(line); });
    return r;
}

const QString kShop =
    QStringLiteral(R"({"queue":"shop","session_end_minutes":10,"repeat_entry_minutes":30,"handling_minutes":5})");
const QString kGroups = QStringLiteral(R"([{"name":"presales","limit":2},{"name":"aftersales","limit":1}])");

} // namespace

TEST(RoutingRules, TheIssueExampleEndToEnd)
{
    auto r = run(
        kShop, QStringLiteral(R"([{"name":"presales","limit":3},{"name":"aftersales","limit":2}])"),
        QStringLiteral(
            R"([{"name":"小美","group":"presales","limit":4,"status":"online"},{"name":"阿强","group":"aftersales","status":"offline"}])"),
        QStringLiteral(R"([{"t":0,"type":"buyer","buyer":"b1","group":"presales"},{"t":30,"type":"agent","buyer":"b1"},
                    {"t":60,"type":"status","agent":"阿强","status":"online"},{"t":90,"type":"limit","agent":"小美","limit":5},
                    {"t":120,"type":"transfer","buyer":"b1","to":"阿强"},{"t":150,"type":"close","buyer":"b1"},{"t":4000,"type":"tick"}])"));
    ASSERT_TRUE(r.status.ok());
    EXPECT_EQ(r.lines,
              (QStringList{
                  QStringLiteral(R"({"t":0,"event":"assigned","buyer":"b1","agent":"小美","reason":"free"})"),
                  QStringLiteral(R"({"t":120,"event":"assigned","buyer":"b1","agent":"阿强","reason":"transfer"})"),
                  QStringLiteral(R"({"t":150,"event":"closed","buyer":"b1","agent":"阿强","reason":"manual"})"),
                  QStringLiteral(R"({"event":"end","active":{"小美":[],"阿强":[]},"queue":[]})"),
              }));
}

TEST(RoutingRules, Rule1MessagesDuringASessionOrInTheQueueRouteNothing)
{
    auto r = run(kShop, kGroups, QStringLiteral(R"([{"name":"a","group":"aftersales","status":"online"}])"),
                 QStringLiteral(R"([{"t":0,"type":"buyer","buyer":"b1"},{"t":1,"type":"buyer","buyer":"b2"},
                    {"t":2,"type":"buyer","buyer":"b1"},{"t":3,"type":"buyer","buyer":"b2"}])"));
    ASSERT_TRUE(r.status.ok());
    EXPECT_EQ(r.lines.size(), 3);
    EXPECT_EQ(r.lines[1],
              QStringLiteral(R"({"t":1,"event":"queued","buyer":"b2","position":1,"estimated_wait_s":300})"));
}

TEST(RoutingRules, Rule2bLowestLoadThenEarliestAssignmentThenName)
{
    auto r = run(
        kShop, kGroups,
        QStringLiteral(
            R"([{"name":"丙","group":"presales","status":"online"},{"name":"乙","group":"presales","status":"online"},{"name":"甲","group":"presales","status":"online"}])"),
        QStringLiteral(
            R"([{"t":0,"type":"buyer","buyer":"b1"},{"t":5,"type":"buyer","buyer":"b2"},{"t":9,"type":"buyer","buyer":"b3"},
                    {"t":10,"type":"buyer","buyer":"b4"},{"t":11,"type":"close","buyer":"b2"},{"t":12,"type":"buyer","buyer":"b5"}])"));
    ASSERT_TRUE(r.status.ok());
    // Names in code-point order: 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532).
    EXPECT_TRUE(r.lines[0].contains(QStringLiteral(R"("buyer":"b1","agent":"丙")")));
    EXPECT_TRUE(r.lines[1].contains(QStringLiteral(R"("buyer":"b2","agent":"乙")")));
    EXPECT_TRUE(r.lines[2].contains(QStringLiteral(R"("buyer":"b3","agent":"甲")")));
    // All at load 1: earliest last assignment (丙 at 0) wins.
    EXPECT_TRUE(r.lines[3].contains(QStringLiteral(R"("buyer":"b4","agent":"丙")")));
    // 乙 drops to load 0: lowest load wins.
    EXPECT_TRUE(r.lines[5].contains(QStringLiteral(R"("buyer":"b5","agent":"乙","reason":"free")")));
}

TEST(RoutingRules, Rule2cTheQueueWithPositionsAndEstimates)
{
    auto r = run(
        QStringLiteral(R"({"queue":"shop","session_end_minutes":10,"repeat_entry_minutes":0,"handling_minutes":4})"),
        kGroups,
        QStringLiteral(
            R"([{"name":"a","group":"aftersales","status":"online"},{"name":"b","group":"aftersales","status":"online"},{"name":"c","group":"presales","status":"away"}])"),
        QStringLiteral(
            R"([{"t":0,"type":"buyer","buyer":"x1","group":"aftersales"},{"t":0,"type":"buyer","buyer":"x2","group":"aftersales"},
                    {"t":1,"type":"buyer","buyer":"x3","group":"aftersales"},{"t":2,"type":"buyer","buyer":"x4","group":"aftersales"},
                    {"t":3,"type":"buyer","buyer":"x5","group":"aftersales"},{"t":4,"type":"buyer","buyer":"p1","group":"presales"}])"));
    ASSERT_TRUE(r.status.ok());
    // Two eligible online agents: ceil(1/2)*240, ceil(2/2)*240, ceil(3/2)*240.
    EXPECT_EQ(r.lines[2],
              QStringLiteral(R"({"t":1,"event":"queued","buyer":"x3","position":1,"estimated_wait_s":240})"));
    EXPECT_EQ(r.lines[3],
              QStringLiteral(R"({"t":2,"event":"queued","buyer":"x4","position":2,"estimated_wait_s":240})"));
    EXPECT_EQ(r.lines[4],
              QStringLiteral(R"({"t":3,"event":"queued","buyer":"x5","position":3,"estimated_wait_s":480})"));
    // Nobody of presales online: max(1, 0) = 1 agent.
    EXPECT_EQ(r.lines[5],
              QStringLiteral(R"({"t":4,"event":"queued","buyer":"p1","position":4,"estimated_wait_s":960})"));
}

TEST(RoutingRules, Rule2dOverflowOrWaitingWithoutAnEstimate)
{
    const QString settings = QStringLiteral(
        R"({"queue":["presales"],"session_end_minutes":10,"repeat_entry_minutes":0,"handling_minutes":5})");
    auto r = run(
        settings, kGroups,
        QStringLiteral(
            R"([{"name":"a","group":"aftersales","status":"online"},{"name":"b","group":"aftersales","status":"online"},{"name":"c","group":"presales","status":"offline"}])"),
        QStringLiteral(
            R"([{"t":0,"type":"buyer","buyer":"x1","group":"aftersales"},{"t":0,"type":"buyer","buyer":"x2","group":"aftersales"},
                    {"t":1,"type":"buyer","buyer":"x3","group":"aftersales"},{"t":2,"type":"buyer","buyer":"n1"},
                    {"t":3,"type":"status","agent":"a","status":"offline"},{"t":3,"type":"status","agent":"b","status":"offline"},
                    {"t":4,"type":"buyer","buyer":"n2"},{"t":5,"type":"buyer","buyer":"p1","group":"presales"}])"));
    ASSERT_TRUE(r.status.ok());
    EXPECT_EQ(r.lines[2], QStringLiteral(R"({"t":1,"event":"assigned","buyer":"x3","agent":"a","reason":"overflow"})"));
    // A buyer naming no group is not covered by a list: overflow to the least loaded of all.
    EXPECT_EQ(r.lines[3], QStringLiteral(R"({"t":2,"event":"assigned","buyer":"n1","agent":"b","reason":"overflow"})"));
    // Nobody online: waits, without an estimate.
    EXPECT_EQ(r.lines[4],
              QStringLiteral(R"({"t":4,"event":"queued","buyer":"n2","position":1,"estimated_wait_s":null})"));
    // Covered (presales is listed): an estimate even with nobody online.
    EXPECT_EQ(r.lines[5],
              QStringLiteral(R"({"t":5,"event":"queued","buyer":"p1","position":2,"estimated_wait_s":600})"));
}

TEST(RoutingRules, Rule2aRepeatEntryGoesBackToTheOriginalAgentOrItsGroup)
{
    auto r = run(
        kShop, QStringLiteral(R"([{"name":"presales","limit":1}])"),
        QStringLiteral(
            R"([{"name":"a","group":"presales","status":"online"},{"name":"b","group":"presales","status":"online"}])"),
        QStringLiteral(
            R"([{"t":0,"type":"buyer","buyer":"x"},{"t":1,"type":"buyer","buyer":"y"},{"t":2,"type":"close","buyer":"x"},
                    {"t":3,"type":"buyer","buyer":"z"},
                    {"t":1802,"type":"buyer","buyer":"x"},
                    {"t":1803,"type":"close","buyer":"x"},{"t":1804,"type":"status","agent":"a","status":"away"},
                    {"t":1900,"type":"buyer","buyer":"x"},
                    {"t":1901,"type":"close","buyer":"x"},{"t":1902,"type":"status","agent":"b","status":"offline"},
                    {"t":1903,"type":"buyer","buyer":"x"}])"));
    ASSERT_TRUE(r.status.ok());
    // z took a's free place; x returns within 30 min: back to a above the limit.
    EXPECT_TRUE(r.lines.contains(
        QStringLiteral(R"({"t":1802,"event":"assigned","buyer":"x","agent":"a","reason":"repeat_entry"})")));
    // a is away: b, of a's group, takes x above the limit.
    EXPECT_TRUE(r.lines.contains(
        QStringLiteral(R"({"t":1900,"event":"assigned","buyer":"x","agent":"b","reason":"repeat_entry_group"})")));
    // Nobody of the group online: on with rule 2b/2c (queue).
    EXPECT_TRUE(r.lines.contains(
        QStringLiteral(R"({"t":1903,"event":"queued","buyer":"x","position":1,"estimated_wait_s":300})")));
}

TEST(RoutingRules, Rule2aRepeatEntryWindowEdgeAndZero)
{
    const QString agents = QStringLiteral(
        R"([{"name":"a","group":"presales","status":"online"},{"name":"b","group":"presales","status":"online"}])");
    const QString events = QStringLiteral(
        R"([{"t":0,"type":"buyer","buyer":"w"},{"t":0,"type":"buyer","buyer":"x"},{"t":10,"type":"close","buyer":"x"},
                    {"t":%1,"type":"buyer","buyer":"x"}])");
    auto atEdge = run(kShop, kGroups, agents, events.arg(10 + 1800));
    EXPECT_TRUE(atEdge.lines[3].contains(QStringLiteral("repeat_entry"))) << atEdge.lines[3].toStdString();
    // One second later it is a new entry: b (load 0) is free and least loaded anyway.
    auto past = run(kShop, kGroups, agents, events.arg(10 + 1801));
    EXPECT_TRUE(past.lines[3].contains(QStringLiteral(R"("agent":"b","reason":"free")")))
        << past.lines[3].toStdString();
    auto zero = run(
        QStringLiteral(R"({"queue":"shop","session_end_minutes":10,"repeat_entry_minutes":0,"handling_minutes":5})"),
        kGroups, agents, events.arg(11));
    EXPECT_TRUE(zero.lines[3].contains(QStringLiteral(R"("agent":"b","reason":"free")")))
        << zero.lines[3].toStdString();
}

TEST(RoutingRules, Rule3CapacityDrainsTheQueueInOrder)
{
    auto r = run(
        kShop, QStringLiteral(R"([{"name":"g","limit":1},{"name":"h","limit":1}])"),
        QStringLiteral(
            R"([{"name":"a","group":"g","status":"online"},{"name":"b","group":"h","status":"online"},{"name":"c","group":"g","status":"offline"}])"),
        QStringLiteral(
            R"([{"t":0,"type":"buyer","buyer":"x1","group":"g"},{"t":0,"type":"buyer","buyer":"y1","group":"h"},
                    {"t":1,"type":"buyer","buyer":"y2","group":"h"},{"t":2,"type":"buyer","buyer":"x2","group":"g"},
                    {"t":3,"type":"buyer","buyer":"n1"},{"t":4,"type":"buyer","buyer":"x3","group":"g"},
                    {"t":10,"type":"close","buyer":"x1"},
                    {"t":20,"type":"status","agent":"c","status":"online"},
                    {"t":30,"type":"limit","agent":"b","limit":2},
                    {"t":40,"type":"transfer","buyer":"x2","to":"b"}])"));
    ASSERT_TRUE(r.status.ok());
    // a's place goes to x2 (first eligible for a); y2 waits for h.
    EXPECT_TRUE(
        r.lines.contains(QStringLiteral(R"({"t":10,"event":"assigned","buyer":"x2","agent":"a","reason":"queue"})")));
    // c comes online: n1 (no group, earlier) before x3.
    EXPECT_TRUE(
        r.lines.contains(QStringLiteral(R"({"t":20,"event":"assigned","buyer":"n1","agent":"c","reason":"queue"})")));
    // b's limit rises: y2.
    EXPECT_TRUE(
        r.lines.contains(QStringLiteral(R"({"t":30,"event":"assigned","buyer":"y2","agent":"b","reason":"queue"})")));
    // The transfer frees a: x3.
    EXPECT_TRUE(
        r.lines.contains(QStringLiteral(R"({"t":40,"event":"assigned","buyer":"x3","agent":"a","reason":"queue"})")));
    EXPECT_EQ(r.lines.last(),
              QStringLiteral(R"({"event":"end","active":{"a":["x3"],"b":["x2","y1","y2"],"c":["n1"]},"queue":[]})"));
}

TEST(RoutingRules, Rule3UncoveredBuyersOverflowWhenSomeoneEligibleComesOnline)
{
    auto r =
        run(QStringLiteral(R"({"queue":"off","session_end_minutes":10,"repeat_entry_minutes":0,"handling_minutes":5})"),
            QStringLiteral(R"([{"name":"g","limit":1}])"),
            QStringLiteral(R"([{"name":"a","group":"g","status":"offline"}])"),
            QStringLiteral(
                R"([{"t":0,"type":"buyer","buyer":"x1","group":"g"},{"t":1,"type":"buyer","buyer":"x2","group":"g"},
                    {"t":5,"type":"status","agent":"a","status":"online"}])"));
    ASSERT_TRUE(r.status.ok());
    EXPECT_EQ(r.lines[2], QStringLiteral(R"({"t":5,"event":"assigned","buyer":"x1","agent":"a","reason":"queue"})"));
    EXPECT_EQ(r.lines[3], QStringLiteral(R"({"t":5,"event":"assigned","buyer":"x2","agent":"a","reason":"overflow"})"));
}

TEST(RoutingRules, Rule4TimeoutsAtTheirOwnTimeAndCancelledByTheBuyer)
{
    auto r = run(
        QStringLiteral(R"({"queue":"shop","session_end_minutes":2,"repeat_entry_minutes":0,"handling_minutes":5})"),
        QStringLiteral(R"([{"name":"g","limit":1}])"),
        QStringLiteral(R"([{"name":"a","group":"g","status":"online"}])"),
        QStringLiteral(
            R"([{"t":0,"type":"buyer","buyer":"x"},{"t":0,"type":"buyer","buyer":"q"},{"t":10,"type":"agent","buyer":"x"},
                    {"t":100,"type":"buyer","buyer":"x"},{"t":200,"type":"agent","buyer":"x"},
                    {"t":320,"type":"buyer","buyer":"x"}])"));
    ASSERT_TRUE(r.status.ok());
    // The buyer wrote at 100 (before 130): no timeout. Agent at 200: due at exactly 320, applied
    // before the buyer's message at 320, which then starts a new session (queued behind q? no: q
    // got a's place at 320 first).
    EXPECT_EQ(r.lines[2], QStringLiteral(R"({"t":320,"event":"closed","buyer":"x","agent":"a","reason":"timeout"})"));
    EXPECT_EQ(r.lines[3], QStringLiteral(R"({"t":320,"event":"assigned","buyer":"q","agent":"a","reason":"queue"})"));
    EXPECT_EQ(r.lines[4],
              QStringLiteral(R"({"t":320,"event":"queued","buyer":"x","position":1,"estimated_wait_s":300})"));
}

TEST(RoutingRules, Rule5TransferKeepsTheSessionEndClock)
{
    auto r =
        run(QStringLiteral(R"({"queue":"shop","session_end_minutes":1,"repeat_entry_minutes":0,"handling_minutes":5})"),
            QStringLiteral(R"([{"name":"g","limit":1}])"),
            QStringLiteral(
                R"([{"name":"a","group":"g","status":"online"},{"name":"b","group":"g","status":"online","limit":0}])"),
            QStringLiteral(R"([{"t":0,"type":"buyer","buyer":"x"},{"t":5,"type":"agent","buyer":"x"},
                    {"t":30,"type":"transfer","buyer":"x","to":"b"},{"t":100,"type":"tick"}])"));
    ASSERT_TRUE(r.status.ok());
    EXPECT_EQ(r.lines[1], QStringLiteral(R"({"t":30,"event":"assigned","buyer":"x","agent":"b","reason":"transfer"})"));
    EXPECT_EQ(r.lines[2], QStringLiteral(R"({"t":65,"event":"closed","buyer":"x","agent":"b","reason":"timeout"})"));
}

TEST(RoutingRules, EventsThatMakeNoSenseNameTheirIndex)
{
    const QString agents = QStringLiteral(
        R"([{"name":"a","group":"presales","status":"online"},{"name":"o","group":"presales","status":"offline"}])");
    struct Case {
        QString events;
        QString message;
        int linesBefore;
    };
    const std::vector<Case> cases{
        {QStringLiteral(R"([{"t":0,"type":"agent","buyer":"x"}])"), QStringLiteral("event 0: an agent message for x"),
         0},
        {QStringLiteral(R"([{"t":0,"type":"buyer","buyer":"x"},{"t":1,"type":"close","buyer":"y"}])"),
         QStringLiteral("event 1: a close for y"), 1},
        {QStringLiteral(R"([{"t":0,"type":"buyer","buyer":"x"},{"t":1,"type":"transfer","buyer":"x","to":"o"}])"),
         QStringLiteral("event 1: a transfer to o, who is not online"), 1},
        {QStringLiteral(R"([{"t":0,"type":"transfer","buyer":"x","to":"a"}])"),
         QStringLiteral("event 0: a transfer of x"), 0},
        {QStringLiteral(R"([{"t":5,"type":"tick"},{"t":4,"type":"tick"}])"),
         QStringLiteral("event 1: time goes backwards"), 0},
        {QStringLiteral(R"([{"t":0,"type":"status","agent":"ghost","status":"online"}])"),
         QStringLiteral("event 0: unknown agent 'ghost'"), 0},
        {QStringLiteral(R"([{"t":0,"type":"buyer","buyer":"x","group":"nowhere"}])"),
         QStringLiteral("event 0: unknown group 'nowhere'"), 0},
        {QStringLiteral(R"([{"t":0,"type":"dance"}])"), QStringLiteral("event 0: unknown event type 'dance'"), 0},
        {QStringLiteral(R"([{"t":-1,"type":"tick"}])"), QStringLiteral("event 0: 't' must be"), 0},
        {QStringLiteral(R"([{"t":0,"type":"status","agent":"a","status":"sleeping"}])"),
         QStringLiteral("event 0: 'status' must be"), 0},
    };
    for (const Case& c : cases) {
        auto r = run(kShop, kGroups, agents, c.events);
        ASSERT_FALSE(r.status.ok()) << c.events.toStdString();
        EXPECT_TRUE(r.status.error().message.startsWith(c.message)) << r.status.error().message.toStdString();
        EXPECT_EQ(r.lines.size(), c.linesBefore) << c.events.toStdString();
    }
}

TEST(RoutingRules, BadConfigurationIsRefused)
{
    EXPECT_FALSE(
        run(QStringLiteral(
                R"({"queue":"sometimes","session_end_minutes":1,"repeat_entry_minutes":0,"handling_minutes":1})"),
            kGroups, QStringLiteral("[]"), QStringLiteral("[]"))
            .status.ok());
    EXPECT_FALSE(
        run(kShop, kGroups, QStringLiteral(R"([{"name":"a","group":"nowhere"}])"), QStringLiteral("[]")).status.ok());
    EXPECT_FALSE(run(kShop, kGroups, QStringLiteral(R"([{"name":"a"}])"), QStringLiteral("[]")).status.ok());
    EXPECT_FALSE(
        run(QStringLiteral(
                R"({"queue":["nowhere"],"session_end_minutes":1,"repeat_entry_minutes":0,"handling_minutes":1})"),
            kGroups, QStringLiteral("[]"), QStringLiteral("[]"))
            .status.ok());
    EXPECT_FALSE(routing::runScenario("{not json", [](const QByteArray&) {}).ok());
}
