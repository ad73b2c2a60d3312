#pragma once

#include "core/Result.h"
#include "domain/Account.h"

#include <QFuture>

#include <functional>
#include <optional>
#include <vector>

namespace shopdesk {

/// The append-only audit log. The store chains every entry to the one before with an HMAC (see
/// AuditChain), so editing or deleting a row is detected by verification.
class AuditRepository {
public:
    virtual ~AuditRepository() = default;
    /// Appends entries on their own (denials, failed logins of unknown names); resolves after commit.
    virtual QFuture<Status> append(std::vector<AuditEntry> entries) = 0;
    /// Newest first.
    virtual Result<std::vector<AuditRecord>> list(const AuditQuery& query) = 0;
    /// Every record in id order, for verification; `visit` returns false to stop.
    virtual Status scan(const std::function<bool(const AuditRecord&)>& visit) = 0;
    /// The stored head MAC (commits to the last entry), empty when the log is empty.
    virtual Result<QByteArray> head() = 0;
};

} // namespace shopdesk
