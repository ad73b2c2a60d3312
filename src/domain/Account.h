#pragma once

#include "core/Timestamp.h"
#include "domain/Audit.h"
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

/// The highest reception limit an account may be given.
inline constexpr int kMaxReceptionLimit = 200;

/// A sub-account to create.
struct NewAccount {
    QString name;
    QString password;
    QStringList roles;
    QString group;
    std::optional<int> receptionLimit;
};

/// Lockout after failed logins.
struct LoginPolicy {
    int maxFailures = 5;
    int lockMinutes = 15;
};

} // namespace shopdesk
