#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/Workbench.h"

#include <QStringList>

namespace shopdesk {

class AccessGate;
class AuditLog;
class SettingsRepository;

/// The 待跟进 rules: how long an order may stay unpaid, unshipped or with a still trace before it
/// is chased, and how far back an agent's buyers count. Shop settings (followup.*).
class FollowUpRulesService {
public:
    FollowUpRulesService(SettingsRepository& settings, AccessGate& gate, AuditLog& audit);

    Result<FollowUpRules> rules();
    /// Sets one rule from text ("followup.unpaid_hours" 1-720, "followup.unshipped_hours" 1-720,
    /// "followup.stale_trace_hours" 1-720, "followup.served_days" 1-90); supervisors
    /// (routing.configure), audited.
    Status set(const auth::Actor& actor, const QString& key, const QString& value);
    static const QStringList& keys();

private:
    SettingsRepository& m_settings;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
