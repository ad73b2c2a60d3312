// A buyer's orders, refunds and traces in team mode: stored on the server as the shop's platform
// reports them, read by the desks through the server's gate, kept fresh by the change stream,
// forgotten when the account's rights change; the receiver revealed only with the right, and
// audited first. The performance report over the same history is the single seat's.

#include "pg/PgHistoryRepository.h"
#include "server/TeamFixture.h"
#include "services/privacy/PiiVault.h"
#include "services/reports/AgentReportService.h"
#include "session/AuditTrail.h"
#include "session/Chats.h"
#include "session/History.h"
#include "session/Orders.h"
#include "session/Reports.h"
#include "session/Team.h"
#include "store/SqliteStore.h"
#include "support/TestBackend.h"

namespace shopdesk::test {
namespace {

class TeamOrders : public TeamFixture {
protected:
    Order order(const QString& no, OrderStatus status)
    {
        Order o;
        o.orderNo = no;
        o.buyerNick = QStringLiteral("买家甲");
        o.status = status;
        o.createdAt = Timestamp::fromMs(1'750'000'000'000);
        o.paidAt = Timestamp::fromMs(1'750'000'060'000);
        o.amountFen = 25'800;
        o.items = {{QStringLiteral("羊毛围巾 驼色"), 1, 25'800}};
        o.receiver = Receiver{QStringLiteral("张三丰"), QStringLiteral("13812345678"),
                              QStringLiteral("浙江省杭州市西湖区文三路 100 号")};
        backend->vault().seal(o); // as the router's pipeline does before storing
        return o;
    }
    void store(std::vector<ImportRecord> records)
    {
        pg::PgHistoryRepository history(backend->store());
        auto stored = history.ingest(std::move(records)).result();
        ASSERT_TRUE(stored) << stored.error().message.toStdString();
    }
};

TEST_F(TeamOrders, AnAgentReadsTheBuyersOrdersMaskedAndFreshAndLosesThemWithTheRight)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    Refund refund;
    refund.refundNo = QStringLiteral("R9");
    refund.orderNo = QStringLiteral("T100");
    refund.amountFen = 25'800;
    refund.createdAt = Timestamp::fromMs(1'750'000'500'000);
    refund.reason = QStringLiteral("不想要了");
    store({order(QStringLiteral("T100"), OrderStatus::WaitSellerSendGoods), refund});

    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto orders = agent->orders().ofBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 10);
    ASSERT_TRUE(orders) << orders.error().message.toStdString();
    ASSERT_EQ(orders->size(), 1u);
    const Order& o = orders->front();
    EXPECT_EQ(o.amountFen, 25'800);
    EXPECT_EQ(o.items.at(0).title, QStringLiteral("羊毛围巾 驼色"));
    EXPECT_TRUE(o.receiverSealed.isEmpty()) << "the sealed form never leaves the server";
    EXPECT_FALSE(o.receiverMasked.phone.contains(QStringLiteral("12345678"))) << o.receiverMasked.phone.toStdString();
    EXPECT_FALSE(o.receiverMasked.phone.isEmpty());
    auto refunds = agent->orders().refundsOfBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"));
    ASSERT_TRUE(refunds);
    ASSERT_EQ(refunds->size(), 1u);
    EXPECT_EQ(refunds->front().reason, QStringLiteral("不想要了"));
    auto trace = agent->orders().storedTrace(QStringLiteral("sim"), QStringLiteral("T100"));
    ASSERT_TRUE(trace) << trace.error().message.toStdString();
    EXPECT_TRUE(trace->empty()) << "not shipped yet";
    auto found = agent->orders().find(QStringLiteral("sim"), QStringLiteral("T100"));
    ASSERT_TRUE(found && *found);
    auto missing = agent->orders().find(QStringLiteral("sim"), QStringLiteral("T404"));
    ASSERT_TRUE(missing);
    EXPECT_FALSE(*missing);
    const session::OrderOffer offer = agent->orders().offer(o);
    EXPECT_TRUE(offer.refunds);
    EXPECT_TRUE(offer.remark);
    EXPECT_FALSE(offer.address) << "pre-sales does not change addresses";
    EXPECT_FALSE(offer.refundDecide) << "nor decide refunds";

    // The platform ships the order: the agent's desk has it within a second, from the push.
    Order shipped = order(QStringLiteral("T100"), OrderStatus::WaitBuyerConfirmGoods);
    LogisticsEvent picked{QStringLiteral("sim"),  QStringLiteral("T100"),  Timestamp::fromMs(1'750'001'000'000),
                          QStringLiteral("中通"), QStringLiteral("ZT778"), QStringLiteral("已揽收")};
    store({shipped, picked});
    EXPECT_TRUE(spinUntil(
        [&] {
            auto now = agent->orders().ofBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 10);
            return now && !now->empty() && now->front().status == OrderStatus::WaitBuyerConfirmGoods;
        },
        1000));
    auto steps = agent->orders().storedTrace(QStringLiteral("sim"), QStringLiteral("T100"));
    ASSERT_TRUE(steps);
    ASSERT_EQ(steps->size(), 1u);
    EXPECT_EQ(steps->front().description, QStringLiteral("已揽收"));

    // A role without order.view: the next read is refused, nothing kept is shown.
    ASSERT_TRUE(await(owner->team().createRole(QStringLiteral("只聊天"),
                                               *auth::PermissionSet::parse(QStringLiteral("chat.read,chat.reply"))))
                    .ok());
    ASSERT_TRUE(await(owner->team().setRoles(QStringLiteral("小美"), {QStringLiteral("只聊天")})).ok());
    EXPECT_TRUE(spinUntil([&] { return !agent->can(auth::Permission::OrderView); }, 1000));
    auto refused = agent->orders().ofBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 10);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
}

TEST_F(TeamOrders, TheReceiverIsRevealedOnlyWithTheRightAndAuditedFirst)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    store({order(QStringLiteral("T200"), OrderStatus::WaitSellerSendGoods)});
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto refused = await(agent->orders().reveal(QStringLiteral("sim"), QStringLiteral("T200")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);

    auto shown = await(owner->orders().reveal(QStringLiteral("sim"), QStringLiteral("T200")));
    ASSERT_TRUE(shown) << shown.error().message.toStdString();
    EXPECT_EQ(shown->phone, QStringLiteral("13812345678"));
    EXPECT_EQ(shown->name, QStringLiteral("张三丰"));
    AuditQuery q;
    q.actionPrefix = QStringLiteral("buyer.pii.reveal");
    auto entries = owner->audit().list(q);
    ASSERT_TRUE(entries) << entries.error().message.toStdString();
    ASSERT_FALSE(entries->empty());
    EXPECT_EQ(entries->front().entry.target, QStringLiteral("T200"));
}

TEST_F(TeamOrders, TheServersReportIsTheOneASingleSeatComputesFromTheSameHistory)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    const qint64 t0 = 1'750'000'000'000;
    auto msg = [&](const QString& buyer, Sender sender, qint64 atSecs, qint64 n) {
        IncomingMessage m;
        m.conversationKey = QStringLiteral("k-") + buyer;
        m.buyerNick = buyer;
        m.sender = sender;
        m.agent = sender == Sender::Agent ? QStringLiteral("小美") : QString();
        m.text = QStringLiteral("第%1句").arg(n);
        m.sentAt = Timestamp::fromMs(t0 + atSecs * 1000);
        m.platformMessageId = QStringLiteral("r%1").arg(n);
        return ImportRecord(m);
    };
    Order bought = order(QStringLiteral("T500"), OrderStatus::WaitSellerSendGoods);
    bought.buyerNick = QStringLiteral("买家甲");
    bought.paidAt = Timestamp::fromMs(t0 + 600'000);
    bought.createdAt = Timestamp::fromMs(t0 + 500'000);
    const std::vector<ImportRecord> history{
        msg(QStringLiteral("买家甲"), Sender::Buyer, 0, 1),   msg(QStringLiteral("买家甲"), Sender::Agent, 30, 2),
        msg(QStringLiteral("买家甲"), Sender::Buyer, 200, 3), msg(QStringLiteral("买家甲"), Sender::Agent, 400, 4),
        msg(QStringLiteral("买家乙"), Sender::Buyer, 100, 5), bought};
    store(history);
    TestBackend local;
    std::vector<ImportRecord> copy = history;
    std::get<Order>(copy.back()).receiverSealed.clear(); // sealed with the server's key: not the local one's
    ASSERT_TRUE(local->store().history().ingest(copy).result());

    const Timestamp from = Timestamp::fromMs(t0 - 3'600'000);
    const Timestamp to = Timestamp::fromMs(t0 + 3'600'000);
    auto expected = local->reports().agents(local.owner(), from, to, 120, QTimeZone("Asia/Shanghai"));
    ASSERT_TRUE(expected) << expected.error().message.toStdString();
    auto served = await(owner->reports().agents(from, to, 120));
    ASSERT_TRUE(served) << served.error().message.toStdString();
    ASSERT_FALSE(served->agents.empty());
    EXPECT_EQ(served->agents.front().agent, QStringLiteral("小美"));
    EXPECT_EQ(served->agents.front().replies, 2);
    EXPECT_EQ(served->agents.front().orders, 1) << "attributed by the last message before payment";
    EXPECT_EQ(agentReportCsv(*served, false), agentReportCsv(*expected, false));
    EXPECT_EQ(served->turnsByHour, expected->turnsByHour);

    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto refused = await(agent->reports().agents(from, to, 120));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
}

TEST_F(TeamOrders, AnAgentRemarksItsBuyersOrderThroughTheRouterAndTheDeskSeesTheEvent)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    ASSERT_TRUE(await(owner->team().saveRouting(routing::Settings(), {{QStringLiteral("presales"), 8}})).ok());
    ASSERT_TRUE(await(owner->team().setAgentRouting(QStringLiteral("小美"), QStringLiteral("presales"), 8)).ok());
    startRouter(60, 20); // buyers twenty times as fast as real ones
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    ASSERT_TRUE(await(agent->chats().setPresence(platform::AgentPresence::Online)).ok());
    // 小美 answers her buyers until one of them orders (the simulated shop's buyers do, after a
    // conversation).
    QString buyer;
    QString orderNo;
    ASSERT_TRUE(spinUntil(
        [&] {
            auto mine = agent->chats().mine(Timestamp::fromMs(0));
            for (const ConversationSummary& c : mine ? *mine : std::vector<ConversationSummary>()) {
                if (c.state == ConversationSummary::State::Active && c.lastSender == Sender::Buyer) {
                    (void)agent->chats().send(c.buyerNick, QStringLiteral("好的亲，马上为您安排"));
                }
            }
            auto c = pg::PgConnection::open(url);
            auto r = (*c)->query("SELECT c.buyer_nick, o.order_no FROM conversations c JOIN accounts a ON a.id = "
                                 "c.owner_id JOIN orders o ON o.buyer_nick = c.buyer_nick WHERE c.state = 'active' AND "
                                 "a.name = '小美' ORDER BY o.created_at DESC LIMIT 1");
            if (r && r->rows() == 1) {
                buyer = r->text(0, 0);
                orderNo = r->text(0, 1);
            }
            return !orderNo.isEmpty();
        },
        60000))
        << "no buyer of 小美's ordered";
    auto orders = agent->orders().ofBuyer(QStringLiteral("sim"), buyer, 50);
    ASSERT_TRUE(orders) << orders.error().message.toStdString();
    auto it = std::find_if(orders->begin(), orders->end(), [&](const Order& o) { return o.orderNo == orderNo; });
    ASSERT_NE(it, orders->end());
    EXPECT_TRUE(agent->orders().offer(*it).remark);

    const QString remark = QStringLiteral("顾客要求周末送达");
    Status st = await(agent->orders().setRemark(orderNo, remark, 2));
    ASSERT_TRUE(st.ok()) << st.error().message.toStdString();
    EXPECT_TRUE(spinUntil(
        [&] {
            auto now = agent->orders().find(QStringLiteral("sim"), orderNo);
            return now && *now && (*now)->remark == remark && (*now)->flag == 2;
        },
        5000))
        << "the platform's event came back through the server to the desk";
    AuditQuery q;
    q.actionPrefix = QStringLiteral("order.remark");
    auto entries = owner->audit().list(q);
    ASSERT_TRUE(entries);
    ASSERT_FALSE(entries->empty());
    EXPECT_EQ(entries->back().entry.target, orderNo);

    // The order's card into the chat, through the same rules as a single seat's.
    Status card = await(agent->chats().sendOrderCard(buyer, orderNo));
    ASSERT_TRUE(card.ok()) << card.error().message.toStdString();
    EXPECT_TRUE(spinUntil(
        [&] {
            auto c = pg::PgConnection::open(url);
            auto r = (*c)->query("SELECT count(*) FROM messages WHERE card_order_no = $1", {pg::param(orderNo)});
            return r && r->integer(0, 0) > 0;
        },
        5000))
        << "the card is in the buyer's timeline";

    Status tooLong = await(agent->orders().setRemark(orderNo, QString(400, QChar(u'长')), 0));
    ASSERT_FALSE(tooLong.ok()) << "1,200 bytes: over Taobao's 1,000";
    EXPECT_EQ(tooLong.error().code, ErrorCode::Invalid);
}

TEST_F(TeamOrders, BuyerNotesReachEveryDeskAndRecordsAreDeletedOnlyWithTheRight)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    IncomingMessage m;
    m.conversationKey = QStringLiteral("k9");
    m.buyerNick = QStringLiteral("买家甲");
    m.text = QStringLiteral("在吗");
    m.sentAt = Timestamp::fromMs(1'750'000'000'000);
    m.platformMessageId = QStringLiteral("n1");
    IncomingMessage m2 = m;
    m2.text = QStringLiteral("还在吗");
    m2.platformMessageId = QStringLiteral("n2");
    store({m, m2});
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto before = agent->buyers().notes(QStringLiteral("sim"), QStringLiteral("买家甲"));
    ASSERT_TRUE(before) << before.error().message.toStdString();
    EXPECT_TRUE(before->tags.isEmpty());

    BuyerNotes notes;
    notes.grade = QStringLiteral("VIP");
    notes.tags = {QStringLiteral("老客户")};
    Status set = await(owner->buyers().setNotes(QStringLiteral("sim"), QStringLiteral("买家甲"), notes));
    ASSERT_TRUE(set.ok()) << set.error().message.toStdString();
    EXPECT_TRUE(spinUntil(
        [&] {
            auto now = agent->buyers().notes(QStringLiteral("sim"), QStringLiteral("买家甲"));
            return now && now->grade == u"VIP" && now->tags == notes.tags;
        },
        1000))
        << "on the agent's desk within a second";

    auto records = await(agent->history().records(QStringLiteral("sim"), QStringLiteral("买家甲"), {}, 10));
    ASSERT_TRUE(records) << records.error().message.toStdString();
    ASSERT_EQ(records->hits.size(), 2u);
    auto refused = await(
        agent->history().remove(QStringLiteral("sim"), QStringLiteral("买家甲"), {records->hits.front().message.id}));
    ASSERT_FALSE(refused) << "pre-sales has no history.delete";
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    auto removed = await(
        owner->history().remove(QStringLiteral("sim"), QStringLiteral("买家甲"), {records->hits.front().message.id}));
    ASSERT_TRUE(removed) << removed.error().message.toStdString();
    EXPECT_EQ(*removed, 1);
    auto wrongName =
        await(owner->history().removeAll(QStringLiteral("sim"), QStringLiteral("买家甲"), QStringLiteral("买家乙")));
    EXPECT_FALSE(wrongName) << "the buyer's name typed to confirm";
    auto all =
        await(owner->history().removeAll(QStringLiteral("sim"), QStringLiteral("买家甲"), QStringLiteral("买家甲")));
    ASSERT_TRUE(all) << all.error().message.toStdString();
    EXPECT_EQ(*all, 1);
}

TEST_F(TeamOrders, FollowUpsAreTheServersAndFollowTheRulesASupervisorSets)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    const qint64 now = clock.now().ms();
    constexpr qint64 kHour = 3'600'000;
    SessionEvent served;
    served.eventId = QStringLiteral("ev-1");
    served.conversationKey = QStringLiteral("c1");
    served.buyerNick = QStringLiteral("买家甲");
    served.agent = QStringLiteral("小美");
    served.reason = QStringLiteral("overflow"); // (the agent has no reception limit set)
    served.at = Timestamp::fromMs(now - kHour);
    Order unpaid = order(QStringLiteral("T200"), OrderStatus::WaitBuyerPay);
    unpaid.createdAt = Timestamp::fromMs(now - 30 * kHour);
    unpaid.paidAt.reset();
    store({served, unpaid});

    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto list = agent->orders().followUps();
    ASSERT_TRUE(list) << list.error().message.toStdString();
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().orderNo, QStringLiteral("T200"));
    EXPECT_EQ(list->front().kind, FollowUp::Kind::Unpaid);
    EXPECT_EQ(list->front().since.ms(), now - 30 * kHour);

    // The supervisor allows two days before an unpaid order is chased: the agent's list follows.
    int arrived = 0;
    QObject::connect(agent.get(), &session::ShopSession::followUpsArrived, [&] { ++arrived; });
    ASSERT_TRUE(await(owner->team().setSetting(QStringLiteral("followup.unpaid_hours"), QStringLiteral("48"))).ok());
    ASSERT_TRUE(spinUntil([&] { return arrived > 0; }, 5000)) << "asked for again after the rules changed";
    auto later = agent->orders().followUps();
    ASSERT_TRUE(later) << later.error().message.toStdString();
    EXPECT_TRUE(later->empty()) << "30 hours unpaid is not yet 48";

    // Without order.view there is nothing to list (the server decides).
    ASSERT_TRUE(await(owner->team().createRole(QStringLiteral("只聊天"),
                                               *auth::PermissionSet::parse(QStringLiteral("chat.read,chat.reply"))))
                    .ok());
    ASSERT_TRUE(await(owner->team().setRoles(QStringLiteral("小美"), {QStringLiteral("只聊天")})).ok());
    ASSERT_TRUE(spinUntil([&] { return !agent->may(auth::Operation::FollowUpView); }, 5000));
    auto refused = agent->orders().followUps();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
}

} // namespace
} // namespace shopdesk::test
