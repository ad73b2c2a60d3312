#pragma once

#include "core/Result.h"
#include "routing/RoutingTypes.h"

#include <vector>

namespace shopdesk {

/// What the routing engine is configured with: settings, groups, and every active account as an
/// agent (its group and own limit; status comes from the running workbench).
struct RoutingConfig {
    routing::Settings settings;
    std::vector<routing::GroupConfig> groups;
    std::vector<routing::AgentConfig> agents;
};

/// The reception limit that applies to `agent`: its own, else its group's (0: none configured).
int limitOf(const RoutingConfig& config, const routing::AgentConfig& agent);

/// Everything of the configuration that routing decisions depend on, as one comparable text.
QString routingFingerprint(const RoutingConfig& config);

/// The queue setting as text: "shop", "off", or the queuing groups ("presales,aftersales").
QString routingQueueText(const routing::Settings& s);
/// `s` with the queue setting read from such a text.
Result<routing::Settings> withRoutingQueue(routing::Settings s, const QString& queue);

} // namespace shopdesk
