#pragma once

#include "core/Result.h"
#include "domain/Audit.h"

#include <QFuture>

#include <vector>

namespace shopdesk::session {

/// The audit log (audit.view).
class AuditTrail {
public:
    virtual ~AuditTrail() = default;
    virtual Result<std::vector<AuditRecord>> list(const AuditQuery& query) = 0;
    /// Checks the HMAC chain and its anchor outside the database.
    virtual QFuture<Result<AuditVerification>> verify() = 0;
    /// After a restored backup was investigated: accepts the log as it is and anchors it again
    /// (owner only, audited). `confirmed` must be true.
    virtual QFuture<Status> reanchor(bool confirmed) = 0;
};

} // namespace shopdesk::session
