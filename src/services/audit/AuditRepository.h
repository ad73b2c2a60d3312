#pragma once

#include "core/Result.h"
#include "domain/Account.h"

#include <QFuture>

#include <functional>
#include <optional>
#include <utility>
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
    /// The last entry's id and MAC (0 and empty for an empty log).
    virtual Result<std::pair<qint64, QByteArray>> tail() = 0;
    /// The MAC of entry `id`, nullopt when there is no such entry.
    virtual Result<std::optional<QByteArray>> macAt(qint64 id) = 0;
    /// Whether this database's log was ever anchored outside it (an anchor that is missing then was
    /// removed), and recording that it was.
    virtual Result<bool> anchored() = 0;
    virtual Status markAnchored() = 0;
    /// Appends entries without checking that they go on from the known head (re-anchoring only).
    virtual Status appendUnchecked(std::vector<AuditEntry> entries) = 0;
};

} // namespace shopdesk
