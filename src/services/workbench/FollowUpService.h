#pragma once

#include "auth/Actor.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "services/workbench/WorkbenchRepository.h"

namespace shopdesk {

class AccessGate;
class AuditLog;
class SettingsRepository;

/// The 待跟进 list: the agent's buyers' orders that are unpaid too long, paid but unshipped, or
/// shipped with a trace that stopped moving. Needs order.view.
class FollowUpService {
public:
    FollowUpService(WorkbenchRepository& repository, SettingsRepository& settings, AccessGate& gate, AuditLog& audit,
                    const Clock& clock);

    Result<FollowUpRules> rules();
    /// Sets one rule from text ("followup.unpaid_hours" 1-720, "followup.unshipped_hours" 1-720,
    /// "followup.stale_trace_hours" 1-720, "followup.served_days" 1-90); supervisors
    /// (routing.configure), audited.
    Status set(const auth::Actor& actor, const QString& key, const QString& value);
    static const QStringList& keys();
    Result<std::vector<FollowUp>> followUps(const auth::Actor& actor);

private:
    WorkbenchRepository& m_repository;
    SettingsRepository& m_settings;
    AccessGate& m_gate;
    AuditLog& m_audit;
    const Clock& m_clock;
};

} // namespace shopdesk
