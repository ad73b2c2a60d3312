#include "platform/sim/SimPlatform.h"

#include "platform/sim/SimEventDecoder.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThread>
#include <QTimer>

namespace shopdesk::platform::sim {

SimPlatform::SimPlatform(std::unique_ptr<SimulatedShop> shop, Pacing pacing, QObject* parent)
    : ShopPlatform(parent)
    , m_shop(std::move(shop))
    , m_pacing(pacing)
    , m_streamId(m_shop->streamId())
{
    if (m_pacing.realTime) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("sim"));
        m_worker = new QObject();
        m_timer = new QTimer(m_worker);
        m_timer->setInterval(100);
        connect(m_timer, &QTimer::timeout, m_worker, [this] { tick(); });
        m_worker->moveToThread(m_thread); // with its timer
        connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread->start();
    }
}

SimPlatform::~SimPlatform()
{
    if (m_thread) {
        QMetaObject::invokeMethod(
            m_worker, [this] { m_timer->stop(); }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

QStringList SimPlatform::refundRefuseReasons() const
{
    // As Taobao's seller centre lists them (the buyer reads the one chosen).
    return {QCoreApplication::translate("SimulatedShop", "The goods were shipped as agreed"),
            QCoreApplication::translate("SimulatedShop", "The buyer has not returned the goods"),
            QCoreApplication::translate("SimulatedShop", "The returned goods are damaged or incomplete"),
            QCoreApplication::translate("SimulatedShop", "Agreed otherwise with the buyer"),
            QCoreApplication::translate("SimulatedShop", "The amount asked exceeds what was paid")};
}

Capabilities SimPlatform::capabilities() const
{
    return platform::capabilities(
        {Capability::Chat, Capability::ChatTransfer, Capability::ChatClose, Capability::AgentStatus,
         Capability::BuyerProfile, Capability::Orders, Capability::Remark, Capability::ModifyAddress,
         Capability::ModifyPrice, Capability::Refunds, Capability::RefundDecide, Capability::Logistics,
         Capability::Reviews, Capability::ReviewReply, Capability::OrderCard, Capability::TeamStatus});
}

void SimPlatform::connectFrom(qint64 cursor)
{
    {
        std::lock_guard lock(m_mutex);
        // Whatever was stored before is not delivered again.
        m_shop->outbox().acknowledge(cursor);
        m_announced = cursor;
    }
    m_state = State::Connected;
    emit stateChanged(m_state);
    if (m_pacing.realTime) {
        m_paused = false;
        m_offsetSecs = m_pacing.startOffsetSecs;
        m_elapsed.start();
        QMetaObject::invokeMethod(m_worker, [this] { m_timer->start(); });
    }
    announceIfNew();
}

void SimPlatform::disconnectPlatform()
{
    if (m_pacing.realTime) {
        QMetaObject::invokeMethod(
            m_worker, [this] { m_timer->stop(); }, Qt::BlockingQueuedConnection);
    }
    m_state = State::Disconnected;
    emit stateChanged(m_state);
}

void SimPlatform::tick()
{
    {
        std::lock_guard lock(m_mutex);
        m_shop->advanceTo(
            static_cast<qint64>(m_offsetSecs + static_cast<double>(m_elapsed.elapsed()) / 1000.0 * m_pacing.speed));
    }
    announceIfNew();
}

void SimPlatform::setPaused(bool paused)
{
    if (!m_pacing.realTime || paused == m_paused || m_state != State::Connected) {
        return;
    }
    m_paused = paused;
    if (paused) {
        QMetaObject::invokeMethod(
            m_worker, [this] { m_timer->stop(); }, Qt::BlockingQueuedConnection);
        m_offsetSecs += static_cast<double>(m_elapsed.elapsed()) / 1000.0 * m_pacing.speed;
    } else {
        m_elapsed.restart();
        QMetaObject::invokeMethod(m_worker, [this] { m_timer->start(); });
    }
}

void SimPlatform::advanceTo(qint64 t)
{
    {
        std::lock_guard lock(m_mutex);
        m_shop->advanceTo(t);
    }
    announceIfNew();
}

void SimPlatform::announceIfNew()
{
    bool fresh = false;
    {
        std::lock_guard lock(m_mutex);
        fresh = m_shop->outbox().lastCursor() > m_announced;
        m_announced = m_shop->outbox().lastCursor();
    }
    if (fresh && m_state == State::Connected) {
        emit eventsAvailable();
    }
}

SimStats SimPlatform::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_shop->stats();
}

int SimPlatform::checkInvariants()
{
    std::lock_guard lock(m_mutex);
    return m_shop->checkInvariants();
}

void SimPlatform::inspect(const std::function<void(const SimulatedShop&)>& reader) const
{
    std::lock_guard lock(m_mutex);
    reader(*m_shop);
}

std::vector<RawEvent> SimPlatform::fetch(qint64 cursor, int max)
{
    std::lock_guard lock(m_mutex);
    return m_shop->outbox().fetch(cursor, max);
}

void SimPlatform::acknowledge(qint64 cursor)
{
    std::lock_guard lock(m_mutex);
    m_shop->outbox().acknowledge(cursor);
}

Result<std::vector<ImportRecord>> SimPlatform::decode(const RawEvent& event) const
{
    return decodeSimEvent(event.payload);
}

template <typename T>
QFuture<PlatformResult<T>> SimPlatform::call(std::function<PlatformResult<T>(SimulatedShop&)> op)
{
    auto promise = std::make_shared<QPromise<PlatformResult<T>>>();
    promise->start();
    QFuture<PlatformResult<T>> future = promise->future();
    auto run = [this, promise, op = std::move(op)] {
        PlatformResult<T> result;
        {
            std::lock_guard lock(m_mutex);
            result = op(*m_shop);
        }
        promise->addResult(std::move(result));
        promise->finish();
        announceIfNew();
    };
    if (!m_pacing.realTime) {
        run();
    } else {
        QMetaObject::invokeMethod(
            m_worker, [this, run = std::move(run)] { QTimer::singleShot(m_pacing.latencyMs, m_worker, run); });
    }
    return future;
}

QFuture<PlatformStatus> SimPlatform::sendMessage(const QString& agent, const QString& buyer, const QString& text)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.sendMessage(agent, buyer, text); });
}

QFuture<PlatformStatus> SimPlatform::sendOrderCard(const QString& agent, const QString& buyer, const QString& orderNo)
{
    return call<std::monostate>([=](SimulatedShop& s) -> PlatformStatus {
        auto o = s.order(orderNo);
        if (!o || o->buyerNick != buyer) {
            return PlatformStatus::fail(
                {PlatformError::Kind::NotFound, QStringLiteral("%1 has no order %2.").arg(buyer, orderNo), {}, {}});
        }
        return s.sendMessage(
            agent, buyer,
            QStringLiteral("[订单] %1  %2  %3").arg(orderNo, formatYuan(o->amountFen), orderStatusCode(o->status)),
            orderNo);
    });
}

QFuture<PlatformStatus> SimPlatform::transfer(const QString& agent, const QString& buyer, const QString& toAgent,
                                              const QString& toGroup, const QString& note, bool supervising)
{
    return call<std::monostate>(
        [=](SimulatedShop& s) { return s.transfer(agent, buyer, toAgent, toGroup, note, supervising); });
}

QFuture<PlatformStatus> SimPlatform::closeConversation(const QString& agent, const QString& buyer,
                                                       const QString& closingLine)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.closeConversation(agent, buyer, closingLine); });
}

QFuture<PlatformResult<std::vector<AgentState>>> SimPlatform::teamStatus()
{
    return call<std::vector<AgentState>>(
        [](SimulatedShop& s) { return PlatformResult<std::vector<AgentState>>::ok(s.teamStatus()); });
}

QFuture<PlatformStatus> SimPlatform::applyRouting(const RoutingConfig& config)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.applyRouting(config); });
}

QFuture<PlatformStatus> SimPlatform::setBuyersPerMinute(double perMinute)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.setBuyersPerMinute(perMinute); });
}

QFuture<PlatformStatus> SimPlatform::setPresence(const QString& agent, AgentPresence presence)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.setPresence(agent, presence); });
}

QFuture<PlatformResult<BuyerProfile>> SimPlatform::buyerProfile(const QString& buyer)
{
    return call<BuyerProfile>([=](SimulatedShop& s) -> PlatformResult<BuyerProfile> {
        auto p = s.profile(buyer);
        if (!p) {
            return PlatformResult<BuyerProfile>::fail({PlatformError::Kind::NotFound, {}, {}, {}});
        }
        return PlatformResult<BuyerProfile>::ok(*p);
    });
}

QFuture<PlatformResult<std::vector<Order>>> SimPlatform::ordersOfBuyer(const QString& buyer)
{
    return call<std::vector<Order>>(
        [=](SimulatedShop& s) { return PlatformResult<std::vector<Order>>::ok(s.ordersOf(buyer)); });
}

QFuture<PlatformResult<Order>> SimPlatform::orderDetail(const QString& orderNo)
{
    return call<Order>([=](SimulatedShop& s) -> PlatformResult<Order> {
        auto o = s.order(orderNo);
        if (!o) {
            return PlatformResult<Order>::fail({PlatformError::Kind::NotFound, {}, {}, {}});
        }
        return PlatformResult<Order>::ok(*o);
    });
}

QFuture<PlatformResult<std::vector<LogisticsEvent>>> SimPlatform::logistics(const QString& orderNo)
{
    return call<std::vector<LogisticsEvent>>(
        [=](SimulatedShop& s) { return PlatformResult<std::vector<LogisticsEvent>>::ok(s.logistics(orderNo)); });
}

QFuture<PlatformStatus> SimPlatform::setRemark(const QString& orderNo, const QString& remark, int flag,
                                               const QString& flaggedBy)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.setRemark(orderNo, remark, flag, flaggedBy); });
}

QFuture<PlatformStatus> SimPlatform::modifyAddress(const QString& orderNo, const Address& address)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.modifyAddress(orderNo, address); });
}

QFuture<PlatformStatus> SimPlatform::modifyPrice(const QString& orderNo, Fen amountFen)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.modifyPrice(orderNo, amountFen); });
}

QFuture<PlatformResult<std::vector<Refund>>> SimPlatform::refundsOfOrder(const QString& orderNo)
{
    return call<std::vector<Refund>>(
        [=](SimulatedShop& s) { return PlatformResult<std::vector<Refund>>::ok(s.refundsOf(orderNo)); });
}

QFuture<PlatformStatus> SimPlatform::agreeRefund(const QString& refundNo)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.agreeRefund(refundNo); });
}

QFuture<PlatformStatus> SimPlatform::refuseRefund(const QString& refundNo, const QString& reason)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.refuseRefund(refundNo, reason); });
}

QFuture<PlatformResult<std::vector<Review>>> SimPlatform::reviews(const QString& orderNo)
{
    return call<std::vector<Review>>(
        [=](SimulatedShop& s) { return PlatformResult<std::vector<Review>>::ok(s.reviewsOf(orderNo)); });
}

QFuture<PlatformStatus> SimPlatform::replyReview(const QString& orderNo, const QString& reply)
{
    return call<std::monostate>([=](SimulatedShop& s) { return s.replyReview(orderNo, reply); });
}

} // namespace shopdesk::platform::sim
