#include "backend/SimSetup.h"

#include "backend/Backend.h"
#include "services/routing/RoutingConfigService.h"

#include <algorithm>

namespace shopdesk {

Timestamp SimSetup::defaultStart()
{
    // 2026-11-11T09:00:00+08:00
    return Timestamp::fromSecs(1'794'358'800);
}

QString SimSetup::botName(int i)
{
    return QStringLiteral("客服%1").arg(i + 1, 2, 10, QLatin1Char('0'));
}

Result<platform::sim::SimConfig> simConfig(Backend& backend, const SimSetup& setup)
{
    if (setup.bots < 0 || setup.bots > 5000) {
        return Error::invalid(QStringLiteral("the number of bot agents must be between 0 and 5000"));
    }
    if (setup.buyersPerMinute < 0 || setup.buyersPerMinute > 100'000) {
        return Error::invalid(QStringLiteral("buyers per minute must be between 0 and 100000"));
    }
    if (setup.malformedRate < 0 || setup.malformedRate > 1 || setup.transientErrorRate < 0 ||
        setup.transientErrorRate > 1) {
        return Error::invalid(QStringLiteral("rates must be between 0 and 1"));
    }
    auto shop = backend.shop();
    if (!shop) {
        return shop.error();
    }
    auto routing = backend.routing().load();
    if (!routing) {
        return routing.error();
    }
    platform::sim::SimConfig config;
    config.seed = setup.seed;
    config.shopName = shop->name;
    config.buyersPerMinute = setup.buyersPerMinute;
    config.start = setup.start.value_or(backend.clock().now());
    config.malformedRate = setup.malformedRate;
    config.transientErrorRate = setup.transientErrorRate;
    config.routing = routing->settings;
    config.groups = routing->groups;
    if (config.groups.empty()) {
        config.groups.push_back({QStringLiteral("presales"), 8});
        config.routing.queue = routing::Settings::Queue::Shop;
    }
    if (!setup.person.isEmpty()) {
        const auto it = std::find_if(routing->agents.begin(), routing->agents.end(),
                                     [&](const routing::AgentConfig& a) { return a.name == setup.person; });
        if (it == routing->agents.end()) {
            return Error::notFound(QStringLiteral("no active account named %1").arg(setup.person));
        }
        routing::AgentConfig person = *it;
        person.status = setup.personOnline ? routing::AgentStatus::Online : routing::AgentStatus::Offline;
        const bool inKnownGroup = std::any_of(config.groups.begin(), config.groups.end(),
                                              [&](const routing::GroupConfig& g) { return g.name == person.group; });
        if (!inKnownGroup) {
            // An account in no group (the main account, say) joins the first group with its limit,
            // so that the person at the workbench meets buyers.
            person.group = config.groups.front().name;
            if (person.limit == 0) {
                person.limit.reset();
            }
        }
        config.agents.push_back(person);
    }
    for (int i = 0; i < setup.bots; ++i) {
        const routing::GroupConfig& g = config.groups[static_cast<std::size_t>(i) % config.groups.size()];
        routing::AgentConfig bot;
        bot.name = SimSetup::botName(i);
        bot.group = g.name;
        bot.limit = std::max(1, g.limit);
        config.agents.push_back(bot);
        config.botAgents << bot.name;
    }
    return config;
}

} // namespace shopdesk
