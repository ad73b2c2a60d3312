#include "server/ShopRouter.h"

#include "core/Logging.h"
#include "pg/PgAssignments.h"
#include "pg/PgHistoryRepository.h"
#include "pg/PgStore.h"
#include "platform/IngestPipeline.h"
#include "platform/sim/SimPlatform.h"
#include "platform/sim/SimulatedShop.h"
#include "server/ChatQueries.h"
#include "server/OpAnswers.h"
#include "server/ServerBackend.h"
#include "services/actions/ActionRunner.h"
#include "services/chat/ChatService.h"
#include "services/demo/EcdCorpus.h"
#include "services/orders/OrderActionService.h"
#include "services/privacy/PiiVault.h"
#include "services/routing/RoutingConfigService.h"
#include "services/security/KeyRing.h"
#include "services/settings/SettingsRepository.h"

#include <QTimer>

namespace shopdesk::server {

namespace {

constexpr int kRouterLockClass = 0x53444B52; // 'SDKR'

auto log()
{
    return logging::get("routing");
}

QFuture<platform::PlatformStatus> notLeading()
{
    platform::PlatformError e;
    e.kind = platform::PlatformError::Kind::Network;
    e.message = QStringLiteral("This server does not run the shop's platform connection right now; try again in a "
                               "moment.");
    return QtFuture::makeReadyFuture(platform::PlatformStatus::fail(e));
}

} // namespace

ShopRouter::ShopRouter(ServerBackend& backend, Options options, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(std::move(options))
{
}

ShopRouter::~ShopRouter()
{
    dropPlatform();
}

void ShopRouter::dropPlatform()
{
    m_orderActions.reset();
    m_chat.reset();
    m_runner.reset();
    if (m_platform) {
        m_platform->disconnectPlatform();
    }
    m_pipeline.reset();
    m_platform.reset();
}

QFuture<Result<platform::BuyerProfile>> ShopRouter::buyerProfile(const auth::Actor& actor, const QString& nick)
{
    if (!m_runner || !m_platform) {
        return QtFuture::makeReadyFuture(Result<platform::BuyerProfile>(notRouting()));
    }
    platform::ShopPlatform* p = m_platform.get();
    return m_runner->read<platform::BuyerProfile>(fixedActor(actor), auth::Operation::ChatRead,
                                                  platform::Capability::BuyerProfile,
                                                  [p, nick] { return p->buyerProfile(nick); });
}

platform::Capabilities ShopRouter::capabilities() const
{
    return m_platform ? m_platform->capabilities() : platform::Capabilities();
}

QStringList ShopRouter::refundRefuseReasons() const
{
    return m_platform ? m_platform->refundRefuseReasons() : QStringList();
}

void ShopRouter::start()
{
    m_retry = new QTimer(this);
    connect(m_retry, &QTimer::timeout, this, &ShopRouter::tryLead);
    m_retry->start(m_options.retryMs);
    m_sweep = new QTimer(this);
    connect(m_sweep, &QTimer::timeout, this, &ShopRouter::sweepSilent);
    m_sweep->start(m_options.sweepMs);
    tryLead();
}

void ShopRouter::tryLead()
{
    if (m_platform) {
        return;
    }
    if (Status st = lead(); !st) {
        log()->warn("not routing: {}", st.error().message);
        dropPlatform();
        m_store.reset();
    }
}

Result<RoutingConfig> ShopRouter::teamRouting()
{
    auto stored = m_backend.routing().load();
    if (!stored) {
        return stored.error();
    }
    RoutingConfig c = *stored;
    if (c.groups.empty()) {
        c.groups.push_back({QStringLiteral("presales"), 8});
    }
    for (routing::AgentConfig& a : c.agents) {
        const bool known =
            std::any_of(c.groups.begin(), c.groups.end(), [&](const auto& g) { return g.name == a.group; });
        if (!known && !a.limit) {
            a.group = c.groups.front().name; // every agent needs a limit: the first group's
        }
        a.status = routing::AgentStatus::Offline; // until its desktop says otherwise
    }
    return c;
}

namespace {

/// Who and which groups the world routes among: a change of these needs a new world (the
/// simulated shop's engine is made with its agents), a change of limits and settings does not.
QString rosterOf(const RoutingConfig& c)
{
    QStringList parts;
    for (const auto& g : c.groups) {
        parts << QStringLiteral("g:") + g.name;
    }
    for (const auto& a : c.agents) {
        parts << QStringLiteral("a:%1@%2").arg(a.name, a.group);
    }
    return parts.join(u'|');
}

} // namespace

Status ShopRouter::lead()
{
    auto store = pg::PgStore::open(m_options.pgUrl);
    if (!store) {
        return store.error();
    }
    (*store)->setShopId(m_backend.store().shopId());
    auto locked = (*store)->read<bool>("take the router's lock", [](pg::PgTx& tx) {
        // Keyed by the shop's own random id: locks are per database, and shop numbers are not.
        auto r = tx.q("SELECT pg_try_advisory_lock($1::int, hashtext((SELECT store_id FROM shops WHERE id = $2)))",
                      {pg::param(static_cast<qint64>(kRouterLockClass)), tx.shop()});
        return r.boolean(0, 0);
    });
    if (!locked) {
        return locked.error();
    }
    if (!*locked) {
        return {}; // another instance routes; stand by
    }
    m_store = std::move(*store);
    m_history = std::make_unique<pg::PgHistoryRepository>(*m_store);
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        return corpus.error();
    }
    m_corpus = std::make_unique<EcdCorpus>(std::move(*corpus));
    if (Status st = openWorld(); !st) {
        return st;
    }
    log()->info("routing the shop (holding the router lock)");
    emit leadingChanged(true);
    return {};
}

Status ShopRouter::openWorld()
{
    auto routing = teamRouting();
    if (!routing) {
        return routing.error();
    }
    // What the last world left open is over: its buyers are gone with it (their sessions end
    // through the claim path, so the agents' loads go back down).
    const Timestamp now = m_backend.clock().now();
    if (Status st =
            m_store->writeStatus("end the last world's sessions",
                                 [&](pg::PgTx& tx) {
                                     auto open = tx.q("SELECT platform, key FROM conversations WHERE shop_id = $1 "
                                                      "AND platform = 'sim' AND state <> 'closed'",
                                                      {tx.shop()});
                                     for (int i = 0; i < open.rows(); ++i) {
                                         pg::PgAssignments::releaseIn(tx, open.text(i, 0), open.text(i, 1),
                                                                      QStringLiteral("world_ended"), now, false);
                                     }
                                 });
        !st) {
        return st;
    }
    platform::sim::SimConfig config;
    // A new world each time (its buyers' names and stream are its own).
    config.seed = m_options.seed + static_cast<quint64>(now.ms());
    config.shopName = m_backend.shop().name;
    m_appliedRate = storedRate();
    config.buyersPerMinute = m_appliedRate;
    config.start = now;
    config.routing = routing->settings;
    config.groups = routing->groups;
    config.agents = routing->agents;
    platform::sim::resolveEntryGroups(config);
    auto world = platform::sim::SimulatedShop::create(std::move(config), *m_corpus);
    if (!world) {
        return world.error();
    }
    platform::sim::SimPlatform::Pacing pacing;
    pacing.realTime = true;
    pacing.speed = m_options.speed;
    dropPlatform();
    m_platform = std::make_unique<platform::sim::SimPlatform>(std::move(*world), pacing);
    // The actions agents take on the shop's orders, over this platform (made anew with it).
    if (!m_conversations) {
        m_conversations = std::make_unique<ChatQueries>(m_backend.store());
    }
    m_runner = std::make_unique<ActionRunner>(*m_platform, m_backend.gate(), m_backend.audit());
    m_chat = std::make_unique<ChatService>(*m_runner, m_backend.orderRepository(), *m_conversations,
                                           m_backend.shopTexts(), m_backend.shop().name);
    m_orderActions = std::make_unique<OrderActionService>(*m_runner, m_backend.orderRepository(), *m_chat);
    m_appliedRouting = routingFingerprint(*routing);
    m_roster = rosterOf(*routing);
    m_pipeline = std::make_unique<platform::IngestPipeline>(*m_platform, *m_history, m_backend.vault());
    connect(m_pipeline.get(), &platform::IngestPipeline::storeFailed, this,
            [](const QString&) { log()->warn("storing the platform's events failed; retrying"); });
    if (Status st = m_pipeline->start(platform::IngestPipeline::Mode::Automatic); !st) {
        return st;
    }
    // The agents whose desks are at work now are so in the new world too.
    auto present =
        m_backend.store().read<std::vector<std::pair<QString, QString>>>("read agents' status", [](pg::PgTx& tx) {
            auto r = tx.q("SELECT a.name, l.status FROM agent_load l JOIN accounts a ON a.id = l.account_id WHERE "
                          "a.shop_id = $1 AND l.status <> 'offline'",
                          {tx.shop()});
            std::vector<std::pair<QString, QString>> out;
            for (int i = 0; i < r.rows(); ++i) {
                out.emplace_back(r.text(i, 0), r.text(i, 1));
            }
            return out;
        });
    if (present) {
        for (const auto& [name, status] : *present) {
            (void)m_platform->setPresence(name, status == u"away" ? platform::AgentPresence::Away
                                                                  : platform::AgentPresence::Online);
        }
    }
    return {};
}

double ShopRouter::storedRate()
{
    auto stored = m_backend.settingsRepository().value(QStringLiteral("sim.buyers_per_minute"));
    bool ok = false;
    const double rate = stored && *stored ? (*stored)->toDouble(&ok) : 0;
    return ok ? rate : m_options.buyersPerMinute;
}

void ShopRouter::settingsChanged()
{
    if (!m_platform) {
        return;
    }
    const double rate = storedRate();
    if (rate == m_appliedRate) {
        return;
    }
    m_appliedRate = rate;
    (void)m_platform->setBuyersPerMinute(rate);
    log()->info("the simulated shop brings {} new buyers a minute from now on", rate);
}

void ShopRouter::routingChanged()
{
    if (!m_platform) {
        return;
    }
    auto routing = teamRouting();
    if (!routing) {
        return;
    }
    if (rosterOf(*routing) != m_roster) {
        // An agent or a group came or went: the simulated shop is made anew with them.
        if (Status st = openWorld(); !st) {
            log()->warn("could not open the shop's platform again: {}", st.error().message);
        }
        return;
    }
    const QString fingerprint = routingFingerprint(*routing);
    if (fingerprint == m_appliedRouting) {
        return;
    }
    m_appliedRouting = fingerprint;
    (void)m_platform->applyRouting(*routing);
}

QFuture<platform::PlatformStatus> ShopRouter::setPresence(const QString& agent, platform::AgentPresence presence)
{
    const char* status = presence == platform::AgentPresence::Online ? "online"
                         : presence == platform::AgentPresence::Away ? "away"
                                                                     : "offline";
    (void)m_backend.store().writeStatus("record an agent's status", [&](pg::PgTx& tx) {
        tx.q("INSERT INTO agent_load(account_id, status, seen_at) SELECT id, $3, $4 FROM accounts WHERE shop_id = $1 "
             "AND name = $2 ON CONFLICT(account_id) DO UPDATE SET status = excluded.status, seen_at = excluded.seen_at",
             {tx.shop(), pg::param(agent), pg::param(QString::fromLatin1(status)),
              pg::param(m_backend.clock().now().ms())});
    });
    if (!m_platform) {
        return notLeading();
    }
    return m_platform->setPresence(agent, presence);
}

void ShopRouter::sweepSilent()
{
    const qint64 before = m_backend.clock().now().ms() - qint64(m_options.silentSecs) * 1000;
    auto silent = m_backend.store().write<QStringList>("mark silent desktops offline", [&](pg::PgTx& tx) {
        auto r = tx.q("UPDATE agent_load l SET status = 'offline' FROM accounts a WHERE a.id = l.account_id AND "
                      "a.shop_id = $1 AND l.status <> 'offline' AND l.seen_at < $2 RETURNING a.name",
                      {tx.shop(), pg::param(before)});
        QStringList names;
        for (int i = 0; i < r.rows(); ++i) {
            names << r.text(i, 0);
        }
        return names;
    });
    if (silent && m_platform) {
        for (const QString& name : *silent) {
            (void)m_platform->setPresence(name, platform::AgentPresence::Offline);
        }
    }
}

QFuture<platform::PlatformStatus> ShopRouter::send(const QString& agent, const QString& buyer, const QString& text)
{
    return m_platform ? m_platform->sendMessage(agent, buyer, text) : notLeading();
}

QFuture<platform::PlatformStatus> ShopRouter::close(const QString& agent, const QString& buyer,
                                                    const QString& closingLine)
{
    return m_platform ? m_platform->closeConversation(agent, buyer, closingLine) : notLeading();
}

QFuture<platform::PlatformStatus> ShopRouter::transfer(const QString& agent, const QString& buyer,
                                                       const QString& toAgent, const QString& toGroup,
                                                       const QString& note, bool supervising)
{
    return m_platform ? m_platform->transfer(agent, buyer, toAgent, toGroup, note, supervising) : notLeading();
}

} // namespace shopdesk::server
