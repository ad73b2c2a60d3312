#include "backend/LiveShop.h"

#include "backend/Backend.h"
#include "core/Logging.h"
#include "platform/AdapterRegistry.h"
#include "services/actions/ActionRunner.h"
#include "services/chat/ChatService.h"
#include "services/demo/EcdCorpus.h"
#include "services/orders/OrderActionService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "store/SqliteStore.h"

namespace shopdesk {

namespace {

/// What an adapter's factory may use.
struct AdapterContext {
    Backend& backend;
    const LiveShop::Options& options;
    const EcdCorpus& corpus;
};

const platform::AdapterRegistry<AdapterContext>& registry()
{
    static const platform::AdapterRegistry<AdapterContext> adapters = [] {
        platform::AdapterRegistry<AdapterContext> r;
        r.add(QStringLiteral("sim"), [](const AdapterContext& c) -> Result<std::unique_ptr<platform::ShopPlatform>> {
            auto config = simConfig(c.backend, c.options.sim);
            if (!config) {
                return config.error();
            }
            auto world = platform::sim::SimulatedShop::create(std::move(*config), c.corpus);
            if (!world) {
                return world.error();
            }
            return std::unique_ptr<platform::ShopPlatform>(
                std::make_unique<platform::sim::SimPlatform>(std::move(*world), c.options.pacing));
        });
        return r;
    }();
    return adapters;
}

} // namespace

QStringList LiveShop::adapterNames()
{
    return registry().names();
}

Result<std::unique_ptr<LiveShop>> LiveShop::open(Backend& backend, const Options& options,
                                                 platform::IngestPipeline::Mode mode)
{
    auto shop = backend.shop();
    if (!shop) {
        return shop.error();
    }
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        return corpus.error();
    }
    auto ownedCorpus = std::make_unique<EcdCorpus>(std::move(*corpus));
    auto adapter = registry().create(shop->platform, AdapterContext{backend, options, *ownedCorpus});
    if (!adapter) {
        return adapter.error();
    }
    auto live = std::make_unique<LiveShop>(backend, std::move(*adapter), options.retry);
    live->m_corpus = std::move(ownedCorpus);
    if (live->sim()) {
        // A simulated world lives as long as the program: buyers of an earlier world are gone, so
        // their sessions end rather than wait forever in the lists.
        const QString keep = QStringLiteral("e%1-").arg(live->platform().streamId().section(QLatin1Char('/'), -1));
        auto ended = backend.store().workbench().endSessionsOutside(
            live->platform().name(), keep, backend.clock().now(), QStringLiteral("world_ended"));
        if (!ended) {
            return ended.error();
        }
    }
    if (Status st = live->start(mode); !st) {
        return st.error();
    }
    // The running routing follows the shop's configuration, whoever changes it (a desk's console,
    // shopdeskctl, a supervisor elsewhere); the simulated shop maps it as it did when it was made.
    Backend* b = &backend;
    if (live->sim()) {
        const SimSetup setup = options.sim;
        live->followRouting([b, setup]() -> Result<RoutingConfig> {
            auto stored = b->routing().load();
            return stored ? setup.routingFor(*stored) : Result<RoutingConfig>(stored.error());
        });
    } else {
        live->followRouting([b] { return b->routing().load(); });
    }
    return live;
}

LiveShop::LiveShop(Backend& backend, std::unique_ptr<platform::ShopPlatform> platform, platform::RetryPolicy retry)
    : m_platform(std::move(platform))
    , m_pipeline(std::make_unique<platform::IngestPipeline>(*m_platform, backend.store().history(), backend.vault()))
    , m_runner(std::make_unique<ActionRunner>(*m_platform, backend.gate(), backend.audit(), retry))
    , m_chat(std::make_unique<ChatService>(*m_runner, backend.store().orders(), backend.store().workbench(),
                                           backend.shopTexts(), backend.shop() ? backend.shop()->name : QString()))
    , m_orderActions(std::make_unique<OrderActionService>(*m_runner, backend.store().orders(), *m_chat))
{
}

LiveShop::~LiveShop()
{
    if (m_platform) {
        m_platform->disconnectPlatform();
    }
}

Status LiveShop::start(platform::IngestPipeline::Mode mode)
{
    return m_pipeline->start(mode);
}

platform::sim::SimPlatform* LiveShop::sim()
{
    return qobject_cast<platform::sim::SimPlatform*>(m_platform.get());
}

void LiveShop::followRouting(std::function<Result<RoutingConfig>()> load, int pollMs)
{
    m_loadRouting = std::move(load);
    m_routingPoll = std::make_unique<QTimer>();
    m_routingPoll->setInterval(pollMs);
    QObject::connect(m_routingPoll.get(), &QTimer::timeout, [this] { routingChanged(); });
    m_routingPoll->start();
    routingChanged();
}

void LiveShop::routingChanged()
{
    if (!m_loadRouting) {
        return;
    }
    auto config = m_loadRouting();
    if (!config) {
        logging::get("routing")->warn("routing configuration not read: {}", config.error().message);
        return;
    }
    const QString fingerprint = routingFingerprint(*config);
    if (fingerprint == m_appliedRouting) {
        return;
    }
    m_appliedRouting = fingerprint;
    m_platform->applyRouting(*config).then([](platform::PlatformStatus st) {
        if (!st.isOk() && st.error) {
            logging::get("routing")->info("the platform did not take the routing: {}", st.error->message);
        }
    });
}

} // namespace shopdesk
