#include "backend/Backend.h"

#include "core/AppPaths.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleCatalog.h"
#include "services/accounts/RoleService.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditHead.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/history/HistoryImporter.h"
#include "services/orders/OrderService.h"
#include "services/privacy/PiiVault.h"
#include "services/quickreply/QuickReplyService.h"
#include "services/reports/AgentReportService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/search/SearchService.h"
#include "services/security/KeyRing.h"
#include "services/settings/FollowUpRulesService.h"
#include "services/settings/SettingsService.h"
#include "services/settings/ShopTextsService.h"
#include "services/settings/SimSettingsService.h"
#include "services/shop/ShopRepository.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/FollowUpService.h"
#include "services/workbench/WorkbenchService.h"
#include "store/SqliteStore.h"

#include <QDir>

namespace shopdesk {

Backend::~Backend()
{
    // Services first, then the store (its writer finishes queued audit entries on the way out).
    m_settings.reset();
    m_workbench.reset();
    m_importer.reset();
    m_routing.reset();
    m_orders.reset();
    m_search.reset();
    m_roles.reset();
    m_accounts.reset();
    m_store.reset();
    // The audit anchor's last write (its own thread) needs the key ring, which goes after it.
    m_head.reset();
}

Result<std::unique_ptr<Backend>> Backend::open(Options options)
{
    std::unique_ptr<Backend> b(new Backend());
    if (!options.clock) {
        b->m_systemClock = std::make_unique<SystemClock>();
        options.clock = b->m_systemClock.get();
    }
    b->m_clock = options.clock;

    store::SqliteStore::Options storeOptions;
    storeOptions.create = options.create;
    storeOptions.busyGiveUp = options.busyGiveUp;
    auto opened = store::SqliteStore::open(options.databasePath, storeOptions);
    if (!opened) {
        return opened.error();
    }
    b->m_store = std::move(*opened);

    if (options.keyStores.empty()) {
        options.keyStores = crypto::keyStoresForEnvironment(QDir(apppaths::dataDir()).filePath(QStringLiteral("keys")));
    }
    b->m_keys = std::make_unique<KeyRing>(b->m_store->shop(), std::move(options.keyStores));
    if (Status st = b->m_keys->unlock(); !st) {
        return st.error();
    }
    b->m_chain = std::make_shared<AuditChain>(b->m_keys->auditKey());
    KeyRing* keys = b->m_keys.get();
    b->m_head = std::make_shared<AuditHead>(
        b->m_keys->auditKey(),
        AuditHead::AnchorStore{
            [keys] { return keys->secret(QStringLiteral("audit-anchor")); },
            [keys](const QByteArray& sealed) { return keys->replaceSecret(QStringLiteral("audit-anchor"), sealed); }});
    b->m_store->setAudit(b->m_chain, b->m_head);
    b->m_vault = std::make_unique<PiiVault>(b->m_keys->piiKey());
    b->m_hasher = std::make_unique<crypto::PasswordHasher>(options.passwordParams);
    if (auto shop = b->m_store->shop().shop()) {
        b->m_shop = *shop;
    }
    b->wireServices();
    b->m_auditIntegrity = b->m_audit->checkAnchor();
    return b;
}

Status Backend::recheckAudit()
{
    m_auditIntegrity = m_audit->checkAnchor();
    return m_auditIntegrity;
}

void Backend::wireServices()
{
    m_audit = std::make_unique<AuditLog>(m_store->audit(), *m_chain, *m_head, *m_clock);
    m_gate = std::make_unique<AccessGate>(*m_audit);
    m_roleCatalog = std::make_unique<RoleCatalog>(m_store->roles());
    m_accounts =
        std::make_unique<AccountService>(m_store->accounts(), *m_roleCatalog, *m_gate, *m_audit, m_store->settings(),
                                         m_store->routing(), *m_clock, *m_hasher, m_shop.name, m_keys->throttleKey());
    m_roles = std::make_unique<RoleService>(*m_roleCatalog, *m_gate, *m_audit);
    m_search = std::make_unique<SearchService>(m_store->messages(), *m_gate);
    m_orders = std::make_unique<OrderService>(m_store->orders(), *m_vault, *m_gate, *m_audit);
    m_importer = std::make_unique<HistoryImporter>(m_store->history(), *m_gate, *m_audit);
    m_routing = std::make_unique<RoutingConfigService>(m_store->routing(), m_store->settings(), m_store->accounts(),
                                                       *m_gate, *m_audit);
    m_sim = std::make_unique<SimSettingsService>(m_store->settings(), *m_gate, *m_audit);
    m_shopTexts = std::make_unique<ShopTextsService>(m_store->settings(), *m_gate, *m_audit);
    m_quickReplies = std::make_unique<QuickReplyService>(m_store->quickReplies(), *m_gate, *m_audit);
    m_buyers = std::make_unique<BuyerService>(m_store->workbench(), *m_gate, *m_audit);
    m_followUpRules = std::make_unique<FollowUpRulesService>(m_store->settings(), *m_gate, *m_audit);
    m_followUps = std::make_unique<FollowUpService>(m_store->workbench(), *m_followUpRules, *m_gate, *m_clock);
    m_reports = std::make_unique<AgentReportService>(m_store->reports(), *m_gate);
    m_workbench = std::make_unique<WorkbenchService>(m_store->workbench(), m_store->messages(), *m_gate);
    m_settings = std::make_unique<SettingsService>(*m_accounts, *m_sim, *m_followUpRules, *m_shopTexts, *m_gate);
}

Result<Shop> Backend::shop() const
{
    if (m_shop.name.isEmpty()) {
        return Error::notFound(QStringLiteral("This database has no shop yet; run: shopdeskctl init --shop NAME "
                                              "--owner NAME"));
    }
    return m_shop;
}

Status Backend::initialise(const Shop& shop, const QString& ownerName, const QString& ownerPassword)
{
    if (!m_shop.name.isEmpty()) {
        return Error::invalid(QStringLiteral("This database already belongs to the shop '%1'.").arg(m_shop.name));
    }
    if (shop.name.contains(QLatin1Char(':'))) {
        return Error::invalid(QStringLiteral("A shop name must not contain ':' (it separates shop and account)."));
    }
    // Check the owner before anything is written, so a refused password leaves no half-made store.
    AccountService probe(m_store->accounts(), *m_roleCatalog, *m_gate, *m_audit, m_store->settings(),
                         m_store->routing(), *m_clock, *m_hasher, shop.name, m_keys->throttleKey());
    if (Status st = probe.validateOwner(ownerName, ownerPassword); !st) {
        return st;
    }
    if (Status st = m_store->shop().initialise(shop); !st) {
        return st;
    }
    m_shop = shop;
    wireServices();
    auto owner = m_accounts->createOwner(ownerName, ownerPassword);
    return owner ? Status() : Status(owner.error());
}

} // namespace shopdesk
