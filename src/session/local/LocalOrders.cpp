#include "backend/Backend.h"
#include "backend/LiveShop.h"
#include "services/actions/ActionRunner.h"
#include "services/orders/OrderActionService.h"
#include "services/orders/OrderService.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/FollowUpService.h"
#include "services/workbench/WorkbenchService.h"
#include "session/local/LocalDesks.h"
#include "session/local/LocalSession.h"

#include <QCoreApplication>

namespace shopdesk::session {

namespace {

Error notConnected()
{
    return Error::invalid(QCoreApplication::translate(
        "LocalSession", "Not connected to the shop's platform: nothing was done. Try again when it is back."));
}

template <typename T>
Result<T> withActor(LocalSession& s, const std::function<Result<T>(const auth::Actor&)>& read)
{
    auto a = s.actor();
    if (!a) {
        return a.error();
    }
    return read(*a);
}

} // namespace

Result<std::vector<Order>> LocalOrders::ofBuyer(const QString& platform, const QString& nick, int limit)
{
    return withActor<std::vector<Order>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().orders().ordersOfBuyer(a, platform, nick, limit); });
}

Result<std::optional<Order>> LocalOrders::find(const QString& platform, const QString& orderNo)
{
    return withActor<std::optional<Order>>(m_s, [&](const auth::Actor& a) -> Result<std::optional<Order>> {
        auto order = m_s.backend().orders().find(a, platform, orderNo);
        if (!order) {
            if (order.error().code == ErrorCode::NotFound) {
                return std::optional<Order>();
            }
            return order.error();
        }
        return std::optional<Order>(std::move(*order));
    });
}

Result<std::vector<Refund>> LocalOrders::refundsOfBuyer(const QString& platform, const QString& nick)
{
    return withActor<std::vector<Refund>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().orders().refundsOfBuyer(a, platform, nick); });
}

Result<std::vector<LogisticsEvent>> LocalOrders::storedTrace(const QString& platform, const QString& orderNo)
{
    return withActor<std::vector<LogisticsEvent>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().orders().storedTrace(a, platform, orderNo); });
}

QFuture<Result<std::vector<LogisticsEvent>>> LocalOrders::liveTrace(const QString& orderNo)
{
    LiveShop* live = m_s.live();
    using R = Result<std::vector<LogisticsEvent>>;
    return live ? live->orderActions().logistics(m_s.source(), orderNo) : ready(R(notConnected()));
}

QFuture<Result<Receiver>> LocalOrders::reveal(const QString& platform, const QString& orderNo)
{
    LocalSession& s = m_s;
    return s.later<Result<Receiver>>([&s, platform, orderNo]() -> Result<Receiver> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().orders().revealReceiver(*a, platform, orderNo);
    });
}

OrderOffer LocalOrders::offer(const Order& order) const
{
    LiveShop* live = m_s.live();
    if (!live) {
        return {};
    }
    // A mirror for the UI, from what the session last confirmed; the actions decide again.
    auth::Actor mirror;
    mirror.id = m_s.me().id;
    mirror.permissions = m_s.me().permissions;
    mirror.mustChangePassword = m_s.me().mustChangePassword;
    const OrderActionService::Offer o = live->orderActions().offer(mirror, order);
    return {o.remark, o.address, o.price, o.logistics, o.refunds, o.refundDecide};
}

QFuture<Status> LocalOrders::setRemark(const QString& orderNo, const QString& remark, int flag)
{
    LiveShop* live = m_s.live();
    return live ? live->orderActions().setRemark(m_s.source(), orderNo, remark, flag) : ready(Status(notConnected()));
}

QFuture<Status> LocalOrders::modifyAddress(const QString& orderNo, const Receiver& address)
{
    LiveShop* live = m_s.live();
    return live ? live->orderActions().modifyAddress(m_s.source(), orderNo, address) : ready(Status(notConnected()));
}

QFuture<Status> LocalOrders::modifyPrice(const QString& orderNo, Fen amountFen)
{
    LiveShop* live = m_s.live();
    return live ? live->orderActions().modifyPrice(m_s.source(), orderNo, amountFen) : ready(Status(notConnected()));
}

QFuture<Status> LocalOrders::agreeRefund(const QString& refundNo)
{
    LiveShop* live = m_s.live();
    return live ? live->orderActions().agreeRefund(m_s.source(), refundNo) : ready(Status(notConnected()));
}

QFuture<Status> LocalOrders::refuseRefund(const QString& refundNo, const QString& reason)
{
    LiveShop* live = m_s.live();
    return live ? live->orderActions().refuseRefund(m_s.source(), refundNo, reason) : ready(Status(notConnected()));
}

QStringList LocalOrders::refuseReasons() const
{
    LiveShop* live = m_s.live();
    return live ? live->platform().refundRefuseReasons() : QStringList();
}

QFuture<Status> LocalOrders::replyReview(const QString& orderNo, const QString& reply)
{
    LiveShop* live = m_s.live();
    return live ? live->orderActions().replyReview(m_s.source(), orderNo, reply) : ready(Status(notConnected()));
}

Result<std::vector<FollowUp>> LocalOrders::followUps()
{
    return withActor<std::vector<FollowUp>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().followUps().followUps(a); });
}

Result<BuyerNotes> LocalBuyers::notes(const QString& platform, const QString& nick)
{
    return withActor<BuyerNotes>(m_s,
                                 [&](const auth::Actor& a) { return m_s.backend().buyers().notes(a, platform, nick); });
}

QFuture<Status> LocalBuyers::setNotes(const QString& platform, const QString& nick, const BuyerNotes& notes)
{
    LocalSession& s = m_s;
    return s.later<Status>([&s, platform, nick, notes]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().buyers().setNotes(*a, platform, nick, notes);
    });
}

QFuture<Result<platform::BuyerProfile>> LocalBuyers::profile(const QString& nick)
{
    LiveShop* live = m_s.live();
    using R = Result<platform::BuyerProfile>;
    if (!live) {
        return ready(R(notConnected()));
    }
    platform::ShopPlatform& p = live->platform();
    return live->runner().read<platform::BuyerProfile>(m_s.source(), auth::Operation::ChatRead,
                                                       platform::Capability::BuyerProfile,
                                                       [&p, nick] { return p.buyerProfile(nick); });
}

} // namespace shopdesk::session
