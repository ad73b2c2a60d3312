#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/RoutingConfig.h"
#include "services/accounts/AccountRepository.h"
#include "services/routing/RoutingRepository.h"

#include <functional>
#include <vector>

namespace shopdesk {

class AccessGate;
class AuditLog;
class SettingsRepository;

/// The routing settings a supervisor saves (分流): effective on save, audited, and changed only with
/// routing.configure.
class RoutingConfigService {
public:
    RoutingConfigService(RoutingRepository& routing, SettingsRepository& settings, AccountRepository& accounts,
                         AccessGate& gate, AuditLog& audit);

    /// The configuration for an engine (no permission needed: the workbench routes with it).
    Result<RoutingConfig> load();
    /// The configuration as shown to a supervisor.
    Result<RoutingConfig> show(const auth::Actor& actor);
    /// Saves settings and groups; agents are changed with setAgent().
    Status save(const auth::Actor& actor, const routing::Settings& settings,
                const std::vector<routing::GroupConfig>& groups);
    /// An agent's group and own limit (nullopt: the group's).
    Status setAgent(const auth::Actor& actor, const QString& account, const QString& group, std::optional<int> limit);

    /// Called after every successful change, so a running engine applies it at once.
    void onChanged(std::function<void()> listener) { m_listeners.push_back(std::move(listener)); }

private:
    Status validate(const routing::Settings& settings, const std::vector<routing::GroupConfig>& groups,
                    const std::vector<Account>& accounts) const;
    void changed();

    RoutingRepository& m_routing;
    SettingsRepository& m_settings;
    AccountRepository& m_accounts;
    AccessGate& m_gate;
    AuditLog& m_audit;
    std::vector<std::function<void()>> m_listeners;
};

} // namespace shopdesk
