#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "crypto/KeyStore.h"
#include "crypto/PasswordHasher.h"
#include "domain/Shop.h"

#include <chrono>
#include <memory>
#include <vector>

namespace shopdesk {

class AccessGate;
class AccountService;
class AuditChain;
class AuditHead;
class AuditLog;
class HistoryImporter;
class KeyRing;
class OrderService;
class PiiVault;
class RoleCatalog;
class RoleService;
class RoutingConfigService;
class SearchService;
class ShopTextsService;
class SimSettingsService;
class QuickReplyService;
class BuyerService;
class FollowUpService;
class FollowUpRulesService;
class AgentReportService;
class WorkbenchService;
class SettingsService;

namespace store {
class SqliteStore;
}

/// The composition root both programs share: opens the store, unlocks its key, and wires the
/// services to the store's repositories by constructor. It holds no rules of its own.
class Backend {
public:
    struct Options {
        QString databasePath;
        bool create = false;
        /// How long writes wait while another process writes; negative = forever (the app).
        std::chrono::milliseconds busyGiveUp{-1};
        /// Time source; the system clock when null.
        const Clock* clock = nullptr;
        /// Where the master key may live; from the environment (keychain, key file) when empty.
        std::vector<std::unique_ptr<crypto::KeyStore>> keyStores;
        crypto::PasswordHasher::Params passwordParams;
    };

    static Result<std::unique_ptr<Backend>> open(Options options);
    ~Backend();
    Backend(const Backend&) = delete;
    Backend& operator=(const Backend&) = delete;

    /// A new store: its shop and main account. Refused when the store has a shop already.
    Status initialise(const Shop& shop, const QString& ownerName, const QString& ownerPassword);
    /// The shop, or NotFound for a store that was never initialised.
    Result<Shop> shop() const;
    /// Whether the audit log matched its anchor outside the database when the store was opened (or
    /// since it was re-anchored): an error naming what was found otherwise.
    const Status& auditIntegrity() const { return m_auditIntegrity; }
    /// Compares the log with its anchor again (after a re-anchoring).
    Status recheckAudit();

    store::SqliteStore& store() { return *m_store; }
    const Clock& clock() const { return *m_clock; }
    AccessGate& gate() { return *m_gate; }
    AuditLog& audit() { return *m_audit; }
    AccountService& accounts() { return *m_accounts; }
    RoleService& roles() { return *m_roles; }
    SearchService& search() { return *m_search; }
    OrderService& orders() { return *m_orders; }
    RoutingConfigService& routing() { return *m_routing; }
    SimSettingsService& simSettings() { return *m_sim; }
    ShopTextsService& shopTexts() { return *m_shopTexts; }
    QuickReplyService& quickReplies() { return *m_quickReplies; }
    BuyerService& buyers() { return *m_buyers; }
    FollowUpService& followUps() { return *m_followUps; }
    FollowUpRulesService& followUpRules() { return *m_followUpRules; }
    AgentReportService& reports() { return *m_reports; }
    HistoryImporter& importer() { return *m_importer; }
    const PiiVault& vault() const { return *m_vault; }
    KeyRing& keys() { return *m_keys; }
    const crypto::PasswordHasher& hasher() const { return *m_hasher; }
    WorkbenchService& workbench() { return *m_workbench; }
    SettingsService& settings() { return *m_settings; }

private:
    Backend() = default;
    void wireServices();

    std::unique_ptr<SystemClock> m_systemClock;
    const Clock* m_clock = nullptr;
    std::unique_ptr<store::SqliteStore> m_store;
    std::unique_ptr<KeyRing> m_keys;
    std::unique_ptr<crypto::PasswordHasher> m_hasher;
    std::shared_ptr<AuditChain> m_chain;
    std::shared_ptr<AuditHead> m_head;
    std::unique_ptr<PiiVault> m_vault;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccessGate> m_gate;
    std::unique_ptr<RoleCatalog> m_roleCatalog;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<RoleService> m_roles;
    std::unique_ptr<SearchService> m_search;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<RoutingConfigService> m_routing;
    std::unique_ptr<SimSettingsService> m_sim;
    std::unique_ptr<ShopTextsService> m_shopTexts;
    std::unique_ptr<QuickReplyService> m_quickReplies;
    std::unique_ptr<BuyerService> m_buyers;
    std::unique_ptr<FollowUpRulesService> m_followUpRules;
    std::unique_ptr<FollowUpService> m_followUps;
    std::unique_ptr<AgentReportService> m_reports;
    std::unique_ptr<HistoryImporter> m_importer;
    std::unique_ptr<WorkbenchService> m_workbench;
    std::unique_ptr<SettingsService> m_settings;
    Shop m_shop;
    Status m_auditIntegrity;
};

} // namespace shopdesk
