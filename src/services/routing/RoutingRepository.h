#pragma once

#include "core/Result.h"
#include "domain/Account.h"
#include "routing/RoutingTypes.h"

#include <vector>

namespace shopdesk {

/// Routing groups and their default reception limits.
class RoutingRepository {
public:
    virtual ~RoutingRepository() = default;
    virtual Result<std::vector<routing::GroupConfig>> groups() = 0;
    /// Replaces the groups and sets the routing.* settings in one transaction, with its audit.
    virtual Status save(const std::vector<std::pair<QString, QString>>& settings,
                        const std::vector<routing::GroupConfig>& groups, std::vector<AuditEntry> audit) = 0;
};

} // namespace shopdesk
