#pragma once

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

} // namespace shopdesk
