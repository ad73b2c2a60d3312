#include "session/LocalShop.h"

#include "backend/Backend.h"
#include "backend/DemoShop.h"
#include "backend/LiveShop.h"
#include "services/accounts/AccountService.h"
#include "services/settings/SimSettingsService.h"
#include "session/local/LocalAccess.h"
#include "session/local/LocalSession.h"

#include <QtConcurrent>

namespace shopdesk::session {

Backend& backendOf(LocalShop& shop)
{
    return shop.m_backend;
}

LiveShop* liveOf(LocalShop& shop)
{
    return shop.m_live.get();
}

std::shared_ptr<ShopSession> sessionOf(LocalShop& shop, const auth::Actor& actor)
{
    return shop.makeSession(actor);
}

LocalShop::LocalShop(std::unique_ptr<Backend> backend)
    : m_owned(std::move(backend))
    , m_backend(*m_owned)
    , m_context(std::make_unique<QObject>())
{
}

LocalShop::LocalShop(Backend& backend)
    : m_backend(backend)
    , m_context(std::make_unique<QObject>())
{
}

LocalShop::~LocalShop()
{
    m_live.reset();
}

Result<std::unique_ptr<LocalShop>> LocalShop::open(const Options& options)
{
    Backend::Options o;
    o.databasePath = options.databasePath;
    o.create = options.create;
    o.busyGiveUp = options.busyWait;
    auto backend = Backend::open(std::move(o));
    if (!backend) {
        return backend.error();
    }
    if (!(*backend)->auditIntegrity() && !options.inspectDamagedAudit) {
        return (*backend)->auditIntegrity().error();
    }
    return std::unique_ptr<LocalShop>(new LocalShop(std::move(*backend)));
}

Result<ShopInfo> LocalShop::shop() const
{
    auto s = m_backend.shop();
    if (!s) {
        return s.error();
    }
    return ShopInfo{s->name, s->platform, s->timeZone};
}

Status LocalShop::initialise(const ShopInfo& shop, const QString& ownerName, const QString& ownerPassword)
{
    Shop s;
    s.name = shop.name;
    s.platform = shop.platform;
    s.timeZone = shop.timeZone;
    return m_backend.initialise(s, ownerName, ownerPassword);
}

Status LocalShop::auditIntegrity() const
{
    return m_backend.auditIntegrity();
}

Result<std::vector<DemoAccount>> LocalShop::seedDemo()
{
    auto seeded = demoshop::seed(m_backend);
    if (!seeded) {
        return seeded.error();
    }
    std::vector<DemoAccount> out;
    for (const auto& a : *seeded) {
        out.push_back({a.fullName, a.password, a.roles});
    }
    return out;
}

std::shared_ptr<ShopSession> LocalShop::makeSession(const auth::Actor& actor)
{
    auto session = std::make_shared<LocalSession>(*this, m_backend, actor);
    m_sessions.erase(std::remove_if(m_sessions.begin(), m_sessions.end(),
                                    [](const std::weak_ptr<ShopSession>& w) { return w.expired(); }),
                     m_sessions.end());
    m_sessions.push_back(session);
    return session;
}

QFuture<Result<std::shared_ptr<ShopSession>>> LocalShop::login(const QString& name, const QString& password)
{
    Backend* b = &m_backend;
    return QtConcurrent::run([b, name, password] { return b->accounts().login(name, password); })
        .then(m_context.get(), [this](Result<auth::Actor> actor) -> Result<std::shared_ptr<ShopSession>> {
            if (!actor) {
                return actor.error();
            }
            return makeSession(*actor);
        });
}

Result<std::shared_ptr<ShopSession>> LocalShop::loginNow(const QString& name, const QString& password)
{
    auto actor = m_backend.accounts().login(name, password);
    if (!actor) {
        return actor.error();
    }
    return makeSession(*actor);
}

Result<std::shared_ptr<ShopSession>> LocalShop::loginDemo(bool supervisor)
{
    auto actor = supervisor ? demoshop::loginDemoSupervisor(m_backend) : demoshop::loginDemoAgent(m_backend);
    if (!actor) {
        return actor.error();
    }
    return makeSession(*actor);
}

Status LocalShop::connectPlatform(const ShopSession& session, const PlatformOptions& options)
{
    if (m_live) {
        return Error::invalid(QStringLiteral("The shop's platform is connected already."));
    }
    auto saved = m_backend.simSettings().load();
    if (!saved) {
        return saved.error();
    }
    LiveShop::Options o;
    o.sim.seed = options.seed;
    o.sim.bots = options.bots.value_or(std::max(1, saved->bots));
    o.sim.buyersPerMinute = options.buyersPerMinute.value_or(saved->buyersPerMinute);
    if (options.lively) {
        o.sim.bots = std::max(8, o.sim.bots);
        o.sim.buyersPerMinute = std::max(15.0, o.sim.buyersPerMinute);
    }
    o.sim.person = session.me().name;
    o.sim.personOnline = options.personOnline;
    o.pacing.realTime = options.realTime;
    o.pacing.speed = options.speed.value_or(saved->speed);
    o.pacing.latencyMs = options.latencyMs;
    o.pacing.startOffsetSecs = options.warmUpSecs;
    o.sim.start = options.start.value_or(
        Timestamp::fromMs(m_backend.clock().now().ms() - static_cast<qint64>(options.warmUpSecs * 1000)));
    o.retry.maxAttempts = options.retryAttempts;
    o.retry.firstDelay = options.retryDelay;
    o.retry.maxDelay = options.retryDelay * 16;
    auto live = LiveShop::open(m_backend, o,
                               options.automatic ? platform::IngestPipeline::Mode::Automatic
                                                 : platform::IngestPipeline::Mode::Manual);
    if (!live) {
        return live.error();
    }
    m_live = std::move(*live);
    for (const auto& w : m_sessions) {
        if (auto s = w.lock()) {
            static_cast<LocalSession&>(*s).attach(*m_live);
        }
    }
    return {};
}

} // namespace shopdesk::session
