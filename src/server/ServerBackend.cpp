#include "server/ServerBackend.h"

#include "auth/PasswordPolicy.h"
#include "crypto/KeyStore.h"
#include "pg/PgBuyerRepository.h"
#include "pg/PgHistoryRepository.h"
#include "pg/PgMessageRepository.h"
#include "pg/PgOrderRepository.h"
#include "pg/PgQuickReplyRepository.h"
#include "pg/PgReportRepository.h"
#include "pg/PgRepositories.h"
#include "pg/PgSchema.h"
#include "pg/PgStore.h"
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
#include "services/workbench/BuyerService.h"
#include "services/workbench/FollowUpService.h"

#include <QDir>
#include <QtConcurrent>

namespace shopdesk::server {

ServerBackend::~ServerBackend()
{
    m_reportWorker.waitForDone();
    m_importWorker.waitForDone();
    m_reportStore.reset();
    m_quickReplies.reset();
    m_search.reset();
    m_settings.reset();
    m_orders.reset();
    m_buyers.reset();
    m_followUps.reset();
    m_routing.reset();
    m_roles.reset();
    m_accounts.reset();
    m_store.reset();
    m_head.reset(); // its last anchor write needs the key ring
}

QFuture<Result<AgentReport>> ServerBackend::agentReport(const auth::Actor& actor, Timestamp from, Timestamp to,
                                                        int slowSeconds, const QTimeZone& zone)
{
    // The gate on this thread (a refusal is audited through the server's store); the work there.
    if (Status st = m_gate->check(actor, auth::Operation::ReportAgents); !st) {
        return QtFuture::makeReadyFuture(Result<AgentReport>(st.error()));
    }
    return QtConcurrent::run(&m_reportWorker, [this, actor, from, to, slowSeconds, zone]() -> Result<AgentReport> {
        if (!m_reportStore) {
            auto store = pg::PgStore::open(m_pgUrl);
            if (!store) {
                return store.error();
            }
            m_reportStore = std::move(*store);
            m_reportStore->setShopId(m_store->shopId());
        }
        pg::PgReportRepository reports(*m_reportStore);
        AgentReportService service(reports, *m_gate);
        return service.agents(actor, from, to, slowSeconds, zone);
    });
}

QFuture<Result<ImportReport>> ServerBackend::importHistory(const auth::Actor& actor, QIODevice& input, bool skipBad)
{
    if (Status st = m_gate->check(actor, auth::Operation::HistoryImport); !st) {
        return QtFuture::makeReadyFuture(Result<ImportReport>(st.error()));
    }
    QIODevice* device = &input;
    return QtConcurrent::run(&m_importWorker, [this, actor, device, skipBad]() -> Result<ImportReport> {
        // The import's transaction holds its connection from the first line to the commit.
        auto store = pg::PgStore::open(m_pgUrl);
        if (!store) {
            return store.error();
        }
        (*store)->setShopId(m_store->shopId());
        (*store)->setAudit(m_chain, m_head);
        pg::PgHistoryRepository history(**store);
        HistoryImporter importer(history, *m_gate, *m_audit);
        HistoryImporter::Options o;
        o.skipBad = skipBad;
        o.defaultPlatform = m_shop.platform;
        const PiiVault& vault = *m_vault;
        o.sealOrder = [&vault](Order& order) { vault.seal(order); };
        return importer.import(actor, *device, o);
    });
}

OrderRepository& ServerBackend::orderRepository()
{
    return *m_orderRepo;
}

SettingsRepository& ServerBackend::settingsRepository()
{
    return *m_settingsRepo;
}

Result<std::unique_ptr<ServerBackend>> ServerBackend::open(Options options)
{
    std::unique_ptr<ServerBackend> b(new ServerBackend());
    if (!options.clock) {
        b->m_systemClock = std::make_unique<SystemClock>();
        options.clock = b->m_systemClock.get();
    }
    b->m_clock = options.clock;
    b->m_dataDir = options.dataDir;
    b->m_pgUrl = options.pgUrl;
    b->m_reportWorker.setMaxThreadCount(1);
    b->m_importWorker.setMaxThreadCount(1);
    auto store = pg::PgStore::open(options.pgUrl);
    if (!store) {
        return store.error();
    }
    b->m_store = std::move(*store);
    {
        auto conn = pg::PgConnection::open(options.pgUrl);
        if (!conn) {
            return conn.error();
        }
        auto version = pg::schema::version(**conn);
        if (!version) {
            return version.error();
        }
        if (*version > pg::schema::currentVersion() || (options.migrate && *version < pg::schema::currentVersion())) {
            if (Status st = pg::schema::migrate(**conn); !st) {
                return st.error();
            }
        } else if (*version < pg::schema::currentVersion()) {
            return Error::invalid(
                QStringLiteral("The database's schema is version %1, this server needs %2: run shopdesk-server init "
                               "--pg URL, which migrates it.")
                    .arg(*version)
                    .arg(pg::schema::currentVersion()));
        }
    }
    b->m_shopRepo = std::make_unique<pg::PgShopRepository>(*b->m_store);
    b->m_accountRepo = std::make_unique<pg::PgAccountRepository>(*b->m_store);
    b->m_roleRepo = std::make_unique<pg::PgRoleRepository>(*b->m_store);
    b->m_settingsRepo = std::make_unique<pg::PgSettingsRepository>(*b->m_store);
    b->m_routingRepo = std::make_unique<pg::PgRoutingRepository>(*b->m_store);
    b->m_auditRepo = std::make_unique<pg::PgAuditRepository>(*b->m_store);
    b->m_phraseRepo = std::make_unique<pg::PgQuickReplyRepository>(*b->m_store);
    b->m_messageRepo = std::make_unique<pg::PgMessageRepository>(*b->m_store);
    b->m_orderRepo = std::make_unique<pg::PgOrderRepository>(*b->m_store);
    b->m_buyerRepo = std::make_unique<pg::PgBuyerRepository>(*b->m_store);
    b->m_hasher = std::make_unique<crypto::PasswordHasher>(options.passwordParams);
    if (b->m_shopRepo->attach().ok()) {
        if (auto shop = b->m_shopRepo->shop()) {
            b->m_shop = *shop;
        }
    }
    if (!b->m_shop.name.isEmpty()) {
        if (Status st = b->unlockAndWire(); !st) {
            return st.error();
        }
    }
    return b;
}

Status ServerBackend::unlockAndWire()
{
    // The server's keys live in its own directory, never in the database.
    std::vector<std::unique_ptr<crypto::KeyStore>> keyStores;
    keyStores.push_back(std::make_unique<crypto::FileKeyStore>(QDir(m_dataDir).filePath(QStringLiteral("keys"))));
    m_keys = std::make_unique<KeyRing>(*m_shopRepo, std::move(keyStores));
    if (Status st = m_keys->unlock(); !st) {
        return st;
    }
    wireServices();
    m_auditIntegrity = m_audit->checkAnchor();
    return {};
}

void ServerBackend::wireServices()
{
    m_chain = std::make_shared<AuditChain>(m_keys->auditKey());
    KeyRing* keys = m_keys.get();
    m_head = std::make_shared<AuditHead>(
        m_keys->auditKey(),
        AuditHead::AnchorStore{
            [keys] { return keys->secret(QStringLiteral("audit-anchor")); },
            [keys](const QByteArray& sealed) { return keys->replaceSecret(QStringLiteral("audit-anchor"), sealed); }});
    m_store->setAudit(m_chain, m_head);
    m_audit = std::make_unique<AuditLog>(*m_auditRepo, *m_chain, *m_head, *m_clock);
    m_gate = std::make_unique<AccessGate>(*m_audit);
    m_roleCatalog = std::make_unique<RoleCatalog>(*m_roleRepo);
    m_accounts =
        std::make_unique<AccountService>(*m_accountRepo, *m_roleCatalog, *m_gate, *m_audit, *m_settingsRepo,
                                         *m_routingRepo, *m_clock, *m_hasher, m_shop.name, m_keys->throttleKey());
    m_roles = std::make_unique<RoleService>(*m_roleCatalog, *m_gate, *m_audit);
    m_routing =
        std::make_unique<RoutingConfigService>(*m_routingRepo, *m_settingsRepo, *m_accountRepo, *m_gate, *m_audit);
    m_quickReplies = std::make_unique<QuickReplyService>(*m_phraseRepo, *m_gate, *m_audit);
    m_search = std::make_unique<SearchService>(*m_messageRepo, *m_gate);
    m_sim = std::make_unique<SimSettingsService>(*m_settingsRepo, *m_gate, *m_audit);
    m_shopTexts = std::make_unique<ShopTextsService>(*m_settingsRepo, *m_gate, *m_audit);
    m_followUpRules = std::make_unique<FollowUpRulesService>(*m_settingsRepo, *m_gate, *m_audit);
    m_settings = std::make_unique<SettingsService>(*m_accounts, *m_sim, *m_followUpRules, *m_shopTexts, *m_gate);
    m_vault = std::make_unique<PiiVault>(m_keys->piiKey());
    m_orders = std::make_unique<OrderService>(*m_orderRepo, *m_vault, *m_gate, *m_audit);
    m_buyers = std::make_unique<BuyerService>(*m_buyerRepo, *m_gate, *m_audit);
    m_followUps = std::make_unique<FollowUpService>(*m_orderRepo, *m_followUpRules, *m_gate, *m_clock);
}

Status ServerBackend::initialise(const Shop& shop, const QString& ownerName, const QString& ownerPassword)
{
    if (!m_shop.name.isEmpty()) {
        return Error::invalid(QStringLiteral("This database already belongs to the shop '%1'.").arg(m_shop.name));
    }
    if (shop.name.contains(QLatin1Char(':'))) {
        return Error::invalid(QStringLiteral("A shop name must not contain ':' (it separates shop and account)."));
    }
    // The owner is checked before anything is written: a refused password leaves no half-made shop.
    if (Status st = auth::checkAccountName(ownerName); !st) {
        return st;
    }
    if (Status st = auth::checkNewPassword(ownerPassword, ownerName, shop.name + QLatin1Char(':') + ownerName); !st) {
        return st;
    }
    if (Status st = m_shopRepo->initialise(shop); !st) {
        return st;
    }
    m_shop = shop;
    if (Status st = unlockAndWire(); !st) {
        return st;
    }
    auto owner = m_accounts->createOwner(ownerName, ownerPassword);
    return owner ? Status() : Status(owner.error());
}

} // namespace shopdesk::server
