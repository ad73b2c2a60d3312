#pragma once

#include "auth/Actor.h"
#include "core/Clock.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditRepository.h"

namespace shopdesk {

class AccessGate;

/// Writes and reads the audit log. Writing is not gated (every action must be recorded); reading
/// and verifying need audit.view.
class AuditLog {
public:
    AuditLog(AuditRepository& repository, const AuditChain& chain, const Clock& clock);

    /// An entry stamped with the current time.
    AuditEntry entry(const QString& actor, const QString& action, const QString& target = {},
                     const QString& detail = {}) const;
    /// Queues the entry; it is committed with the writer's next batch (before the process exits).
    void record(AuditEntry entry);

    Result<std::vector<AuditRecord>> list(const auth::Actor& actor, AccessGate& gate, const AuditQuery& query);
    Result<AuditVerification> verify(const auth::Actor& actor, AccessGate& gate);
    /// Verification without a permission check, for tests and the integrity check at start-up.
    Result<AuditVerification> verifyChain();

private:
    AuditRepository& m_repository;
    const AuditChain& m_chain;
    const Clock& m_clock;
};

} // namespace shopdesk
