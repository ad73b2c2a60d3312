#pragma once

#include "auth/Actor.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "crypto/PasswordHasher.h"
#include "domain/AgentReport.h"
#include "domain/Import.h"
#include "domain/Shop.h"

#include <QFuture>
#include <QIODevice>
#include <QThreadPool>
#include <QTimeZone>

#include <memory>

namespace shopdesk {
class AccessGate;
class AccountService;
class AuditChain;
class AuditHead;
class AuditLog;
class KeyRing;
class RoleCatalog;
class RoleService;
class RoutingConfigService;
class QuickReplyService;
class SearchService;
class SettingsRepository;
class OrderRepository;
class OrderService;
class BuyerService;
class PiiVault;
class SettingsService;
class ShopTextsService;
class SimSettingsService;
class FollowUpRulesService;
class FollowUpService;
} // namespace shopdesk

namespace shopdesk::pg {
class PgStore;
class PgShopRepository;
class PgAccountRepository;
class PgRoleRepository;
class PgSettingsRepository;
class PgRoutingRepository;
class PgAuditRepository;
class PgQuickReplyRepository;
class PgMessageRepository;
class PgOrderRepository;
class PgBuyerRepository;
} // namespace shopdesk::pg

namespace shopdesk::server {

/// The team server's composition root: the PostgreSQL store, the server's keys (in its data
/// directory, never in the database), and the same services the desktop runs, wired to the
/// PostgreSQL repositories by constructor.
class ServerBackend {
public:
    struct Options {
        QString pgUrl;
        /// The server's own directory: master key, audit anchor, TLS key and certificate.
        QString dataDir;
        const Clock* clock = nullptr;
        crypto::PasswordHasher::Params passwordParams;
        /// Create the schema (init); otherwise a database at an older or newer schema is refused.
        bool migrate = false;
    };

    static Result<std::unique_ptr<ServerBackend>> open(Options options);
    ~ServerBackend();

    /// A new database: its shop and main account; refused when it has a shop already.
    Status initialise(const Shop& shop, const QString& ownerName, const QString& ownerPassword);
    const Shop& shop() const { return m_shop; }
    const Status& auditIntegrity() const { return m_auditIntegrity; }

    pg::PgStore& store() { return *m_store; }
    const Clock& clock() const { return *m_clock; }
    AccessGate& gate() { return *m_gate; }
    AuditLog& audit() { return *m_audit; }
    AccountService& accounts() { return *m_accounts; }
    RoleService& roles() { return *m_roles; }
    RoutingConfigService& routing() { return *m_routing; }
    QuickReplyService& quickReplies() { return *m_quickReplies; }
    SearchService& search() { return *m_search; }
    SettingsService& settings() { return *m_settings; }
    OrderService& orders() { return *m_orders; }
    BuyerService& buyers() { return *m_buyers; }
    FollowUpService& followUps() { return *m_followUps; }
    /// The performance report (report.agents), computed on a worker over a connection of its own,
    /// so that a long report never holds up the server's other requests.
    QFuture<Result<AgentReport>> agentReport(const auth::Actor& actor, Timestamp from, Timestamp to, int slowSeconds,
                                             const QTimeZone& zone);
    /// A history import (history.import) read from `input` on the import worker, into the
    /// database over a connection of its own, in one transaction; the gate is checked here first.
    /// One import at a time: `input` must stay until the future is done.
    QFuture<Result<ImportReport>> importHistory(const auth::Actor& actor, QIODevice& input, bool skipBad);
    /// Seals and opens buyers' personal data with the server's key.
    const PiiVault& vault() const { return *m_vault; }
    ShopTextsService& shopTexts() { return *m_shopTexts; }
    SettingsRepository& settingsRepository();
    OrderRepository& orderRepository();
    KeyRing& keys() { return *m_keys; }
    const QString& dataDir() const { return m_dataDir; }

private:
    ServerBackend() = default;
    /// Unlocks the shop's keys (made when new) and wires the services to them.
    Status unlockAndWire();
    void wireServices();

    std::unique_ptr<SystemClock> m_systemClock;
    const Clock* m_clock = nullptr;
    QString m_dataDir;
    QString m_pgUrl;
    std::unique_ptr<pg::PgStore> m_store;
    std::unique_ptr<pg::PgShopRepository> m_shopRepo;
    std::unique_ptr<pg::PgAccountRepository> m_accountRepo;
    std::unique_ptr<pg::PgRoleRepository> m_roleRepo;
    std::unique_ptr<pg::PgSettingsRepository> m_settingsRepo;
    std::unique_ptr<pg::PgRoutingRepository> m_routingRepo;
    std::unique_ptr<pg::PgAuditRepository> m_auditRepo;
    std::unique_ptr<pg::PgQuickReplyRepository> m_phraseRepo;
    std::unique_ptr<pg::PgMessageRepository> m_messageRepo;
    std::unique_ptr<pg::PgOrderRepository> m_orderRepo;
    std::unique_ptr<pg::PgBuyerRepository> m_buyerRepo;
    std::unique_ptr<KeyRing> m_keys;
    std::unique_ptr<crypto::PasswordHasher> m_hasher;
    std::shared_ptr<AuditChain> m_chain;
    std::shared_ptr<AuditHead> m_head;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccessGate> m_gate;
    std::unique_ptr<RoleCatalog> m_roleCatalog;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<RoleService> m_roles;
    std::unique_ptr<RoutingConfigService> m_routing;
    std::unique_ptr<QuickReplyService> m_quickReplies;
    std::unique_ptr<SearchService> m_search;
    std::unique_ptr<SimSettingsService> m_sim;
    std::unique_ptr<ShopTextsService> m_shopTexts;
    std::unique_ptr<FollowUpRulesService> m_followUpRules;
    std::unique_ptr<SettingsService> m_settings;
    std::unique_ptr<PiiVault> m_vault;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<BuyerService> m_buyers;
    std::unique_ptr<FollowUpService> m_followUps;
    Shop m_shop;
    Status m_auditIntegrity;
    std::unique_ptr<pg::PgStore> m_reportStore; ///< the report worker's connection (opened there)
    QThreadPool m_reportWorker;                 ///< one report at a time; waited for on the way out
    QThreadPool m_importWorker;                 ///< one history import at a time; waited for likewise
};

} // namespace shopdesk::server
