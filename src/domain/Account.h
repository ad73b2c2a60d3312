#pragma once

#include "core/Timestamp.h"
#include "domain/Ids.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace shopdesk {

/// A sub-account (子账号), named shop:name on Taobao. The password hash never leaves the store's
/// account repository.
struct Account {
    AccountId id;
    QString name; ///< short name, unique in the shop ("小美")
    QStringList roles;
    QString group; ///< routing group ("presales"), empty for none
    std::optional<int> receptionLimit;
    bool disabled = false;
    bool mustChangePassword = false;
    int failedLogins = 0;
    std::optional<Timestamp> lockedUntil;
    std::optional<Timestamp> lastLoginAt;
    Timestamp createdAt;
    /// Deleted accounts stay as tombstones so that history stays attributed to their name.
    std::optional<Timestamp> deletedAt;

    bool isDeleted() const { return deletedAt.has_value(); }
    bool isOwner() const { return roles.contains(QStringLiteral("owner")); }
};

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

} // namespace shopdesk
