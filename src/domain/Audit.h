#pragma once

#include "core/Timestamp.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace shopdesk {

/// One line of the audit log. `detail` carries ids and counts, never secrets or personal data.
struct AuditEntry {
    Timestamp at;
    QString actor;  ///< full account name, or "-" for an unauthenticated attempt
    QString action; ///< "login.failed", "account.create", "permission.denied", ...
    QString target;
    QString detail;
};

struct AuditRecord {
    qint64 id = 0;
    AuditEntry entry;
    QByteArray mac;
};

/// What an audit listing shows: newest first, optionally one actor's or one kind of action.
struct AuditQuery {
    QString actor;
    QString actionPrefix;
    std::optional<Timestamp> since;
    int limit = 200;
};

/// The outcome of checking the audit chain.
struct AuditVerification {
    bool intact = true;
    qint64 entries = 0;
    qint64 firstBrokenId = 0; ///< 0 when intact, or when the tail was removed
    QString reason;
};

} // namespace shopdesk
