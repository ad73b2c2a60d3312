#pragma once

#include "platform/ShopPlatform.h"
#include "platform/sim/SimulatedShop.h"

#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <mutex>

class QThread;
class QTimer;

namespace shopdesk::platform::sim {

/// The `sim` adapter: the simulated shop behind the ShopPlatform contract.
///
/// Manual pacing: the caller moves simulated time with advanceTo() and operations answer at once
/// (headless runs, tests). Real-time pacing: the simulation runs on its own thread, `speed`
/// simulated seconds per real second, and operations answer after a simulated network latency,
/// so the workbench meets the same asynchrony as with a real platform.
class SimPlatform final : public ShopPlatform {
    Q_OBJECT
public:
    struct Pacing {
        bool realTime = false;
        double speed = 1.0;
        int latencyMs = 0;
        /// Real-time pacing: simulated seconds already past when connected (the world catches up
        /// at once, so a workbench opens on a shop that has been running).
        double startOffsetSecs = 0;
    };

    SimPlatform(std::unique_ptr<SimulatedShop> shop, Pacing pacing, QObject* parent = nullptr);
    ~SimPlatform() override;

    /// Manual pacing: runs the simulation up to simulated second `t`.
    void advanceTo(qint64 t);
    /// Real-time pacing: stops or resumes the simulated clock (the stream and operations go on).
    void setPaused(bool paused);
    SimStats stats() const;
    int checkInvariants();
    /// Reads the simulation under its lock (tests, the live queue).
    void inspect(const std::function<void(const SimulatedShop&)>& reader) const;

    QString name() const override { return QStringLiteral("sim"); }
    QString streamId() const override { return m_streamId; }
    Capabilities capabilities() const override;
    QStringList refundRefuseReasons() const override;
    State state() const override { return m_state; }
    void connectFrom(qint64 cursor) override;
    void disconnectPlatform() override;

    std::vector<RawEvent> fetch(qint64 cursor, int max) override;
    void acknowledge(qint64 cursor) override;
    Result<std::vector<ImportRecord>> decode(const RawEvent& event) const override;

    QFuture<PlatformStatus> sendMessage(const QString& agent, const QString& buyer, const QString& text) override;
    QFuture<PlatformStatus> sendOrderCard(const QString& agent, const QString& buyer, const QString& orderNo) override;
    QFuture<PlatformStatus> transfer(const QString& agent, const QString& buyer, const QString& toAgent,
                                     const QString& toGroup, const QString& note, bool supervising) override;
    QFuture<PlatformStatus> closeConversation(const QString& agent, const QString& buyer,
                                              const QString& closingLine) override;
    QFuture<PlatformStatus> setPresence(const QString& agent, AgentPresence presence) override;
    QFuture<PlatformResult<BuyerProfile>> buyerProfile(const QString& buyer) override;
    QFuture<PlatformResult<std::vector<Order>>> ordersOfBuyer(const QString& buyer) override;
    QFuture<PlatformResult<Order>> orderDetail(const QString& orderNo) override;
    QFuture<PlatformResult<std::vector<LogisticsEvent>>> logistics(const QString& orderNo) override;
    QFuture<PlatformStatus> setRemark(const QString& orderNo, const QString& remark, int flag,
                                      const QString& flaggedBy) override;
    QFuture<PlatformStatus> modifyAddress(const QString& orderNo, const Address& address) override;
    QFuture<PlatformStatus> modifyPrice(const QString& orderNo, Fen amountFen) override;
    QFuture<PlatformResult<std::vector<Refund>>> refundsOfOrder(const QString& orderNo) override;
    QFuture<PlatformStatus> agreeRefund(const QString& refundNo) override;
    QFuture<PlatformStatus> refuseRefund(const QString& refundNo, const QString& reason) override;
    QFuture<PlatformResult<std::vector<Review>>> reviews(const QString& orderNo) override;
    QFuture<PlatformStatus> replyReview(const QString& orderNo, const QString& reply) override;
    QFuture<PlatformResult<std::vector<AgentState>>> teamStatus() override;
    QFuture<PlatformStatus> applyRouting(const RoutingConfig& config) override;
    /// The simulated shop's new buyers a minute, from now on.
    QFuture<PlatformStatus> setBuyersPerMinute(double perMinute);

private:
    template <typename T>
    QFuture<PlatformResult<T>> call(std::function<PlatformResult<T>(SimulatedShop&)> op);
    void tick();
    void announceIfNew();

    mutable std::mutex m_mutex;
    std::unique_ptr<SimulatedShop> m_shop;
    Pacing m_pacing;
    QString m_streamId;
    State m_state = State::Disconnected;
    qint64 m_announced = 0;
    QElapsedTimer m_elapsed;
    double m_offsetSecs = 0; ///< simulated seconds reached before the last resume
    bool m_paused = false;
    QThread* m_thread = nullptr;
    QObject* m_worker = nullptr; ///< lives on m_thread; runs the timer and delayed answers
    QTimer* m_timer = nullptr;
};

} // namespace shopdesk::platform::sim
