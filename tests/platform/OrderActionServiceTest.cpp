// Order and refund actions: every action x permission x order state, through the simulated shop.
// The store changes only when the platform's confirming event is ingested.

#include "services/orders/OrderActionService.h"
#include "backend/LiveShop.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/orders/OrderService.h"
#include "services/workbench/WorkbenchService.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include "support/Await.h"
#include "support/TestBackend.h"

#include "support/TempStore.h"

#include <gtest/gtest.h>

#include <map>

namespace shopdesk {
namespace {

using platform::sim::SimulatedShop;
using test::await;

class OrderActions : public ::testing::Test {
protected:
    void SetUp() override
    {
        owner = b.owner();
        trainee = b.account(QStringLiteral("新人"), {QStringLiteral("trainee")});
        open(0);
    }

    void open(double transientRate, int maxAttempts = 6)
    {
        live.reset();
        LiveShop::Options o;
        o.sim.seed = 21;
        o.sim.bots = 4;
        o.sim.buyersPerMinute = 4;
        o.sim.transientErrorRate = transientRate;
        o.retry = {maxAttempts, std::chrono::milliseconds(1), std::chrono::milliseconds(4)};
        auto opened = LiveShop::open(*b, o, platform::IngestPipeline::Mode::Manual);
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        live = std::move(*opened);
        // Four hours: orders in every state, refunds pending and decided.
        advance(4 * 3600);
    }

    void advance(qint64 t)
    {
        live->sim()->advanceTo(t);
        auto n = live->pipeline().drain();
        ASSERT_TRUE(n) << n.error().message.toStdString();
    }
    /// Ingests what the platform said since, without moving the world on.
    void confirm() { advance(now()); }
    qint64 now()
    {
        qint64 t = 0;
        live->sim()->inspect([&](const SimulatedShop& s) { t = s.now(); });
        return t;
    }

    std::optional<Order> worldOrderIn(OrderStatus status)
    {
        std::optional<Order> found;
        live->sim()->inspect([&](const SimulatedShop& s) {
            for (const Order& o : s.allOrders()) {
                if (o.status == status && o.remark.isEmpty()) {
                    found = o;
                    return;
                }
            }
        });
        return found;
    }
    Order worldOrder(const QString& no)
    {
        Order o;
        live->sim()->inspect([&](const SimulatedShop& s) { o = *s.order(no); });
        return o;
    }
    Order storedOrder(const QString& no)
    {
        auto o = b->store().orders().findOrder(QStringLiteral("sim"), no);
        EXPECT_TRUE(o && *o);
        return o && *o ? **o : Order();
    }
    std::optional<Refund> worldRefund(bool pending)
    {
        std::optional<Refund> found;
        live->sim()->inspect([&](const SimulatedShop& s) {
            for (const Refund& r : s.allRefunds()) {
                if (isRefundPending(r.status) == pending) {
                    found = r;
                }
            }
        });
        return found;
    }
    Refund storedRefund(const QString& no)
    {
        auto r = b->store().orders().findRefund(QStringLiteral("sim"), no);
        EXPECT_TRUE(r && *r);
        return r && *r ? **r : Refund();
    }
    int auditCount(const QString& action)
    {
        b->store().writer().flush();
        AuditQuery q;
        q.actionPrefix = action;
        auto rows = b->audit().list(owner, b->gate(), q);
        EXPECT_TRUE(rows);
        return rows ? static_cast<int>(rows->size()) : -1;
    }

    OrderActionService& actions() { return live->orderActions(); }

    test::TestBackend b;
    std::unique_ptr<LiveShop> live;
    auth::Actor owner;
    auth::Actor trainee;
};

const Receiver kNewAddress{QStringLiteral("王小二"), QStringLiteral("13700001111"),
                           QStringLiteral("江苏省南京市鼓楼区中山路100号")};

struct StateRule {
    OrderStatus status;
    bool address;
    bool price;
};

TEST_F(OrderActions, EachActionInEachOrderStateIsAllowedExactlyWhenTheRulesSay)
{
    const std::vector<StateRule> rules{
        {OrderStatus::WaitBuyerPay, true, true},
        {OrderStatus::WaitSellerSendGoods, true, false},
        {OrderStatus::WaitBuyerConfirmGoods, false, false},
        {OrderStatus::TradeFinished, false, false},
        {OrderStatus::TradeClosedByTaobao, false, false},
    };
    for (const StateRule& rule : rules) {
        SCOPED_TRACE(orderStatusCode(rule.status).toStdString());
        const auto picked = worldOrderIn(rule.status);
        ASSERT_TRUE(picked) << "the simulation made no order in this state";
        const QString no = picked->orderNo;
        ASSERT_EQ(storedOrder(no).status, rule.status);

        // Remark and flag: in every state.
        ASSERT_TRUE(await(actions().setRemark(fixedActor(owner), no, QStringLiteral("周五前发顺丰"), 2)).ok());
        EXPECT_TRUE(storedOrder(no).remark.isEmpty()) << "the store changed before the platform confirmed";
        confirm();
        EXPECT_EQ(storedOrder(no).remark, QStringLiteral("周五前发顺丰"));
        EXPECT_EQ(storedOrder(no).flag, 2);
        EXPECT_EQ(storedOrder(no).flaggedBy, owner.name);

        // Address: only before the goods leave.
        const Status address = await(actions().modifyAddress(fixedActor(owner), no, kNewAddress));
        EXPECT_EQ(address.ok(), rule.address) << (address.ok() ? "" : address.error().message.toStdString());
        confirm();
        auto revealed = b->orders().revealReceiver(owner, QStringLiteral("sim"), no);
        ASSERT_TRUE(revealed);
        EXPECT_EQ(*revealed == kNewAddress, rule.address);
        if (!rule.address) {
            EXPECT_EQ(address.error().code, ErrorCode::Invalid);
        }

        // Price: only before payment, and only down.
        const Fen before = storedOrder(no).amountFen;
        const Status price = await(actions().modifyPrice(fixedActor(owner), no, before - 100));
        EXPECT_EQ(price.ok(), rule.price) << (price.ok() ? "" : price.error().message.toStdString());
        confirm();
        EXPECT_EQ(storedOrder(no).amountFen, rule.price ? before - 100 : before);
        EXPECT_EQ(worldOrder(no).amountFen, storedOrder(no).amountFen);
        if (rule.price) {
            // The audit entry names the old amount and the new one.
            const QStringList entries =
                shopdesk::test::queryRows(b.path(), "SELECT detail FROM audit WHERE action = 'order.price.modify' "
                                                    "ORDER BY id DESC LIMIT 1");
            ASSERT_EQ(entries.size(), 1);
            EXPECT_EQ(entries.front(),
                      QStringLiteral("amount %1 -> %2").arg(formatYuan(before), formatYuan(before - 100)));
        }
    }
}

TEST_F(OrderActions, WithoutThePermissionNothingHappensAndTheRefusalIsAudited)
{
    const auto picked = worldOrderIn(OrderStatus::WaitBuyerPay);
    const auto refund = worldRefund(true);
    ASSERT_TRUE(picked && refund);
    const QString no = picked->orderNo;
    const int deniedBefore = auditCount(QStringLiteral("permission.denied"));
    const std::vector<Status> results{
        await(actions().setRemark(fixedActor(trainee), no, QStringLiteral("x"), 1)),
        await(actions().modifyAddress(fixedActor(trainee), no, kNewAddress)),
        await(actions().modifyPrice(fixedActor(trainee), no, 1)),
        await(actions().agreeRefund(fixedActor(trainee), refund->refundNo)),
        await(actions().refuseRefund(fixedActor(trainee), refund->refundNo, QStringLiteral("理由"))),
    };
    for (const Status& st : results) {
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, ErrorCode::NotAllowed);
    }
    EXPECT_EQ(auditCount(QStringLiteral("permission.denied")), deniedBefore + 5);
    confirm();
    const Order world = worldOrder(no);
    EXPECT_TRUE(world.remark.isEmpty());
    EXPECT_EQ(world.amountFen, picked->amountFen);
    EXPECT_EQ(world.receiverMasked, picked->receiverMasked);
    EXPECT_EQ(storedRefund(refund->refundNo).status, RefundStatus::WaitSellerAgree);

    const auto offer = actions().offer(trainee, world);
    EXPECT_FALSE(offer.remark || offer.address || offer.price || offer.refundDecide);
    const auto full = actions().offer(owner, world);
    EXPECT_TRUE(full.remark && full.address && full.price && full.refunds && full.refundDecide);
    EXPECT_FALSE(full.logistics); // not paid: nothing shipped
}

TEST_F(OrderActions, RemarkLimitsAreTaobaos)
{
    const auto picked = worldOrderIn(OrderStatus::WaitSellerSendGoods);
    ASSERT_TRUE(picked);
    const QString no = picked->orderNo;
    const QString longest = QString(333, QChar(0x5907)); // 备 x 333 = 999 bytes
    EXPECT_TRUE(await(actions().setRemark(fixedActor(owner), no, longest + QLatin1Char('a'), 5)).ok());
    const Status tooLong = await(actions().setRemark(fixedActor(owner), no, longest + QStringLiteral("ab"), 5));
    ASSERT_FALSE(tooLong.ok());
    EXPECT_EQ(tooLong.error().code, ErrorCode::Invalid);
    EXPECT_TRUE(tooLong.error().message.contains(QStringLiteral("1,000 bytes")));
    for (int flag : {-1, 6}) {
        const Status bad = await(actions().setRemark(fixedActor(owner), no, QStringLiteral("x"), flag));
        ASSERT_FALSE(bad.ok());
        EXPECT_EQ(bad.error().code, ErrorCode::Invalid);
    }
    confirm();
    EXPECT_EQ(storedOrder(no).remark, longest + QLatin1Char('a'));
    EXPECT_EQ(storedOrder(no).flag, 5);
    EXPECT_EQ(auditCount(QStringLiteral("order.remark")), 1);
}

TEST_F(OrderActions, AddressAndPriceInputIsChecked)
{
    const auto picked = worldOrderIn(OrderStatus::WaitBuyerPay);
    ASSERT_TRUE(picked);
    const QString no = picked->orderNo;
    for (const Receiver& bad : {Receiver{QString(), kNewAddress.phone, kNewAddress.address},
                                Receiver{kNewAddress.name, QStringLiteral("12345"), kNewAddress.address},
                                Receiver{kNewAddress.name, kNewAddress.phone, QStringLiteral("南京")}}) {
        const Status st = await(actions().modifyAddress(fixedActor(owner), no, bad));
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, ErrorCode::Invalid);
    }
    EXPECT_TRUE(OrderActionService::validPhone(QStringLiteral("+86 13812345678")));
    EXPECT_TRUE(OrderActionService::validPhone(QStringLiteral("0571-88886666")));
    EXPECT_FALSE(OrderActionService::validPhone(QStringLiteral("1381234567")));
    for (const Fen bad : {Fen(0), Fen(-5), picked->amountFen, picked->amountFen + 1}) {
        const Status st = await(actions().modifyPrice(fixedActor(owner), no, bad));
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, ErrorCode::Invalid);
    }
    const Status missing = await(actions().modifyPrice(fixedActor(owner), QStringLiteral("T000"), 100));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(worldOrder(no).amountFen, picked->amountFen);
}

TEST_F(OrderActions, RefundsAreDecidedOnceAndARefusalNeedsAReason)
{
    const auto pending = worldRefund(true);
    const auto decided = worldRefund(false);
    ASSERT_TRUE(pending && decided) << "the simulation made no pending or no decided refund";

    const Status noReason = await(actions().refuseRefund(fixedActor(owner), pending->refundNo, QStringLiteral("  ")));
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.error().code, ErrorCode::Invalid);

    ASSERT_TRUE(
        await(actions().refuseRefund(fixedActor(owner), pending->refundNo, QStringLiteral("商品已拆封影响二次销售")))
            .ok());
    EXPECT_EQ(storedRefund(pending->refundNo).status, RefundStatus::WaitSellerAgree);
    confirm();
    EXPECT_EQ(storedRefund(pending->refundNo).status, RefundStatus::SellerRefuseBuyer);
    EXPECT_EQ(storedRefund(pending->refundNo).refuseReason, QStringLiteral("商品已拆封影响二次销售"));

    for (const QString& no : {pending->refundNo, decided->refundNo}) {
        const Status again = await(actions().agreeRefund(fixedActor(owner), no));
        ASSERT_FALSE(again.ok());
        EXPECT_EQ(again.error().code, ErrorCode::Invalid);
    }
    auto order = b->store().orders().findOrder(QStringLiteral("sim"), pending->orderNo);
    ASSERT_TRUE(order && *order);
    auto listed = b->orders().refundsOfBuyer(owner, QStringLiteral("sim"), (*order)->buyerNick);
    ASSERT_TRUE(listed);
    EXPECT_FALSE(listed->empty());
    EXPECT_FALSE(b->orders().refundsOfBuyer(b.account(QStringLiteral("无退款"), {QStringLiteral("trainee")}),
                                            QStringLiteral("sim"), (*order)->buyerNick));
}

TEST_F(OrderActions, AgreeingAPendingRefundIsConfirmedByThePlatform)
{
    const auto pending = worldRefund(true);
    ASSERT_TRUE(pending);
    ASSERT_TRUE(await(actions().agreeRefund(fixedActor(owner), pending->refundNo)).ok());
    confirm();
    EXPECT_EQ(storedRefund(pending->refundNo).status, RefundStatus::Success);
    EXPECT_EQ(auditCount(QStringLiteral("refund.agree")), 1);
}

TEST_F(OrderActions, LogisticsComeFromThePlatform)
{
    const auto shipped = worldOrderIn(OrderStatus::TradeFinished);
    ASSERT_TRUE(shipped);
    auto trace = await(actions().logistics(fixedActor(owner), shipped->orderNo));
    ASSERT_TRUE(trace);
    EXPECT_GE(trace->size(), 4u);
    EXPECT_FALSE(trace->front().trackingNo.isEmpty());
    EXPECT_FALSE(await(actions().logistics(fixedActor(auth::Actor{}), shipped->orderNo)));
}

TEST_F(OrderActions, TransientFailuresAreRetriedUntilTheyPass)
{
    open(0.5, 12);
    const auto picked = worldOrderIn(OrderStatus::WaitSellerSendGoods);
    ASSERT_TRUE(picked);
    qint64 failuresBefore = live->sim()->stats().transientFailures;
    for (int i = 0; i < 6; ++i) {
        const Status st =
            await(actions().setRemark(fixedActor(owner), picked->orderNo, QStringLiteral("第%1次").arg(i), i % 6));
        EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message.toStdString());
    }
    EXPECT_GT(live->sim()->stats().transientFailures, failuresBefore);
    confirm();
    EXPECT_EQ(storedOrder(picked->orderNo).remark, QStringLiteral("第5次"));
}

TEST_F(OrderActions, PersistentTransientFailuresEndInOneClearSentenceAndAnAuditRecord)
{
    open(1.0, 3);
    const auto picked = worldOrderIn(OrderStatus::WaitSellerSendGoods);
    ASSERT_TRUE(picked);
    const qint64 before = live->sim()->stats().transientFailures;
    const Status st = await(actions().setRemark(fixedActor(owner), picked->orderNo, QStringLiteral("x"), 1));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::Busy);
    EXPECT_EQ(live->sim()->stats().transientFailures - before, 3) << "three attempts, no more";
    EXPECT_EQ(auditCount(QStringLiteral("order.remark.failed")), 1);
}

} // namespace
} // namespace shopdesk
