#pragma once

#include "auth/Permission.h"
#include "domain/Ids.h"

#include <QString>

namespace shopdesk::auth {

/// Who is acting: a logged-in account and what it may do *now*. The session makes a fresh one from
/// the account's current state for every call (services never trust one kept since the login).
struct Actor {
    AccountId id;
    QString shop;
    QString name; ///< short name ("小美"); the full sub-account name is shop:name
    PermissionSet permissions;
    bool owner = false;
    /// After an administrator's reset: the account may do nothing but choose a new password.
    bool mustChangePassword = false;
    /// The account's session epoch at login (AccountRecord::authEpoch).
    qint64 epoch = 0;

    QString fullName() const { return shop.isEmpty() ? name : shop + QLatin1Char(':') + name; }
    bool can(Permission p) const { return permissions.contains(p); }
};

} // namespace shopdesk::auth
