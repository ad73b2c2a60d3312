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

Result<RoutingConfig> SimSetup::routingFor(const RoutingConfig& stored) const
{
    RoutingConfig out;
    out.settings = stored.settings;
    out.groups = stored.groups;
    if (out.groups.empty()) {
        out.groups.push_back({QStringLiteral("presales"), 8});
        out.settings.queue = routing::Settings::Queue::Shop;
    }
    if (!person.isEmpty()) {
        const auto it = std::find_if(stored.agents.begin(), stored.agents.end(),
                                     [&](const routing::AgentConfig& a) { return a.name == person; });
        if (it == stored.agents.end()) {
            return Error::notFound(QStringLiteral("no active account named %1").arg(person));
        }
        routing::AgentConfig p = *it;
        p.status = personOnline ? routing::AgentStatus::Online : routing::AgentStatus::Offline;
        const bool inKnownGroup = std::any_of(out.groups.begin(), out.groups.end(),
                                              [&](const routing::GroupConfig& g) { return g.name == p.group; });
        if (!inKnownGroup) {
            // An account in no group (the main account, say) joins the first group with its limit,
            // so that the person at the workbench meets buyers.
            platform::sim::SimConfig entry;
            entry.groups = out.groups;
            platform::sim::resolveEntryGroups(entry);
            p.group = entry.presalesGroup.isEmpty() ? out.groups.front().name : entry.presalesGroup;
            if (p.limit == 0) {
                p.limit.reset();
            }
        }
        out.agents.push_back(p);
    }
    // The shop's other accounts are agents of the platform too (offline until they log in on
    // their PC): a transfer to them is theirs to receive, and is refused only while offline.
    for (const routing::AgentConfig& a : stored.agents) {
        const bool isBot = a.name.startsWith(QStringLiteral("客服")) && a.name.mid(2).toInt() >= 1 &&
                           a.name.mid(2).toInt() <= bots && a.name == SimSetup::botName(a.name.mid(2).toInt() - 1);
        if (a.name == person || isBot) {
            continue;
        }
        routing::AgentConfig colleague = a;
        colleague.status = routing::AgentStatus::Offline;
        const bool known = std::any_of(out.groups.begin(), out.groups.end(),
                                       [&](const routing::GroupConfig& g) { return g.name == a.group; });
        if (!known) {
            colleague.group.clear();
        }
        out.agents.push_back(colleague);
    }
    for (int i = 0; i < bots; ++i) {
        const routing::GroupConfig& g = out.groups[static_cast<std::size_t>(i) % out.groups.size()];
        routing::AgentConfig bot;
        bot.name = SimSetup::botName(i);
        bot.group = g.name;
        bot.limit = std::max(1, g.limit);
        out.agents.push_back(bot);
    }
    return out;
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
    auto adapted = setup.routingFor(*routing);
    if (!adapted) {
        return adapted.error();
    }
    platform::sim::SimConfig config;
    config.seed = setup.seed;
    config.shopName = shop->name;
    config.buyersPerMinute = setup.buyersPerMinute;
    config.start = setup.start.value_or(backend.clock().now());
    config.malformedRate = setup.malformedRate;
    config.transientErrorRate = setup.transientErrorRate;
    config.routing = adapted->settings;
    config.groups = adapted->groups;
    config.agents = adapted->agents;
    for (int i = 0; i < setup.bots; ++i) {
        config.botAgents << SimSetup::botName(i);
    }
    return config;
}

} // namespace shopdesk
