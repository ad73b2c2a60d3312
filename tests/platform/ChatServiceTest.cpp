// Chat actions through the simulated shop: a person goes online, gets buyers by the routing rules,
// replies, sends order cards, transfers and closes; everything reaches the store through the
// platform's echo.

#include "services/chat/ChatService.h"
#include "backend/LiveShop.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/history/MessageRepository.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include "support/Await.h"
#include "support/TestBackend.h"

#include <gtest/gtest.h>

namespace shopdesk {
namespace {

using platform::AgentPresence;
using platform::sim::SimulatedShop;
using test::await;

class Chat : public ::testing::Test {
protected:
    void SetUp() override
    {
        owner = b.owner();
        trainee = b.account(QStringLiteral("实习生"), {QStringLiteral("trainee")});
        LiveShop::Options o;
        o.sim.seed = 8;
        o.sim.bots = 1;
        o.sim.buyersPerMinute = 3;
        o.sim.person = owner.name;
        o.retry = {3, std::chrono::milliseconds(1), std::chrono::milliseconds(2)};
        auto opened = LiveShop::open(*b, o, platform::IngestPipeline::Mode::Manual);
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        live = std::move(*opened);
    }
    void advanceBy(qint64 secs)
    {
        qint64 now = 0;
        live->sim()->inspect([&](const SimulatedShop& s) { now = s.now(); });
        live->sim()->advanceTo(now + secs);
        ASSERT_TRUE(live->pipeline().drain());
    }
    QStringList myBuyers()
    {
        QStringList out;
        live->sim()->inspect([&](const SimulatedShop& s) { out = s.buyersOf(owner.name); });
        return out;
    }
    std::vector<Message> timeline(const QString& buyer)
    {
        auto conv = b->store().messages().findConversation(u"sim", QStringLiteral("c-") + buyer);
        EXPECT_TRUE(conv && *conv);
        if (!conv || !*conv) {
            return {};
        }
        auto page = b->store().messages().page((*conv)->id, 500, MessageId());
        return page ? *page : std::vector<Message>();
    }
    qint64 messagesOut() { return live->sim()->stats().messagesOut; }

    test::TestBackend b;
    std::unique_ptr<LiveShop> live;
    auth::Actor owner;
    auth::Actor trainee;
};

TEST_F(Chat, AnAgentOnlineGetsBuyersAndRepliesReachTheStoreThroughThePlatform)
{
    advanceBy(600);
    EXPECT_TRUE(myBuyers().isEmpty()) << "offline: no buyers";
    ASSERT_TRUE(await(live->chat().setPresence(fixedActor(owner), AgentPresence::Online)).ok());
    advanceBy(900);
    const QStringList mine = myBuyers();
    ASSERT_FALSE(mine.isEmpty()) << "online for 15 minutes in a shop with a queue: buyers arrive";
    const QString buyer = mine.front();

    ASSERT_TRUE(
        await(live->chat().send(fixedActor(owner), buyer, QStringLiteral("您好，欢迎光临！有什么可以帮您？"))).ok());
    advanceBy(0);
    const auto messages = timeline(buyer);
    ASSERT_FALSE(messages.empty());
    const auto mineSent = std::find_if(messages.begin(), messages.end(), [&](const Message& m) {
        return m.sender == Sender::Agent && m.agent == owner.name;
    });
    ASSERT_NE(mineSent, messages.end());
    EXPECT_EQ(mineSent->text, QStringLiteral("您好，欢迎光临！有什么可以帮您？"));

    ASSERT_TRUE(
        await(live->chat().close(fixedActor(owner), buyer, QStringLiteral("感谢您的支持，祝您生活愉快"), false)).ok());
    EXPECT_FALSE(myBuyers().contains(buyer));
    const Status again = await(live->chat().close(fixedActor(owner), buyer, {}, false));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Invalid) << "no open conversation any more";
}

TEST_F(Chat, EmptyAndOverlongMessagesAreRefusedAndNothingIsSent)
{
    ASSERT_TRUE(await(live->chat().setPresence(fixedActor(owner), AgentPresence::Online)).ok());
    advanceBy(900);
    ASSERT_FALSE(myBuyers().isEmpty());
    const QString buyer = myBuyers().front();
    const qint64 before = messagesOut();
    for (const QString& text :
         {QString(), QStringLiteral("   \n"), QString(ChatService::kMaxMessageChars + 1, QChar(0x597D))}) {
        const Status st = await(live->chat().send(fixedActor(owner), buyer, text));
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, ErrorCode::Invalid);
    }
    EXPECT_TRUE(
        await(live->chat().send(fixedActor(owner), buyer, QString(ChatService::kMaxMessageChars, QChar(0x597D)))).ok());
    EXPECT_EQ(messagesOut(), before + 1);
}

TEST_F(Chat, AnOrderCardOnlyForTheBuyersOwnOrder)
{
    ASSERT_TRUE(await(live->chat().setPresence(fixedActor(owner), AgentPresence::Online)).ok());
    advanceBy(3 * 3600);
    // A buyer with an order, and an order of someone else.
    QString buyer;
    QString own;
    QString other;
    live->sim()->inspect([&](const SimulatedShop& s) {
        for (const Order& o : s.allOrders()) {
            if (buyer.isEmpty()) {
                buyer = o.buyerNick;
                own = o.orderNo;
            } else if (o.buyerNick != buyer && other.isEmpty()) {
                other = o.orderNo;
            }
        }
    });
    ASSERT_FALSE(own.isEmpty() || other.isEmpty());
    const Status wrong = await(live->chat().sendOrderCard(fixedActor(owner), buyer, other));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::NotFound);
    ASSERT_TRUE(await(live->chat().sendOrderCard(fixedActor(owner), buyer, own)).ok());
    advanceBy(0);
    const auto messages = timeline(buyer);
    EXPECT_TRUE(std::any_of(messages.begin(), messages.end(), [&](const Message& m) { return m.cardOrderNo == own; }));
}

TEST_F(Chat, TransferIsGatedCheckedAndAudited)
{
    ASSERT_TRUE(await(live->chat().setPresence(fixedActor(owner), AgentPresence::Online)).ok());
    advanceBy(900);
    ASSERT_FALSE(myBuyers().isEmpty());
    const QString buyer = myBuyers().front();
    const Status denied = await(live->chat().transfer(fixedActor(trainee), buyer, {}, QStringLiteral("presales"), {}));
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::NotAllowed);
    const Status self = await(live->chat().transfer(fixedActor(owner), buyer, owner.name, {}, {}));
    ASSERT_FALSE(self.ok());
    EXPECT_EQ(self.error().code, ErrorCode::Invalid);
    ASSERT_TRUE(
        await(live->chat().transfer(fixedActor(owner), buyer, QStringLiteral("客服01"), {}, QStringLiteral("要开发票")))
            .ok());
    EXPECT_FALSE(myBuyers().contains(buyer));
    b->store().writer().flush();
    AuditQuery q;
    q.actionPrefix = QStringLiteral("chat.transfer");
    auto rows = b->audit().list(owner, b->gate(), q);
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().entry.detail, QStringLiteral("to 客服01"));
    // The trainee may reply (chat.reply) but was refused the transfer, and that refusal is audited.
    q.actionPrefix = QStringLiteral("permission.denied");
    EXPECT_EQ(b->audit().list(owner, b->gate(), q)->size(), 1u);
}

} // namespace
} // namespace shopdesk
