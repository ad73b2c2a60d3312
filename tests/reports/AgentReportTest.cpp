// The performance report against hand-computed expectations: turn boundaries, credit to the
// answerer, unanswered turns credited to the last agent, the window edges, the 24 h attribution
// edge, flag beats last chat, refunds deducted, empty windows, and who may read it.

#include "services/reports/AgentReportService.h"

#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <gtest/gtest.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

constexpr qint64 kDay0 = 1'794'326'400; // 2026-11-11T00:00:00+08:00, the window's start
constexpr qint64 kDay = 86'400;

IncomingMessage buyer(const char* conv, const char* nick, qint64 t)
{
    return message(QString::fromUtf8(conv), QString::fromUtf8(nick), Sender::Buyer, t, QStringLiteral("在吗"));
}

IncomingMessage agent(const char* conv, const char* nick, qint64 t, const char* who)
{
    return message(QString::fromUtf8(conv), QString::fromUtf8(nick), Sender::Agent, t, QStringLiteral("亲，在的"),
                   QString::fromUtf8(who));
}

Order paid(const char* no, const char* nick, qint64 paidAt, Fen amount, const char* flaggedBy = "")
{
    Order o;
    o.orderNo = QString::fromLatin1(no);
    o.buyerNick = QString::fromUtf8(nick);
    o.status = OrderStatus::WaitSellerSendGoods;
    o.createdAt = Timestamp::fromSecs(kDay0 + paidAt - 60);
    o.paidAt = Timestamp::fromSecs(kDay0 + paidAt);
    o.amountFen = amount;
    o.flaggedBy = QString::fromUtf8(flaggedBy);
    return o;
}

Refund refund(const char* no, const char* orderNo, RefundStatus status, qint64 at, Fen amount)
{
    Refund r;
    r.refundNo = QString::fromLatin1(no);
    r.orderNo = QString::fromLatin1(orderNo);
    r.status = status;
    r.createdAt = Timestamp::fromSecs(kDay0 + at);
    r.amountFen = amount;
    return r;
}

const AgentPerformance* line(const std::vector<AgentPerformance>& lines, const char* agentName)
{
    for (const auto& l : lines) {
        if (l.agent == QString::fromUtf8(agentName)) {
            return &l;
        }
    }
    return nullptr;
}

class Report : public ::testing::Test {
protected:
    void SetUp() override
    {
        supervisor = b.account(QStringLiteral("主管"), {QStringLiteral("supervisor")});
        ingestAndWait(b->store().history(),
                      {// c1: a first turn (two buyer lines) answered by 甲 after 60 s; a second answered by 乙
                       // after 200 s (slow); a third never answered, credited to 乙.
                       buyer("c1", "b1", 100), buyer("c1", "b1", 110), agent("c1", "b1", 160, "甲"),
                       buyer("c1", "b1", 200), agent("c1", "b1", 400, "乙"), buyer("c1", "b1", 500),
                       // c2: a turn that began the day before (not counted) answered by 甲 in the window; then
                       // a turn answered by 丙 after 3,000 s (slow, and over 30 minutes).
                       agent("c2", "b2", -1000, "甲"), buyer("c2", "b2", -900), agent("c2", "b2", 50, "甲"),
                       buyer("c2", "b2", 3000), agent("c2", "b2", 6000, "丙"),
                       // c3: opened by 甲's greeting; the first turn answered by 甲 after 30 s.
                       agent("c3", "b3", 1000, "甲"), buyer("c3", "b3", 1100), agent("c3", "b3", 1130, "甲"),
                       // c4: opened 100 s before the window ends, answered by 乙 after it (counts, 200 s).
                       buyer("c4", "b4", kDay - 100), agent("c4", "b4", kDay + 100, "乙"),
                       // Earlier chats, outside the window: they only attribute orders.
                       agent("c5", "b1", -2 * kDay - 3600, "甲"), agent("c6", "b6", 50000 - kDay, "丙"),
                       agent("c7", "b7", 60000 - kDay - 1, "甲"),
                       // Orders: O1 by last chat (乙), O2 flagged by 丙 though 甲 chatted last, O3 paid after the
                       // window, O4 paid two days before (attributed to 甲) with a refund in the window, O5 at
                       // exactly 24 h after 丙's message, O6 one second too late for 甲.
                       paid("O1", "b1", 1000, 10000), paid("O2", "b3", 2000, 5000, "丙"),
                       paid("O3", "b2", kDay + 10, 700), paid("O4", "b1", -2 * kDay, 4000),
                       paid("O5", "b6", 50000, 2000), paid("O6", "b7", 60000, 900),
                       refund("R1", "O4", RefundStatus::Success, 5000, 3000),
                       refund("R2", "O1", RefundStatus::WaitSellerAgree, 5000, 10000),
                       refund("R3", "O2", RefundStatus::Success, kDay + 5, 5000)});
    }

    std::vector<AgentPerformance> run(qint64 from = kDay0, qint64 to = kDay0 + kDay)
    {
        auto r = b->reports().agents(supervisor, Timestamp::fromSecs(from), Timestamp::fromSecs(to), 120);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.toStdString());
        return r.ok() ? r->agents : std::vector<AgentPerformance>();
    }

    TestBackend b;
    auth::Actor supervisor;
};

TEST_F(Report, EveryDefinitionByHand)
{
    const auto lines = run();
    ASSERT_EQ(lines.size(), 3u);
    // Sorted by code point: 丙 U+4E19, 乙 U+4E59, 甲 U+7532.
    EXPECT_EQ(lines[0].agent, QStringLiteral("丙"));
    EXPECT_EQ(lines[1].agent, QStringLiteral("乙"));
    EXPECT_EQ(lines[2].agent, QStringLiteral("甲"));

    const auto* jia = line(lines, "甲");
    EXPECT_EQ(jia->conversations, 3);
    EXPECT_EQ(jia->replies, 4) << "160, 50, 1000, 1130; not the day before";
    EXPECT_EQ(jia->turnsAnswered, 2) << "the turn that began the day before does not count";
    EXPECT_EQ(jia->responseAvgSecs, 45.0);
    EXPECT_EQ(jia->firstResponseAvgSecs, 45.0) << "c1 (60 s) and c3 (30 s, after a greeting)";
    EXPECT_EQ(jia->slowReplies, 0);
    EXPECT_EQ(jia->unanswered30m, 0);
    EXPECT_EQ(jia->orders, 0) << "O6 fell one second outside the 24 h";
    EXPECT_EQ(jia->salesFen, -3000) << "O4 (paid before the window) refunded inside it";
    EXPECT_EQ(jia->inquiringBuyers, 2);
    EXPECT_EQ(jia->convertedBuyers, 0);
    EXPECT_EQ(jia->conversionRate, 0.0);

    const auto* yi = line(lines, "乙");
    EXPECT_EQ(yi->conversations, 1) << "the 86,500 s reply is after the window";
    EXPECT_EQ(yi->replies, 1);
    EXPECT_EQ(yi->turnsAnswered, 2) << "a turn starting in the window counts when answered after it";
    EXPECT_EQ(yi->responseAvgSecs, 200.0);
    EXPECT_EQ(yi->firstResponseAvgSecs, 200.0) << "c4's first turn";
    EXPECT_EQ(yi->slowReplies, 2);
    EXPECT_EQ(yi->unanswered30m, 1) << "c1's third turn, never answered, credited to the last agent";
    EXPECT_EQ(yi->orders, 1);
    EXPECT_EQ(yi->salesFen, 10000) << "R2 is not a successful refund";
    EXPECT_EQ(yi->inquiringBuyers, 2);
    EXPECT_EQ(yi->convertedBuyers, 1);
    EXPECT_EQ(yi->conversionRate, 0.5);

    const auto* bing = line(lines, "丙");
    EXPECT_EQ(bing->conversations, 1);
    EXPECT_EQ(bing->turnsAnswered, 1);
    EXPECT_EQ(bing->responseAvgSecs, 3000.0);
    EXPECT_FALSE(bing->firstResponseAvgSecs.has_value()) << "c2's first turn began before the window";
    EXPECT_EQ(bing->slowReplies, 1);
    EXPECT_EQ(bing->unanswered30m, 1) << "answered after more than 1,800 s";
    EXPECT_EQ(bing->orders, 2) << "O2 by its flag, O5 at exactly 24 h";
    EXPECT_EQ(bing->salesFen, 7000) << "R3 was created after the window";
    EXPECT_EQ(bing->inquiringBuyers, 1);
    EXPECT_EQ(bing->convertedBuyers, 0);
}

TEST_F(Report, ResponseTimesByBucketAndTurnsByHour)
{
    auto r = b->reports().agents(supervisor, Timestamp::fromSecs(kDay0), Timestamp::fromSecs(kDay0 + kDay), 120,
                                 QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    ASSERT_TRUE(r.ok());
    const auto* yi = line(r->agents, "乙");
    ASSERT_TRUE(yi);
    // Two answers of 200 s: the ≤300 s bucket.
    EXPECT_EQ(yi->responseBuckets, (std::array<qint64, 6>{0, 0, 0, 2, 0, 0}));
    const auto* jia = line(r->agents, "甲");
    EXPECT_EQ(jia->responseBuckets, (std::array<qint64, 6>{1, 1, 0, 0, 0, 0})) << "30 s and 60 s";
    // Turns starting in the window by Beijing hour: 00:01:40 (c1), 00:03:20 (c1), 00:08:20 (c1),
    // 00:18:20 (c3), 00:50:00 (c2), 23:58:20 (c4).
    EXPECT_EQ(r->turnsByHour[0], 5);
    EXPECT_EQ(r->turnsByHour[23], 1);
    qint64 total = 0;
    for (qint64 n : r->turnsByHour) {
        total += n;
    }
    EXPECT_EQ(total, 6);
}

TEST_F(Report, AnEmptyWindowListsNobodyAndReadingNeedsThePermission)
{
    EXPECT_TRUE(run(kDay0 + 10 * kDay, kDay0 + 11 * kDay).empty());
    auto agentAccount = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    auto refused = b->reports().agents(agentAccount, Timestamp::fromSecs(kDay0), Timestamp::fromSecs(kDay0 + kDay));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    auto backwards =
        b->reports().agents(supervisor, Timestamp::fromSecs(kDay0 + kDay), Timestamp::fromSecs(kDay0), 120);
    ASSERT_FALSE(backwards.ok());
    EXPECT_EQ(backwards.error().code, ErrorCode::Invalid);
}

TEST_F(Report, ANarrowWindowCutsTurnsAtItsStart)
{
    // From 150 s: c1's first turn (100 s) is out; its second (200 s) and third (500 s) are in.
    const auto lines = run(kDay0 + 150, kDay0 + 1050);
    const auto* jia = line(lines, "甲");
    ASSERT_TRUE(jia);
    EXPECT_EQ(jia->turnsAnswered, 0) << "c3's turn starts at 1,100 s";
    EXPECT_EQ(jia->replies, 2) << "160 and 1000";
    const auto* yi = line(lines, "乙");
    ASSERT_TRUE(yi);
    EXPECT_EQ(yi->turnsAnswered, 1);
    EXPECT_EQ(yi->unanswered30m, 0) << "the third turn started less than 1,800 s before the end";
}

} // namespace

#include "services/reports/AgentReportCalculator.h"

namespace {

/// Turns (a buyer's first unanswered message) counted by the hour the shop's clock showed.
std::array<qint64, 24> hoursOf(const QTimeZone& zone, const std::vector<qint64>& utcSecs)
{
    const qint64 from = utcSecs.front() - 3600;
    const qint64 to = utcSecs.back() + 3600;
    AgentReportCalculator calc(Timestamp::fromSecs(from), Timestamp::fromSecs(to), 120, zone);
    qint64 conversation = 0;
    for (qint64 t : utcSecs) {
        ++conversation;
        calc.add({conversation, conversation, Sender::Buyer, {}, t * 1000});
        calc.add({conversation, conversation, Sender::Agent, QStringLiteral("小美"), (t + 30) * 1000});
    }
    return calc.finish().turnsByHour;
}

} // namespace

TEST(AgentReport, TurnsByHourFollowTheShopsClockAcrossADaylightSavingChange)
{
    // New York, 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT (07:00 UTC).
    const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
    ASSERT_TRUE(newYork.isValid());
    const qint64 beforeChange = 1'772'951'400; // 2026-03-08T06:30:00Z = 01:30 EST
    const qint64 afterChange = 1'772'958'600;  // 2026-03-08T08:30:00Z = 04:30 EDT
    const auto hours = hoursOf(newYork, {beforeChange, afterChange});
    EXPECT_EQ(hours[1], 1);
    EXPECT_EQ(hours[4], 1) << "the second turn is at 04:30 on the shop's clock";
    EXPECT_EQ(hours[3], 0) << "a fixed offset from the period's start would have put it at 03:30";

    // Beijing keeps one offset: 09:30Z and 08:30Z the next day are 17:30 and 16:30 there.
    const QTimeZone beijing(QByteArrayLiteral("Asia/Shanghai"));
    const auto plain = hoursOf(beijing, {1'794'303'000, 1'794'385'800});
    EXPECT_EQ(plain[17], 1);
    EXPECT_EQ(plain[16], 1);
}
