// What the workbench reads from the store: an agent's conversations in their current routing
// state, unanswered-since times, the queue, a buyer's orders, follow-ups, buyer notes and the
// message manager's deletion.

#include "services/workbench/WorkbenchRepository.h"
#include "domain/Session.h"
#include "services/accounts/AccountService.h"
#include "services/search/SearchService.h"
#include "services/settings/FollowUpRulesService.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/FollowUpService.h"

#include "store/SqliteStore.h"

#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <gtest/gtest.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

constexpr qint64 kDay0 = 1'794'326'400; // 2026-11-11T00:00:00+08:00

SessionEvent session(const char* id, const QString& conv, SessionEvent::Kind kind, const QString& agent, qint64 secs,
                     std::optional<int> wait = std::nullopt)
{
    SessionEvent e;
    e.eventId = QString::fromLatin1(id);
    e.conversationKey = conv;
    e.buyerNick = conv;
    e.kind = kind;
    e.agent = agent;
    e.waitSecs = wait;
    e.at = Timestamp::fromSecs(kDay0 + secs);
    return e;
}

Order order(const char* no, const QString& buyer, OrderStatus status, qint64 createdSecs,
            std::optional<qint64> paidSecs = std::nullopt)
{
    Order o;
    o.orderNo = QString::fromLatin1(no);
    o.buyerNick = buyer;
    o.status = status;
    o.createdAt = Timestamp::fromSecs(kDay0 + createdSecs);
    if (paidSecs) {
        o.paidAt = Timestamp::fromSecs(kDay0 + *paidSecs);
    }
    o.amountFen = 9900;
    o.items.push_back({QStringLiteral("每日坚果 750g"), 1, 9900});
    return o;
}

const ConversationSummary* find(const std::vector<ConversationSummary>& list, const char* nick)
{
    for (const auto& s : list) {
        if (s.buyerNick == QString::fromUtf8(nick)) {
            return &s;
        }
    }
    return nullptr;
}

} // namespace

TEST(WorkbenchRepository, AnAgentsConversationsInTheirCurrentState)
{
    TestBackend b;
    const QString mei = QStringLiteral("果果旗舰店:小美");
    const QString qiang = QStringLiteral("果果旗舰店:阿强");
    using K = SessionEvent::Kind;
    ingestAndWait(
        b->store().history(),
        {message(QStringLiteral("tb_a"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("在吗")),
         session("e1", QStringLiteral("tb_a"), K::Assigned, mei, 10),
         message(QStringLiteral("tb_a"), QStringLiteral("tb_a"), Sender::Buyer, 20,
                 QStringLiteral("这个坚果什么时候发货\n第二行")),
         message(QStringLiteral("tb_b"), QStringLiteral("tb_b"), Sender::Buyer, 30, QStringLiteral("你好")),
         session("e2", QStringLiteral("tb_b"), K::Assigned, mei, 30),
         message(QStringLiteral("tb_b"), QStringLiteral("tb_b"), Sender::Agent, 40, QStringLiteral("亲，在的"), mei),
         session("e3", QStringLiteral("tb_b"), K::Closed, mei, 700),
         message(QStringLiteral("tb_c"), QStringLiteral("tb_c"), Sender::Buyer, 50, QStringLiteral("转人工")),
         session("e4", QStringLiteral("tb_c"), K::Assigned, mei, 50),
         session("e5", QStringLiteral("tb_c"), K::Assigned, qiang, 60),
         message(QStringLiteral("tb_q"), QStringLiteral("tb_q"), Sender::Buyer, 70, QStringLiteral("有人吗")),
         session("e6", QStringLiteral("tb_q"), K::Queued, QString(), 70, 300),
         session("e7", QStringLiteral("tb_q2"), K::Queued, QString(), 80, 600)});

    auto list = b->store().workbench().conversationsOf(mei, Timestamp::fromSecs(kDay0));
    ASSERT_TRUE(list.ok()) << list.error().message.toStdString();
    ASSERT_EQ(list->size(), 3u);
    const auto* a = find(*list, "tb_a");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->state, ConversationSummary::State::Active);
    EXPECT_EQ(a->preview, QStringLiteral("这个坚果什么时候发货")) << "first line only";
    ASSERT_TRUE(a->waitingSince.has_value());
    EXPECT_EQ(a->waitingSince->secs(), kDay0 + 10) << "since the first unanswered buyer message";
    const auto* closed = find(*list, "tb_b");
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->state, ConversationSummary::State::Closed);
    EXPECT_FALSE(closed->waitingSince.has_value());
    const auto* moved = find(*list, "tb_c");
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->agent, qiang) << "transferred away: no longer mine";

    auto queue = b->store().workbench().queue(Timestamp::fromSecs(kDay0));
    ASSERT_TRUE(queue.ok());
    EXPECT_EQ(queue->length, 2);
    EXPECT_EQ(queue->oldestSince->secs(), kDay0 + 70);
    EXPECT_EQ(queue->latestEstimateSecs, 600);

    // Older than the window: nothing.
    auto later = b->store().workbench().conversationsOf(mei, Timestamp::fromSecs(kDay0 + 10'000));
    ASSERT_TRUE(later.ok());
    EXPECT_TRUE(later->empty());
}

TEST(WorkbenchRepository, SessionsOfAnEndedWorldAreClosedOnce)
{
    TestBackend b;
    using K = SessionEvent::Kind;
    ingestAndWait(b->store().history(),
                  {session("eOLD-1", QStringLiteral("tb_a"), K::Assigned, QStringLiteral("小美"), 10),
                   session("eOLD-2", QStringLiteral("tb_q"), K::Queued, QString(), 20, 60),
                   session("eOLD-3", QStringLiteral("tb_c"), K::Assigned, QStringLiteral("小美"), 30),
                   session("eOLD-4", QStringLiteral("tb_c"), K::Closed, QStringLiteral("小美"), 40),
                   session("eNEW-1", QStringLiteral("tb_n"), K::Assigned, QStringLiteral("小美"), 50)});
    auto& wb = b->store().workbench();
    auto ended = wb.endSessionsOutside(QStringLiteral("sim"), QStringLiteral("eNEW-"), Timestamp::fromSecs(kDay0 + 99),
                                       QStringLiteral("world_ended"));
    ASSERT_TRUE(ended.ok()) << ended.error().message.toStdString();
    EXPECT_EQ(*ended, 2) << "the open assignment and the queued buyer of the old world";
    EXPECT_EQ(*wb.endSessionsOutside(QStringLiteral("sim"), QStringLiteral("eNEW-"), Timestamp::fromSecs(kDay0 + 99),
                                     QStringLiteral("world_ended")),
              0);
    auto list = wb.conversationsOf(QStringLiteral("小美"), Timestamp::fromSecs(kDay0));
    ASSERT_TRUE(list.ok());
    for (const ConversationSummary& s : *list) {
        EXPECT_EQ(s.state == ConversationSummary::State::Active, s.buyerNick == u"tb_n") << s.buyerNick.toStdString();
    }
    EXPECT_EQ(wb.queue(Timestamp::fromSecs(kDay0))->length, 0);
}

TEST(WorkbenchRepository, FollowUpsAreMyBuyersOrdersPastTheChaseRules)
{
    TestBackend b;
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    auto trainee = b.account(QStringLiteral("新人"), {QStringLiteral("trainee")});
    constexpr qint64 kHour = 3600;
    b.clock().set(Timestamp::fromSecs(kDay0 + 100 * kHour));
    using K = SessionEvent::Kind;
    using S = OrderStatus;
    ingestAndWait(b->store().history(),
                  {session("s1", QStringLiteral("tb_a"), K::Assigned, mei.name, 90 * kHour),
                   order("U-old", QStringLiteral("tb_a"), S::WaitBuyerPay, 70 * kHour),
                   order("U-new", QStringLiteral("tb_a"), S::WaitBuyerPay, 90 * kHour),
                   order("P-old", QStringLiteral("tb_a"), S::WaitSellerSendGoods, 40 * kHour, 41 * kHour),
                   order("P-new", QStringLiteral("tb_a"), S::WaitSellerSendGoods, 80 * kHour, 81 * kHour),
                   order("X-other", QStringLiteral("tb_z"), S::WaitBuyerPay, 10 * kHour)});
    auto list = b->followUps().followUps(mei);
    ASSERT_TRUE(list.ok()) << list.error().message.toStdString();
    QStringList got;
    for (const FollowUp& f : *list) {
        got << f.orderNo;
    }
    EXPECT_EQ(got, (QStringList{QStringLiteral("P-old"), QStringLiteral("U-old")}));
    EXPECT_EQ(list->at(1).kind, FollowUp::Kind::Unpaid);
    EXPECT_TRUE(b->followUps().followUps(trainee).ok()) << "trainees see orders too";

    // A supervisor shortens the chase rule: the newer unpaid order (10 h old) is due too.
    auto supervisor = b.account(QStringLiteral("主管"), {QStringLiteral("supervisor")});
    EXPECT_EQ(b->followUpRules().set(mei, QStringLiteral("followup.unpaid_hours"), QStringLiteral("8")).error().code,
              ErrorCode::NotAllowed);
    EXPECT_EQ(
        b->followUpRules().set(supervisor, QStringLiteral("followup.unpaid_hours"), QStringLiteral("0")).error().code,
        ErrorCode::Invalid);
    ASSERT_TRUE(b->followUpRules().set(supervisor, QStringLiteral("followup.unpaid_hours"), QStringLiteral("8")).ok());
    auto shorter = b->followUps().followUps(mei);
    ASSERT_TRUE(shorter.ok());
    EXPECT_EQ(shorter->size(), 3u);
}

TEST(WorkbenchRepository, FollowUpsFindTheBuyersOfAnAccountLoggedInByItsShopQualifiedName)
{
    TestBackend b;
    b.account(QStringLiteral("主管老李"), {QStringLiteral("supervisor")}, QStringLiteral("lead-pass-12"));
    auto lead = b->accounts().login(b->accounts().fullName(QStringLiteral("主管老李")), QStringLiteral("lead-pass-12"));
    ASSERT_TRUE(lead.ok()) << lead.error().message.toStdString();
    EXPECT_EQ(lead->name, QStringLiteral("主管老李")) << "the canonical (short) form";
    constexpr qint64 kHour = 3600;
    b.clock().set(Timestamp::fromSecs(kDay0 + 100 * kHour));
    // Routing records name the agent as the platform does: the short name, or shop-qualified.
    ingestAndWait(b->store().history(), {session("s1", QStringLiteral("tb_a"), SessionEvent::Kind::Assigned,
                                                 QStringLiteral("主管老李"), 90 * kHour),
                                         order("U-1", QStringLiteral("tb_a"), OrderStatus::WaitBuyerPay, 70 * kHour),
                                         session("s2", QStringLiteral("tb_b"), SessionEvent::Kind::Assigned,
                                                 b->accounts().fullName(QStringLiteral("主管老李")), 90 * kHour),
                                         order("U-2", QStringLiteral("tb_b"), OrderStatus::WaitBuyerPay, 70 * kHour)});
    auto list = b->followUps().followUps(*lead);
    ASSERT_TRUE(list.ok()) << list.error().message.toStdString();
    EXPECT_EQ(list->size(), 2u) << "both due orders are the supervisor's";
}

TEST(BuyerService, GradesAndTagsAreValidatedAndAudited)
{
    TestBackend b;
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    auto auditor = b.account(QStringLiteral("审计"), {QStringLiteral("auditor")});
    const QString sim = QStringLiteral("sim");
    const QString nick = QStringLiteral("tb_a");
    ASSERT_TRUE(
        b->buyers()
            .setNotes(mei, sim, nick,
                      {QStringLiteral("VIP"), {QStringLiteral(" 老客户 "), QStringLiteral("老客户"), QString()}})
            .ok());
    auto notes = b->buyers().notes(mei, sim, nick);
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ(notes->grade, QStringLiteral("VIP"));
    EXPECT_EQ(notes->tags, QStringList{QStringLiteral("老客户")}) << "trimmed, blank and duplicate tags dropped";
    EXPECT_EQ(b->buyers().setNotes(mei, sim, nick, {QStringLiteral("S"), {}}).error().code, ErrorCode::Invalid);
    EXPECT_EQ(b->buyers().setNotes(mei, sim, nick, {QString(), {QString(13, QLatin1Char('x'))}}).error().code,
              ErrorCode::Invalid);
    EXPECT_EQ(b->buyers().setNotes(auditor, sim, nick, {QString(), {}}).error().code, ErrorCode::NotAllowed);
}

TEST(BuyerService, DeletingRecordsNeedsHistoryDeleteAndIsAudited)
{
    TestBackend b;
    auto owner = b.owner();
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ingestAndWait(b->store().history(),
                  {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("一")),
                   message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 2, QStringLiteral("二")),
                   message(QStringLiteral("c2"), QStringLiteral("tb_b"), Sender::Buyer, 3, QStringLiteral("三"))});
    EXPECT_EQ(b->buyers()
                  .deleteAllHistory(mei, QStringLiteral("sim"), QStringLiteral("tb_a"), QStringLiteral("tb_a"))
                  .error()
                  .code,
              ErrorCode::NotAllowed);
    // None chosen deletes nothing (it used to mean "all"); all needs the buyer's name typed.
    auto none = b->buyers().deleteHistory(owner, QStringLiteral("sim"), QStringLiteral("tb_a"), {});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::Invalid);
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM messages"), 3);
    auto mistyped =
        b->buyers().deleteAllHistory(owner, QStringLiteral("sim"), QStringLiteral("tb_a"), QStringLiteral("tb"));
    ASSERT_FALSE(mistyped.ok());
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM messages"), 3);
    auto removed =
        b->buyers().deleteAllHistory(owner, QStringLiteral("sim"), QStringLiteral("tb_a"), QStringLiteral("tb_a"));
    ASSERT_TRUE(removed.ok()) << removed.error().message.toStdString();
    EXPECT_EQ(*removed, 2);
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM messages"), 1);
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'history.delete'"), 1);
    SearchRequest request;
    request.query = QStringLiteral("二");
    auto hits = b->search().search(owner, request);
    ASSERT_TRUE(hits.ok());
    EXPECT_TRUE(hits->hits.empty()) << "gone from the search index too";
}
