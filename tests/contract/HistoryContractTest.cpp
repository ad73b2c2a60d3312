// The repository contract on history: messages and their search, orders, refunds, parcel traces
// and the performance report's reads, each case against SQLite and against PostgreSQL.

#include "contract/ContractFixture.h"
#include "pg/PgImportTransaction.h"

namespace shopdesk::test {
namespace {

class HistoryContract : public RepositoryContract {};

namespace {

IncomingMessage said(const QString& key, const QString& buyer, const QString& text, qint64 n)
{
    IncomingMessage m;
    m.conversationKey = key;
    m.buyerNick = buyer;
    m.text = text;
    m.sentAt = Timestamp::fromMs(1'700'000'000'000 + n * 1000);
    m.platformMessageId = QStringLiteral("m%1").arg(n);
    return m;
}

QStringList textsOf(const Result<std::vector<MessageHit>>& hits)
{
    QStringList out;
    for (const MessageHit& h : hits.value()) {
        out << h.message.text;
    }
    return out;
}

} // namespace

TEST_P(HistoryContract, SearchFindsEveryQueryLengthAsASubstringNewestFirst)
{
    const QString jia = QStringLiteral("买家甲");
    const QString yi = QStringLiteral("买家乙");
    std::vector<ImportRecord> records{
        said(QStringLiteral("c1"), jia, QStringLiteral("亲，在吗？"), 1),
        said(QStringLiteral("c1"), jia, QStringLiteral("我要退款"), 2),
        said(QStringLiteral("c1"), jia, QStringLiteral("退款 款到了吗"), 3),
        said(QStringLiteral("c1"), jia, QStringLiteral("ORDER-7788 已发货"), 4),
        said(QStringLiteral("c1"), jia, QStringLiteral("价格\"*OR 优惠"), 5),
        said(QStringLiteral("c2"), yi, QStringLiteral("在的亲"), 6),
        said(QStringLiteral("c2"), yi, QStringLiteral("Refund please"), 7),
        said(QStringLiteral("c2"), yi, QStringLiteral("Refund please"), 7), // a platform's redelivery
    };
    auto stored = s->history().ingest(records).result();
    ASSERT_TRUE(stored) << stored.error().message.toStdString();
    EXPECT_EQ(stored->messagesAdded, 7);
    EXPECT_EQ(stored->messagesDuplicate, 1);

    auto find = [&](QStringList terms, std::optional<QString> buyer = {}, std::vector<ConversationId> in = {},
                    int limit = 50, MessageId before = {}) {
        MessageQuery q;
        q.terms = std::move(terms);
        q.buyerNick = std::move(buyer);
        q.conversations = std::move(in);
        q.limit = limit;
        q.before = before;
        return s->messages().search(q);
    };
    EXPECT_EQ(textsOf(find({QStringLiteral("在")})),
              (QStringList{QStringLiteral("在的亲"), QStringLiteral("亲，在吗？")}))
        << "one character, newest first";
    EXPECT_EQ(textsOf(find({QStringLiteral("退款")})),
              (QStringList{QStringLiteral("退款 款到了吗"), QStringLiteral("我要退款")}));
    EXPECT_TRUE(textsOf(find({QStringLiteral("退款到")})).isEmpty()) << "its bigrams occur, but not together";
    EXPECT_EQ(textsOf(find({QStringLiteral("款到了")})), (QStringList{QStringLiteral("退款 款到了吗")}));
    EXPECT_EQ(textsOf(find({QStringLiteral("refund")})), (QStringList{QStringLiteral("Refund please")}))
        << "letters folded";
    EXPECT_EQ(textsOf(find({QStringLiteral("order-7788")})), (QStringList{QStringLiteral("ORDER-7788 已发货")}));
    EXPECT_EQ(textsOf(find({QStringLiteral("\"*OR")})), (QStringList{QStringLiteral("价格\"*OR 优惠")}))
        << "query syntax is literal text";
    EXPECT_EQ(textsOf(find({QStringLiteral("亲"), QStringLiteral("在")})),
              (QStringList{QStringLiteral("在的亲"), QStringLiteral("亲，在吗？")}))
        << "every term, in any order";
    EXPECT_EQ(textsOf(find({QStringLiteral("在")}, yi)), (QStringList{QStringLiteral("在的亲")}));

    auto c1 = s->messages().findConversation(u"sim", u"c1");
    ASSERT_TRUE(c1 && *c1);
    EXPECT_EQ((*c1)->buyerNick, jia);
    EXPECT_EQ((*c1)->messageCount, 5);
    EXPECT_EQ(textsOf(find({QStringLiteral("在")}, {}, {(*c1)->id})), (QStringList{QStringLiteral("亲，在吗？")}));

    auto first = find({QStringLiteral("在")}, {}, {}, 1);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->size(), 1u);
    EXPECT_EQ(textsOf(find({QStringLiteral("在")}, {}, {}, 1, first->front().message.id)),
              (QStringList{QStringLiteral("亲，在吗？")}))
        << "the next page starts below the last hit";

    auto page = s->messages().page((*c1)->id, 2, {});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->size(), 2u);
    EXPECT_EQ(page->back().text, QStringLiteral("价格\"*OR 优惠")) << "the newest two, oldest first";
    auto after = s->messages().pageAfter((*c1)->id, 10, page->front().id);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->size(), 1u);
    EXPECT_EQ(*s->messages().messageCount(), 7);
    auto recent = s->messages().recentConversations(10);
    ASSERT_TRUE(recent);
    ASSERT_EQ(recent->size(), 2u);
    EXPECT_EQ(recent->front().platformKey, QStringLiteral("c2"));
}

TEST_P(HistoryContract, OrdersRefundsAndTracesAreStoredOnceAndReadBackAlike)
{
    Order t1;
    t1.orderNo = QStringLiteral("T1001");
    t1.buyerNick = QStringLiteral("买家甲");
    t1.status = OrderStatus::WaitSellerSendGoods;
    t1.createdAt = Timestamp::fromMs(1'700'000'100'000);
    t1.paidAt = Timestamp::fromMs(1'700'000'160'000);
    t1.amountFen = 12'990;
    t1.remark = QStringLiteral("发顺丰");
    t1.flag = 2;
    t1.flaggedBy = QStringLiteral("小美");
    t1.receiverSealed = QByteArray("\x01sealed\x00bytes", 13);
    t1.receiverMasked = {QStringLiteral("张*"), QStringLiteral("138****0000"), QStringLiteral("浙江省杭州市***")};
    t1.items = {{QStringLiteral("纯棉T恤 白色 L"), 2, 4'995}, {QStringLiteral("运费险"), 1, 3'000}};
    Order t0 = t1;
    t0.orderNo = QStringLiteral("T0999");
    t0.createdAt = Timestamp::fromMs(1'690'000'000'000);
    t0.paidAt.reset();
    t0.status = OrderStatus::WaitBuyerPay;
    t0.items = {};
    Refund r1;
    r1.refundNo = QStringLiteral("R501");
    r1.orderNo = t1.orderNo;
    r1.amountFen = 4'995;
    r1.createdAt = Timestamp::fromMs(1'700'000'200'000);
    r1.reason = QStringLiteral("尺码不合适");
    r1.kind = Refund::Kind::ReturnAndRefund;
    r1.deadline = Timestamp::fromMs(1'700'172'800'000);
    r1.evidenceCount = 2;
    LogisticsEvent shipped{QStringLiteral("sim"),
                           t1.orderNo,
                           Timestamp::fromMs(1'700'000'300'000),
                           QStringLiteral("顺丰"),
                           QStringLiteral("SF100"),
                           QStringLiteral("已揽收")};
    LogisticsEvent moving = shipped;
    moving.at = Timestamp::fromMs(1'700'000'400'000);
    moving.description = QStringLiteral("运输中");
    auto first = s->history().ingest({t1, t0, r1, moving, shipped, shipped}).result();
    ASSERT_TRUE(first) << first.error().message.toStdString();
    EXPECT_EQ(first->ordersAdded, 2);
    EXPECT_EQ(first->refundsAdded, 1);
    EXPECT_EQ(first->otherAdded, 2) << "the step delivered twice is stored once";

    auto again = s->history().ingest({t1, r1}).result();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->ordersAdded + again->ordersUpdated + again->refundsAdded + again->refundsUpdated, 0)
        << "a redelivery changes nothing";
    Order shippedNow = t1;
    shippedNow.status = OrderStatus::WaitBuyerConfirmGoods;
    shippedNow.receiverSealed.clear(); // an update without the receiver keeps the stored one
    shippedNow.receiverMasked = {};
    Refund agreed = r1;
    agreed.status = RefundStatus::WaitBuyerReturnGoods;
    auto update = s->history().ingest({shippedNow, agreed}).result();
    ASSERT_TRUE(update);
    EXPECT_EQ(update->ordersUpdated, 1);
    EXPECT_EQ(update->refundsUpdated, 1);

    auto found = s->orders().findOrder(QStringLiteral("sim"), t1.orderNo);
    ASSERT_TRUE(found && *found);
    const Order& o = **found;
    EXPECT_EQ(o.buyerNick, t1.buyerNick);
    EXPECT_EQ(o.status, OrderStatus::WaitBuyerConfirmGoods);
    EXPECT_EQ(o.paidAt, t1.paidAt);
    EXPECT_EQ(o.amountFen, 12'990);
    EXPECT_EQ(o.remark, t1.remark);
    EXPECT_EQ(o.flag, 2);
    EXPECT_EQ(o.flaggedBy, t1.flaggedBy);
    EXPECT_EQ(o.receiverSealed, t1.receiverSealed) << "kept, byte for byte";
    EXPECT_EQ(o.receiverMasked, t1.receiverMasked);
    ASSERT_EQ(o.items.size(), 2u);
    EXPECT_EQ(o.items[0].title, QStringLiteral("纯棉T恤 白色 L"));
    EXPECT_EQ(o.items[0].quantity, 2);
    EXPECT_EQ(o.items[0].priceFen, 4'995);
    EXPECT_FALSE(*s->orders().findOrder(QStringLiteral("sim"), QStringLiteral("T404")));

    auto ofBuyer = s->orders().ordersOfBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 10);
    ASSERT_TRUE(ofBuyer);
    ASSERT_EQ(ofBuyer->size(), 2u);
    EXPECT_EQ(ofBuyer->at(0).orderNo, t1.orderNo) << "newest first";
    EXPECT_FALSE(ofBuyer->at(1).paidAt);
    EXPECT_EQ(s->orders().ordersOfBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 1)->size(), 1u);

    auto refunds = s->orders().refundsOfOrder(QStringLiteral("sim"), t1.orderNo);
    ASSERT_TRUE(refunds);
    ASSERT_EQ(refunds->size(), 1u);
    const Refund& f = refunds->front();
    EXPECT_EQ(f.status, RefundStatus::WaitBuyerReturnGoods);
    EXPECT_EQ(f.kind, Refund::Kind::ReturnAndRefund);
    EXPECT_EQ(f.deadline, r1.deadline);
    EXPECT_EQ(f.evidenceCount, 2);
    EXPECT_EQ(f.reason, r1.reason);
    auto byNo = s->orders().findRefund(QStringLiteral("sim"), QStringLiteral("R501"));
    ASSERT_TRUE(byNo && *byNo);
    EXPECT_EQ((*byNo)->amountFen, 4'995);

    auto trace = s->orders().storedLogistics(QStringLiteral("sim"), t1.orderNo);
    ASSERT_TRUE(trace);
    ASSERT_EQ(trace->size(), 2u);
    EXPECT_EQ(trace->at(0).description, QStringLiteral("已揽收")) << "oldest first";
    EXPECT_EQ(trace->at(1).trackingNo, QStringLiteral("SF100"));
}

TEST_P(HistoryContract, TheReportReadsTheWindowsConversationsOrdersAndRefunds)
{
    const qint64 t0 = 1'750'000'000'000;
    auto msg = [&](const QString& key, const QString& buyer, Sender sender, qint64 atSecs, qint64 n) {
        IncomingMessage m = said(key, buyer, QStringLiteral("消息%1").arg(n), n);
        m.sender = sender;
        m.agent = sender == Sender::Agent ? QStringLiteral("小美") : QString();
        m.sentAt = Timestamp::fromMs(t0 + atSecs * 1000);
        return ImportRecord(m);
    };
    auto paid = [&](const QString& no, const QString& buyer, qint64 atSecs, const QString& flaggedBy) {
        Order o;
        o.orderNo = no;
        o.buyerNick = buyer;
        o.status = OrderStatus::WaitSellerSendGoods;
        o.createdAt = Timestamp::fromMs(t0 + (atSecs - 60) * 1000);
        o.paidAt = Timestamp::fromMs(t0 + atSecs * 1000);
        o.amountFen = 10'000;
        o.flaggedBy = flaggedBy;
        return ImportRecord(o);
    };
    Refund back;
    back.refundNo = QStringLiteral("R1");
    back.orderNo = QStringLiteral("T2");
    back.status = RefundStatus::Success;
    back.amountFen = 4'000;
    back.createdAt = Timestamp::fromMs(t0 + 900'000);
    const QString jia = QStringLiteral("买家甲");
    const QString yi = QStringLiteral("买家乙");
    auto stored = s->history()
                      .ingest({msg(QStringLiteral("c1"), jia, Sender::Buyer, -7200, 1), // before the window
                               msg(QStringLiteral("c1"), jia, Sender::Buyer, 10, 2),
                               msg(QStringLiteral("c1"), jia, Sender::Agent, 40, 3),
                               msg(QStringLiteral("c2"), yi, Sender::Buyer, 100, 4),
                               msg(QStringLiteral("c3"), QStringLiteral("买家丙"), Sender::Buyer, -3600, 5),
                               paid(QStringLiteral("T1"), jia, 300, {}),
                               paid(QStringLiteral("T2"), yi, 400, QStringLiteral("小王")),
                               paid(QStringLiteral("T0"), yi, -86'400, {}), back})
                      .result();
    ASSERT_TRUE(stored) << stored.error().message.toStdString();

    const Timestamp from = Timestamp::fromMs(t0);
    const Timestamp to = Timestamp::fromMs(t0 + 3'600'000);
    std::vector<ReportMessage> seen;
    ASSERT_TRUE(s->reports().scanConversationsActiveIn(from, to, [&](const ReportMessage& m) { seen.push_back(m); }));
    ASSERT_EQ(seen.size(), 4u) << "c1 whole (with its earlier message) and c2; not c3";
    EXPECT_EQ(seen[0].conversation, seen[2].conversation);
    EXPECT_NE(seen[0].conversation, seen[3].conversation);
    EXPECT_LT(seen[0].sentAtMs, seen[1].sentAtMs) << "by conversation, then time";
    EXPECT_EQ(seen[2].sender, Sender::Agent);
    EXPECT_EQ(seen[2].agent, QStringLiteral("小美"));
    EXPECT_EQ(seen[0].buyer, seen[2].buyer);
    EXPECT_NE(seen[0].buyer, seen[3].buyer);

    auto orders = s->reports().ordersPaidIn(from, to);
    ASSERT_TRUE(orders);
    ASSERT_EQ(orders->size(), 2u);
    EXPECT_EQ(orders->at(0).orderNo, QStringLiteral("T1"));
    EXPECT_EQ(orders->at(0).buyer, seen[0].buyer) << "one buyer number for messages and orders";
    EXPECT_EQ(orders->at(1).flaggedBy, QStringLiteral("小王"));
    EXPECT_TRUE(orders->at(0).flaggedBy.isEmpty());
    auto refunds = s->reports().successfulRefundsCreatedIn(from, to);
    ASSERT_TRUE(refunds);
    ASSERT_EQ(refunds->size(), 1u);
    EXPECT_EQ(refunds->front().amountFen, 4'000);
    EXPECT_EQ(refunds->front().order.orderNo, QStringLiteral("T2"));
    EXPECT_EQ(refunds->front().order.buyer, seen[3].buyer);

    auto last = s->reports().lastAgentMessageTo(seen[0].buyer, from, Timestamp::fromMs(t0 + 300'000));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->value_or(QString()), QStringLiteral("小美"));
    auto none = s->reports().lastAgentMessageTo(seen[3].buyer, from, to);
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
}

TEST_P(HistoryContract, BuyerNotesAndDeletedRecordsAreAlikeAndAuditedWithTheDeletion)
{
    const QString jia = QStringLiteral("买家甲");
    EXPECT_TRUE(s->buyers().buyerNotes(QStringLiteral("sim"), jia)->tags.isEmpty()) << "nothing kept yet";
    BuyerNotes notes;
    notes.grade = QStringLiteral("VIP");
    notes.tags = {QStringLiteral("老客户"), QStringLiteral("爱砍价"), QStringLiteral("a,b \"c\"")};
    ASSERT_TRUE(
        s->buyers().setBuyerNotes(QStringLiteral("sim"), jia, notes, {entry(QStringLiteral("buyer.notes"))}).ok());
    auto back = s->buyers().buyerNotes(QStringLiteral("sim"), jia);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->grade, QStringLiteral("VIP"));
    EXPECT_EQ(back->tags, notes.tags);

    ASSERT_TRUE(s->history()
                    .ingest({said(QStringLiteral("c1"), jia, QStringLiteral("一"), 1),
                             said(QStringLiteral("c1"), jia, QStringLiteral("二"), 2),
                             said(QStringLiteral("c2"), jia, QStringLiteral("三"), 3),
                             said(QStringLiteral("c9"), QStringLiteral("买家乙"), QStringLiteral("四"), 4)})
                    .result());
    MessageQuery all;
    all.terms = {QStringLiteral("一")};
    auto first = s->messages().search(all);
    ASSERT_TRUE(first && first->size() == 1u);
    auto other = s->messages().findConversation(u"sim", u"c9");
    ASSERT_TRUE(other && *other);
    auto othersPage = s->messages().page((*other)->id, 10, {});
    ASSERT_TRUE(othersPage && othersPage->size() == 1u);
    // Another buyer's message id is never deleted through this buyer.
    auto removed =
        s->buyers().deleteMessages(QStringLiteral("sim"), jia, {first->front().message.id, othersPage->front().id},
                                   {entry(QStringLiteral("history.delete"), jia)});
    ASSERT_TRUE(removed) << removed.error().message.toStdString();
    EXPECT_EQ(*removed, 1);
    auto rest =
        s->buyers().deleteAllMessages(QStringLiteral("sim"), jia, {entry(QStringLiteral("history.delete"), jia)});
    ASSERT_TRUE(rest);
    EXPECT_EQ(*rest, 2);
    EXPECT_EQ(*s->messages().messageCount(), 1) << "买家乙's message stays";
    AuditQuery q;
    q.actionPrefix = QStringLiteral("history.delete");
    auto audited = s->audit().list(q);
    ASSERT_TRUE(audited);
    ASSERT_EQ(audited->size(), 2u);
    EXPECT_EQ(audited->at(0).entry.detail, QStringLiteral("all 2 messages"));
    EXPECT_EQ(audited->at(1).entry.detail, QStringLiteral("1 messages"));
}

TEST_P(HistoryContract, AnImportIsOneTransactionCommittedWithItsAuditEntry)
{
    // More messages than one staging batch, an order among them, a redelivery in the file and a
    // message without a platform id.
    auto tx = s->history().beginImport(true);
    qint64 line = 0;
    const int kMessages = pg::PgImportTransaction::kBatch + 100;
    for (int n = 0; n < kMessages; ++n) {
        tx->add(++line, said(QStringLiteral("imp%1").arg(n % 10), QStringLiteral("导入买家%1").arg(n % 10),
                             QStringLiteral("第%1条消息").arg(n), n));
        if (n == 2000) {
            Order o;
            o.orderNo = QStringLiteral("IMP-1");
            o.buyerNick = QStringLiteral("导入买家0");
            o.status = OrderStatus::WaitSellerSendGoods;
            o.createdAt = Timestamp::fromMs(1'700'000'000'000);
            o.amountFen = 990;
            tx->add(++line, o);
        }
    }
    tx->add(++line, said(QStringLiteral("imp5"), QStringLiteral("导入买家5"), QStringLiteral("第5条消息"), 5));
    IncomingMessage noId =
        said(QStringLiteral("imp0"), QStringLiteral("导入买家0"), QStringLiteral("最后一条"), kMessages + 1);
    noId.platformMessageId.clear();
    tx->add(++line, noId);
    tx->add(++line, noId); // without an id, the same time, sender and text are the same message
    const qint64 lines = line;
    auto summary = tx->commit([&](const ImportSummary& done) {
        AuditEntry e = entry(QStringLiteral("history.import"));
        e.detail = QStringLiteral("lines=%1 messages=%2").arg(lines).arg(done.messagesAdded);
        return e;
    });
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    EXPECT_EQ(summary->messagesAdded, kMessages + 1);
    EXPECT_EQ(summary->messagesDuplicate, 2);
    EXPECT_EQ(summary->ordersAdded, 1);
    EXPECT_TRUE(summary->rejected.empty());
    EXPECT_EQ(*s->messages().messageCount(), kMessages + 1);

    MessageQuery q;
    q.terms = {QStringLiteral("第4099条")};
    auto hits = s->messages().search(q);
    ASSERT_TRUE(hits);
    EXPECT_EQ(textsOf(hits), (QStringList{QStringLiteral("第4099条消息")})) << "searchable from the index";
    auto c0 = s->messages().findConversation(u"sim", u"imp0");
    ASSERT_TRUE(c0 && *c0);
    EXPECT_EQ((*c0)->buyerNick, QStringLiteral("导入买家0"));
    auto newest = s->messages().page((*c0)->id, 2, {});
    ASSERT_TRUE(newest);
    ASSERT_EQ(newest->size(), 2u);
    EXPECT_EQ(newest->back().text, QStringLiteral("最后一条")) << "in the file's order";
    auto order = s->orders().findOrder(QStringLiteral("sim"), QStringLiteral("IMP-1"));
    ASSERT_TRUE(order && *order);

    // Imported again: the message without an id is not stored twice.
    auto again = s->history().beginImport(true);
    again->add(1, noId);
    auto second = again->commit({});
    ASSERT_TRUE(second);
    EXPECT_EQ(second->messagesAdded, 0);
    EXPECT_EQ(second->messagesDuplicate, 1);

    auto records = s->audit().list(AuditQuery{});
    ASSERT_TRUE(records);
    ASSERT_FALSE(records->empty());
    EXPECT_EQ(records->front().entry.action, QStringLiteral("history.import"));
    EXPECT_EQ(records->front().entry.detail, QStringLiteral("lines=%1 messages=%2").arg(lines).arg(kMessages + 1))
        << "made from what was stored";
}

TEST_P(HistoryContract, AnAllOrNothingImportWithARefusedRecordStoresNothingAndIsNotAudited)
{
    auto tx = s->history().beginImport(true);
    tx->add(1, said(QStringLiteral("c1"), QStringLiteral("买家甲"), QStringLiteral("在吗"), 1));
    tx->add(2, said(QStringLiteral("c1"), QStringLiteral("买家乙"), QStringLiteral("抢"), 2));
    tx->add(3, said(QStringLiteral("c2"), QStringLiteral("买家丙"), QStringLiteral("你好"), 3));
    auto summary = tx->commit([&](const ImportSummary&) { return entry(QStringLiteral("history.import")); });
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    ASSERT_EQ(summary->rejected.size(), 1u);
    EXPECT_EQ(summary->rejected[0].line, 2);
    EXPECT_TRUE(summary->rejected[0].reason.contains(QStringLiteral("another buyer")));
    EXPECT_EQ(summary->messagesAdded, 0);
    EXPECT_EQ(*s->messages().messageCount(), 0);
    auto records = s->audit().list(AuditQuery{});
    ASSERT_TRUE(records);
    EXPECT_TRUE(records->empty());

    // Skipping bad records keeps the good ones, and the same conflict is told by its line.
    auto skipping = s->history().beginImport(false);
    skipping->add(1, said(QStringLiteral("c1"), QStringLiteral("买家甲"), QStringLiteral("在吗"), 1));
    skipping->add(2, said(QStringLiteral("c1"), QStringLiteral("买家乙"), QStringLiteral("抢"), 2));
    auto kept = skipping->commit({});
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->messagesAdded, 1);
    ASSERT_EQ(kept->rejected.size(), 1u);
    EXPECT_EQ(kept->rejected[0].line, 2);

    // A rolled-back import leaves nothing.
    auto dropped = s->history().beginImport(true);
    dropped->add(1, said(QStringLiteral("c9"), QStringLiteral("买家丁"), QStringLiteral("不要了"), 9));
    dropped->rollback();
    dropped.reset();
    EXPECT_EQ(*s->messages().messageCount(), 1);
}

TEST_P(HistoryContract, FollowUpsAreTheServedBuyersOrdersThatNeedChasing)
{
    ASSERT_TRUE(s->accounts().create(record(QStringLiteral("小美")), {}));
    ASSERT_TRUE(s->accounts().create(record(QStringLiteral("小王")), {}));
    const qint64 t0 = 1'700'000'000'000;
    constexpr qint64 kHour = 3'600'000;
    auto served = [&](const QString& key, const QString& buyer, const QString& agent, qint64 at) {
        SessionEvent e;
        e.eventId = QStringLiteral("ev-") + key;
        e.conversationKey = key;
        e.buyerNick = buyer;
        e.agent = agent;
        e.reason = QStringLiteral("free");
        e.at = Timestamp::fromMs(at);
        return ImportRecord(e);
    };
    auto order = [&](const QString& no, const QString& buyer, OrderStatus status, qint64 created,
                     std::optional<qint64> paid) {
        Order o;
        o.orderNo = no;
        o.buyerNick = buyer;
        o.status = status;
        o.createdAt = Timestamp::fromMs(created);
        if (paid) {
            o.paidAt = Timestamp::fromMs(*paid);
        }
        o.amountFen = 1000;
        return ImportRecord(o);
    };
    LogisticsEvent step;
    step.orderNo = QStringLiteral("S-STALE");
    step.at = Timestamp::fromMs(t0 - 80 * kHour);
    step.description = QStringLiteral("已揽收");
    LogisticsEvent recent = step;
    recent.orderNo = QStringLiteral("S-MOVING");
    recent.at = Timestamp::fromMs(t0 - 2 * kHour);
    auto stored =
        s->history()
            .ingest({served(QStringLiteral("c1"), QStringLiteral("买家甲"), QStringLiteral("小美"), t0 - 24 * kHour),
                     served(QStringLiteral("c2"), QStringLiteral("买家乙"), QStringLiteral("小王"), t0 - 24 * kHour),
                     order(QStringLiteral("U-OLD"), QStringLiteral("买家甲"), OrderStatus::WaitBuyerPay,
                           t0 - 30 * kHour, std::nullopt),
                     order(QStringLiteral("U-NEW"), QStringLiteral("买家甲"), OrderStatus::WaitBuyerPay, t0 - 1 * kHour,
                           std::nullopt),
                     order(QStringLiteral("P-OLD"), QStringLiteral("买家甲"), OrderStatus::WaitSellerSendGoods,
                           t0 - 90 * kHour, t0 - 50 * kHour),
                     order(QStringLiteral("S-STALE"), QStringLiteral("买家甲"), OrderStatus::WaitBuyerConfirmGoods,
                           t0 - 100 * kHour, t0 - 99 * kHour),
                     order(QStringLiteral("S-MOVING"), QStringLiteral("买家甲"), OrderStatus::WaitBuyerConfirmGoods,
                           t0 - 100 * kHour, t0 - 99 * kHour),
                     order(QStringLiteral("U-OTHER"), QStringLiteral("买家乙"), OrderStatus::WaitBuyerPay,
                           t0 - 30 * kHour, std::nullopt),
                     step, recent})
            .result();
    ASSERT_TRUE(stored) << stored.error().message.toStdString();
    ASSERT_TRUE(stored->rejected.empty()) << stored->rejected.front().reason.toStdString();

    auto list = s->followUps().followUps(QStringLiteral("小美"), Timestamp::fromMs(t0 - 7 * 24 * kHour),
                                         Timestamp::fromMs(t0 - 24 * kHour), Timestamp::fromMs(t0 - 48 * kHour),
                                         Timestamp::fromMs(t0 - 72 * kHour));
    ASSERT_TRUE(list) << list.error().message.toStdString();
    QStringList seen;
    for (const FollowUp& f : *list) {
        seen << f.orderNo;
    }
    EXPECT_EQ(seen, (QStringList{QStringLiteral("S-STALE"), QStringLiteral("P-OLD"), QStringLiteral("U-OLD")}))
        << "oldest order first; the recent unpaid, the moving parcel and another agent's buyer left out";
    ASSERT_EQ(list->size(), 3u);
    EXPECT_EQ((*list)[0].kind, FollowUp::Kind::StaleTrace);
    EXPECT_EQ((*list)[0].since.ms(), t0 - 80 * kHour) << "since the last trace step";
    EXPECT_EQ((*list)[1].kind, FollowUp::Kind::Unshipped);
    EXPECT_EQ((*list)[2].kind, FollowUp::Kind::Unpaid);
    EXPECT_EQ((*list)[2].buyerNick, QStringLiteral("买家甲"));

    auto lately = s->followUps().followUps(QStringLiteral("小美"), Timestamp::fromMs(t0 - 2 * kHour),
                                           Timestamp::fromMs(t0 - 24 * kHour), Timestamp::fromMs(t0 - 48 * kHour),
                                           Timestamp::fromMs(t0 - 72 * kHour));
    ASSERT_TRUE(lately);
    EXPECT_TRUE(lately->empty()) << "served before the window: not the agent's to chase";
}

INSTANTIATE_TEST_SUITE_P(Stores, HistoryContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return std::string(p.param); });

} // namespace
} // namespace shopdesk::test
