#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "store/MessageKeys.h"

#include "support/TempStore.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace shopdesk;
using namespace shopdesk::test;

TEST(Ingest, TheSameMessageDeliveredTwiceIsStoredOnce)
{
    TempStore s;
    auto m = message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("在吗"));
    auto first = s.ingest({m, m});
    EXPECT_EQ(first.messagesAdded, 1);
    EXPECT_EQ(first.messagesDuplicate, 1);
    auto again = s.ingest({m});
    EXPECT_EQ(again.messagesAdded, 0);
    EXPECT_EQ(again.messagesDuplicate, 1);
    EXPECT_EQ(*s->messages().messageCount(), 1);
}

TEST(Ingest, PlatformIdsDecideIdentityWhenPresent)
{
    TempStore s;
    auto a = message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("好的"));
    a.platformMessageId = QStringLiteral("m-1");
    auto b = a;
    b.platformMessageId = QStringLiteral("m-2"); // same words, another message
    auto redelivered = a;
    redelivered.text = QStringLiteral("好的"); // same id: the same message
    auto r = s.ingest({a, b, redelivered});
    EXPECT_EQ(r.messagesAdded, 2);
    EXPECT_EQ(r.messagesDuplicate, 1);
}

TEST(Ingest, DifferentSendersOrTimesAreDifferentMessages)
{
    TempStore s;
    auto r = s.ingest({
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("好的")),
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 11, QStringLiteral("好的")),
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Agent, 10, QStringLiteral("好的")),
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Agent, 10, QStringLiteral("好的"),
                QStringLiteral("阿强")),
    });
    EXPECT_EQ(r.messagesAdded, 4);
    EXPECT_EQ(r.messagesDuplicate, 0);
}

TEST(Ingest, MessagesOfOneSecondKeepTheirArrivalOrder)
{
    TempStore s;
    s.ingest({
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("一")),
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("二")),
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 9, QStringLiteral("零")),
        message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("三")),
    });
    auto conv = s->messages().findConversation(u"sim", u"c1");
    ASSERT_TRUE(conv.ok() && conv->has_value());
    auto page = s->messages().page((*conv)->id, 10, MessageId());
    ASSERT_TRUE(page.ok());
    QStringList texts;
    for (const auto& m : *page) {
        texts << m.text;
    }
    EXPECT_EQ(texts,
              (QStringList{QStringLiteral("零"), QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三")}));
}

TEST(Ingest, AHashCollisionNeverLosesAMessage)
{
    TempStore s;
    auto a = message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("甲"));
    auto b = message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 20, QStringLiteral("乙"));
    s.ingest({a});
    s.close();
    // Make the stored message carry b's key, as if their 64-bit hashes had collided.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(s.path().toUtf8().constData(), &db), SQLITE_OK);
    const QByteArray sql = "UPDATE messages SET dedup = " + QByteArray::number(store::keys::dedupKey(b));
    ASSERT_EQ(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    s.reopen();

    auto r = s.ingest({b});
    EXPECT_EQ(r.messagesAdded, 1); // stored under the next salt, not mistaken for a duplicate
    auto again = s.ingest({b});
    EXPECT_EQ(again.messagesAdded, 0);
    EXPECT_EQ(again.messagesDuplicate, 1); // and recognised when delivered again
    EXPECT_EQ(*s->messages().messageCount(), 2);
}

TEST(Ingest, AConversationKeepsItsBuyerAndBadRecordsDoNotStopOthers)
{
    TempStore s;
    s.ingest({message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 10, QStringLiteral("一"))});
    auto stolen = message(QStringLiteral("c1"), QStringLiteral("tb_other"), Sender::Buyer, 11, QStringLiteral("二"));
    auto ancient = message(QStringLiteral("c2"), QStringLiteral("tb_b"), Sender::Buyer, 0, QStringLiteral("旧"));
    ancient.sentAt = Timestamp::fromSecs(100);
    auto fine = message(QStringLiteral("c3"), QStringLiteral("tb_c"), Sender::Buyer, 12, QStringLiteral("三"));
    auto r = s.ingest({stolen, ancient, fine});
    EXPECT_EQ(r.messagesAdded, 1);
    ASSERT_EQ(r.rejected.size(), 2u);
    EXPECT_EQ(r.rejected[0].line, 1);
    EXPECT_TRUE(r.rejected[0].reason.contains(QStringLiteral("another buyer")));
    EXPECT_EQ(r.rejected[1].line, 2);
    EXPECT_EQ(*s->messages().messageCount(), 2);
}

TEST(Ingest, OrdersAndRefundsAreUpsertedByTheirPlatformNumbers)
{
    TempStore s;
    Order o;
    o.orderNo = QStringLiteral("T1001");
    o.buyerNick = QStringLiteral("tb_a");
    o.status = OrderStatus::WaitBuyerPay;
    o.createdAt = Timestamp::fromSecs(1'794'326'400);
    o.amountFen = 12900;
    o.items = {{QStringLiteral("纸皮核桃 500g"), 2, 6450}};
    Refund r;
    r.refundNo = QStringLiteral("R1");
    r.orderNo = o.orderNo;
    r.amountFen = 12900;
    r.createdAt = o.createdAt;

    auto first = s.ingest({o, r});
    EXPECT_EQ(first.ordersAdded, 1);
    EXPECT_EQ(first.refundsAdded, 1);
    auto same = s.ingest({o, r});
    EXPECT_EQ(same.ordersAdded + same.ordersUpdated + same.refundsAdded + same.refundsUpdated, 0);

    o.status = OrderStatus::WaitSellerSendGoods;
    o.paidAt = Timestamp::fromSecs(1'794'326'500);
    o.items.push_back({QStringLiteral("湿巾"), 1, 990});
    r.status = RefundStatus::Success;
    auto changed = s.ingest({o, r});
    EXPECT_EQ(changed.ordersUpdated, 1);
    EXPECT_EQ(changed.refundsUpdated, 1);
    s.close();
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM orders"), 1);
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM order_items"), 2);
    EXPECT_EQ(queryInt(s.path(), "SELECT paid_at FROM orders"), 1'794'326'500'000LL);
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM refunds WHERE status = 'SUCCESS'"), 1);
}
