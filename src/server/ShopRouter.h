#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/Capabilities.h"
#include "domain/RoutingConfig.h"
#include "platform/PlatformTypes.h"

#include <QFuture>
#include <QObject>

#include <memory>

class QTimer;

namespace shopdesk {
class ActionRunner;
class ChatService;
class EcdCorpus;
class OrderActionService;
class PiiVault;
namespace platform {
class IngestPipeline;
class ShopPlatform;
namespace sim {
class SimPlatform;
}
} // namespace platform
} // namespace shopdesk

namespace shopdesk::pg {
class PgStore;
class PgHistoryRepository;
} // namespace shopdesk::pg

namespace shopdesk::server {

class ChatQueries;

class ServerBackend;

/// The one router of a shop (team.md): the server instance that holds the shop's advisory lock,
/// on the PostgreSQL session that writes its decisions (a router that dies cannot commit). It
/// runs the shop's platform connection (the simulated shop by default) with the stored routing,
/// stores what the platform reports through the claim path, and tells the platform each agent's
/// status as their desktops report it (a desktop silent for 60 s counts as offline). The others
/// stand by and try for the lock again.
class ShopRouter : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString pgUrl;
        /// New buyers a minute in the simulated shop until a supervisor sets the shop's
        /// sim.buyers_per_minute (then the setting's, from the next arrival on).
        double buyersPerMinute = 4.0;
        quint64 seed = 1;
        /// Simulated seconds a real second (tests run the simulated shop's buyers faster).
        double speed = 1.0;
        /// How long a desktop may be silent before its agent counts as offline.
        int silentSecs = 60;
        /// How often a standby tries for the lock, and how often silent desks are looked for.
        int retryMs = 5000;
        int sweepMs = 5000;
    };

    ShopRouter(ServerBackend& backend, Options options, QObject* parent = nullptr);
    ~ShopRouter() override;

    /// Tries for the lock now and then every few seconds.
    void start();
    bool leading() const { return m_platform != nullptr; }
    /// What the shop's platform can do (none while not leading).
    platform::Capabilities capabilities() const;

    /// An agent's desktop reported a status (or a heartbeat with the same).
    QFuture<platform::PlatformStatus> setPresence(const QString& agent, platform::AgentPresence presence);
    /// Sends a reply as `agent`; the platform refuses a chat the agent does not hold.
    QFuture<platform::PlatformStatus> send(const QString& agent, const QString& buyer, const QString& text);
    QFuture<platform::PlatformStatus> close(const QString& agent, const QString& buyer, const QString& closingLine);
    QFuture<platform::PlatformStatus> transfer(const QString& agent, const QString& buyer, const QString& toAgent,
                                               const QString& toGroup, const QString& note, bool supervising);
    /// The order actions on the shop's platform (gated, checked, audited first); null unless this
    /// instance routes the shop.
    OrderActionService* orderActions() const { return m_orderActions.get(); }
    /// The chat actions on the shop's platform (the same rules as a single seat's); null unless
    /// this instance routes the shop.
    ChatService* chat() const { return m_chat.get(); }
    /// The buyer's profile on the shop's platform (chat.read; Busy when this instance does not route).
    QFuture<Result<platform::BuyerProfile>> buyerProfile(const auth::Actor& actor, const QString& nick);
    /// The platform's reasons for refusing a refund.
    QStringList refundRefuseReasons() const;
    /// The shop's configuration changed: the platform takes it before its next decision.
    void routingChanged();
    /// The shop's settings changed: the simulated shop takes its new rate of buyers.
    void settingsChanged();
    /// New buyers a minute the simulated shop runs at now.
    double buyersPerMinute() const { return m_appliedRate; }

signals:
    void leadingChanged(bool leading);

private:
    void tryLead();
    Status lead();
    /// Makes the shop's world (the simulated shop) with the stored routing and connects it.
    Status openWorld();
    void sweepSilent();
    /// The platform goes: the action services over it first.
    void dropPlatform();
    Result<RoutingConfig> teamRouting();
    /// The stored sim.buyers_per_minute, or the server's option while none is stored.
    double storedRate();

    ServerBackend& m_backend;
    Options m_options;
    std::unique_ptr<pg::PgStore> m_store; ///< the session that holds the lock and writes decisions
    std::unique_ptr<pg::PgHistoryRepository> m_history;
    std::unique_ptr<EcdCorpus> m_corpus;
    std::unique_ptr<platform::sim::SimPlatform> m_platform;
    std::unique_ptr<platform::IngestPipeline> m_pipeline;
    std::unique_ptr<ChatQueries> m_conversations;
    std::unique_ptr<ActionRunner> m_runner;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<OrderActionService> m_orderActions;
    QTimer* m_retry = nullptr;
    QTimer* m_sweep = nullptr;
    QString m_appliedRouting;
    QString m_roster;
    double m_appliedRate = 0;
};

} // namespace shopdesk::server
