#pragma once

#include "backend/SimSetup.h"
#include "core/Result.h"
#include "platform/IngestPipeline.h"
#include "platform/Retry.h"
#include "platform/sim/SimPlatform.h"

#include <QTimer>

#include <functional>
#include <memory>

namespace shopdesk {

class ActionRunner;
class Backend;
class ChatService;
class EcdCorpus;
class OrderActionService;

namespace platform {
class ShopPlatform;
}

/// A backend connected to its shop's platform: the adapter the shop names (from the registry), the
/// ingest pipeline into the store, and the services that act through the platform. The workbench
/// holds one while it runs; tests and headless runs too.
class LiveShop {
public:
    struct Options {
        /// How the simulated shop is set up when the shop's adapter is "sim".
        SimSetup sim;
        platform::sim::SimPlatform::Pacing pacing;
        platform::RetryPolicy retry;
    };

    /// The adapter the shop's configuration names, connected after the last stored event.
    static Result<std::unique_ptr<LiveShop>> open(Backend& backend, const Options& options,
                                                  platform::IngestPipeline::Mode mode);
    /// Around a given adapter (tests of other adapters, fakes).
    LiveShop(Backend& backend, std::unique_ptr<platform::ShopPlatform> platform, platform::RetryPolicy retry);
    ~LiveShop();

    Status start(platform::IngestPipeline::Mode mode);

    platform::ShopPlatform& platform() { return *m_platform; }
    /// The simulated shop's adapter, when that is the adapter.
    platform::sim::SimPlatform* sim();
    platform::IngestPipeline& pipeline() { return *m_pipeline; }
    ActionRunner& runner() { return *m_runner; }
    ChatService& chat() { return *m_chat; }
    OrderActionService& orderActions() { return *m_orderActions; }

    /// Names of the adapters this build has.
    static QStringList adapterNames();

    /// Keeps the platform's routing on the shop's configuration: applied now, after every change
    /// made here (routingChanged()), and whenever another program changed it (checked every
    /// `pollMs`). Without it the routing engine would run on the rules it started with.
    void followRouting(std::function<Result<RoutingConfig>()> load, int pollMs = 2000);
    /// The configuration was changed: the platform takes it before its next decision.
    void routingChanged();

private:
    std::unique_ptr<EcdCorpus> m_corpus; ///< the simulated shop's wording; outlives the adapter
    std::unique_ptr<platform::ShopPlatform> m_platform;
    std::unique_ptr<platform::IngestPipeline> m_pipeline;
    std::unique_ptr<ActionRunner> m_runner;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<OrderActionService> m_orderActions;
    std::function<Result<RoutingConfig>()> m_loadRouting;
    QString m_appliedRouting;
    std::unique_ptr<QTimer> m_routingPoll;
};

} // namespace shopdesk
