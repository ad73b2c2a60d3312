#pragma once

#include "auth/Actor.h"
#include "core/Clock.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditRepository.h"

#include <mutex>

namespace shopdesk {

class AccessGate;
class AuditHead;

/// Writes and reads the audit log. Writing is not gated (every action must be recorded); reading
/// and verifying need audit.view.
class AuditLog {
public:
    AuditLog(AuditRepository& repository, const AuditChain& chain, AuditHead& head, const Clock& clock);

    /// At opening: compares the log with its anchor outside the database and tells the head where
    /// appends go on from. A log cut, wiped, altered at its anchor or put back from an older copy is
    /// an error naming what was found; appends are then refused until reanchor().
    Status checkAnchor();

    /// An entry stamped with the current time.
    AuditEntry entry(const QString& actor, const QString& action, const QString& target = {},
                     const QString& detail = {}) const;
    /// Queues the entry; it is committed with the writer's next batch (before the process exits). An
    /// entry the store refused is kept and written with the next one, never dropped.
    void record(AuditEntry entry);
    /// Writes the entry and waits for its commit: for an effect that must not happen unaudited (a
    /// reveal, a platform action), called before the effect. Never on the UI thread.
    Status recordNow(AuditEntry entry);
    /// Whether the log is refused for not matching its anchor (appends fail until re-anchored).
    bool broken() const;
    /// Keeps the entry to be written with the re-anchoring (the owner's login to inspect a log that
    /// does not match its anchor).
    void defer(AuditEntry entry);

    Result<std::vector<AuditRecord>> list(const auth::Actor& actor, AccessGate& gate, const AuditQuery& query);
    Result<AuditVerification> verify(const auth::Actor& actor, AccessGate& gate);
    /// Verification without a permission check, for tests and the integrity check at start-up.
    Result<AuditVerification> verifyChain();
    /// Accepts the log as it is now and anchors it again (the owner, after restoring a backup):
    /// audited with what the old anchor said. `confirmed` must be true.
    Status reanchor(const auth::Actor& actor, AccessGate& gate, bool confirmed);

private:
    std::vector<AuditEntry> withPending(AuditEntry entry);
    void keepPending(std::vector<AuditEntry> entries);

    AuditRepository& m_repository;
    const AuditChain& m_chain;
    AuditHead& m_head;
    const Clock& m_clock;
    std::mutex m_pendingMutex;
    std::vector<AuditEntry> m_pending; ///< entries a failed write returned, written with the next
};

} // namespace shopdesk
