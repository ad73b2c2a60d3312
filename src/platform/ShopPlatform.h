#pragma once

#include "domain/RoutingConfig.h"
#include "platform/PlatformTypes.h"
#include "services/history/ImportRecord.h"

#include <QFuture>
#include <QObject>

#include <vector>

namespace shopdesk::platform {

/// The contract every shop platform adapter implements (docs/adapters.md). Asynchronous: no call
/// blocks; answers arrive as QFutures (continue them with .then(context, ...) on the UI thread).
/// Events arrive as a stream the ingest pipeline pulls after eventsAvailable(), and are
/// acknowledged only once stored, so an adapter can always resume from the last stored position.
class ShopPlatform : public QObject {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, AuthExpired, Failed };
    Q_ENUM(State)

    using QObject::QObject;
    ~ShopPlatform() override = default;

    /// The adapter name in the registry ("sim", "taobao", ...).
    virtual QString name() const = 0;
    /// The identity of the event stream (e.g. "taobao:<shop id>"): stored cursors are positions in
    /// it and mean nothing in another.
    virtual QString streamId() const = 0;
    virtual Capabilities capabilities() const = 0;
    /// The reasons the platform lets a shop give for refusing a refund (the buyer reads one); empty
    /// when it takes free text only.
    virtual QStringList refundRefuseReasons() const { return {}; }
    virtual State state() const = 0;

    /// Starts delivering the events after `cursor` (the last position stored).
    virtual void connectFrom(qint64 cursor) = 0;
    virtual void disconnectPlatform() = 0;

    // The event stream.
    /// Up to `max` undelivered events after `cursor`, in order.
    virtual std::vector<RawEvent> fetch(qint64 cursor, int max) = 0;
    /// Everything up to `cursor` is stored: the adapter may forget it.
    virtual void acknowledge(qint64 cursor) = 0;
    /// Decodes one payload into ShopDesk records (messages, orders, refunds, sessions, logistics,
    /// reviews), mapping the platform's states onto ShopDesk's. Invalid for a malformed event.
    virtual Result<std::vector<ImportRecord>> decode(const RawEvent& event) const = 0;

    // Chat. A platform refuses messages into a chat another agent holds or a buyer still queued.
    virtual QFuture<PlatformStatus> sendMessage(const QString& agent, const QString& buyer, const QString& text) = 0;
    virtual QFuture<PlatformStatus> sendOrderCard(const QString& agent, const QString& buyer,
                                                  const QString& orderNo) = 0;
    /// `agent` moves the buyer; a platform refuses unless the buyer is `agent`'s, or `supervising`
    /// (a supervisor moving a colleague's or a queued buyer).
    virtual QFuture<PlatformStatus> transfer(const QString& agent, const QString& buyer, const QString& toAgent,
                                             const QString& toGroup, const QString& note, bool supervising) = 0;
    virtual QFuture<PlatformStatus> closeConversation(const QString& agent, const QString& buyer,
                                                      const QString& closingLine) = 0;
    virtual QFuture<PlatformStatus> setPresence(const QString& agent, AgentPresence presence) = 0;

    // Buyers and orders.
    virtual QFuture<PlatformResult<BuyerProfile>> buyerProfile(const QString& buyer) = 0;
    virtual QFuture<PlatformResult<std::vector<Order>>> ordersOfBuyer(const QString& buyer) = 0;
    virtual QFuture<PlatformResult<Order>> orderDetail(const QString& orderNo) = 0;
    virtual QFuture<PlatformResult<std::vector<LogisticsEvent>>> logistics(const QString& orderNo) = 0;
    virtual QFuture<PlatformStatus> setRemark(const QString& orderNo, const QString& remark, int flag,
                                              const QString& flaggedBy) = 0;
    virtual QFuture<PlatformStatus> modifyAddress(const QString& orderNo, const Address& address) = 0;
    virtual QFuture<PlatformStatus> modifyPrice(const QString& orderNo, Fen amountFen) = 0;

    // Refunds and reviews.
    virtual QFuture<PlatformResult<std::vector<Refund>>> refundsOfOrder(const QString& orderNo) = 0;
    virtual QFuture<PlatformStatus> agreeRefund(const QString& refundNo) = 0;
    virtual QFuture<PlatformStatus> refuseRefund(const QString& refundNo, const QString& reason) = 0;
    virtual QFuture<PlatformResult<std::vector<Review>>> reviews(const QString& orderNo) = 0;
    virtual QFuture<PlatformStatus> replyReview(const QString& orderNo, const QString& reply) = 0;

    /// Every agent's status (Capability::TeamStatus; adapters without it need not implement it).
    virtual QFuture<PlatformResult<std::vector<AgentState>>> teamStatus();
    /// The shop's routing changed (a supervisor saved it): the platform's own routing follows from
    /// its next decision. Where the platform routes by rules it keeps itself, the adapter maps them;
    /// the default says the platform does not take them.
    virtual QFuture<PlatformStatus> applyRouting(const RoutingConfig& config);

signals:
    void stateChanged(shopdesk::platform::ShopPlatform::State state);
    /// New events can be fetched.
    void eventsAvailable();
};

} // namespace shopdesk::platform
