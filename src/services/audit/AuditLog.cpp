#include "services/audit/AuditLog.h"

#include "core/Logging.h"
#include "crypto/Random.h"
#include "services/auth/AccessGate.h"

namespace shopdesk {

AuditLog::AuditLog(AuditRepository& repository, const AuditChain& chain, const Clock& clock)
    : m_repository(repository)
    , m_chain(chain)
    , m_clock(clock)
{
}

AuditEntry AuditLog::entry(const QString& actor, const QString& action, const QString& target,
                           const QString& detail) const
{
    return {m_clock.now(), actor, action, target, detail};
}

void AuditLog::record(AuditEntry e)
{
    auto future = m_repository.append({std::move(e)});
    future.then([](Status st) {
        if (!st) {
            logging::get("audit")->error("could not write an audit entry: {}", st.error().message);
        }
    });
}

Result<std::vector<AuditRecord>> AuditLog::list(const auth::Actor& actor, AccessGate& gate, const AuditQuery& query)
{
    if (Status st = gate.check(actor, auth::Operation::AuditList); !st) {
        return st.error();
    }
    return m_repository.list(query);
}

Result<AuditVerification> AuditLog::verify(const auth::Actor& actor, AccessGate& gate)
{
    if (Status st = gate.check(actor, auth::Operation::AuditVerify); !st) {
        return st.error();
    }
    return verifyChain();
}

Result<AuditVerification> AuditLog::verifyChain()
{
    AuditVerification v;
    QByteArray previous = AuditChain::genesis();
    qint64 lastId = 0;
    Status scanned = m_repository.scan([&](const AuditRecord& r) {
        const QByteArray expected = m_chain.link(previous, r.id, r.entry);
        if (!crypto::equalConstantTime(expected, r.mac)) {
            v.intact = false;
            v.firstBrokenId = r.id;
            v.reason = lastId > 0 && r.id != lastId + 1
                           ? QStringLiteral("entry %1 does not follow entry %2: entries between them were removed")
                                 .arg(r.id)
                                 .arg(lastId)
                           : QStringLiteral("entry %1 was altered, or an entry before it was removed").arg(r.id);
            return false;
        }
        previous = r.mac;
        lastId = r.id;
        ++v.entries;
        return true;
    });
    if (!scanned) {
        return scanned.error();
    }
    if (!v.intact) {
        return v;
    }
    auto head = m_repository.head();
    if (!head) {
        return head.error();
    }
    const QByteArray expectedHead = lastId == 0 ? QByteArray() : m_chain.head(lastId, previous);
    if (!crypto::equalConstantTime(*head, expectedHead)) {
        v.intact = false;
        v.reason = lastId == 0 ? QStringLiteral("the log is empty but entries were written: they were removed")
                               : QStringLiteral("the log ends at entry %1 but more were written: the last "
                                                "entries were removed or the head was altered")
                                     .arg(lastId);
    }
    return v;
}

} // namespace shopdesk
