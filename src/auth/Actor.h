#pragma once

#include "auth/Permission.h"
#include "domain/Ids.h"

#include <QString>

namespace shopdesk::auth {

/// Who is acting: a logged-in account and what it may do. Every gated service call takes one.
struct Actor {
    AccountId id;
    QString shop;
    QString name; ///< short name ("小美"); the full sub-account name is shop:name
    PermissionSet permissions;
    bool owner = false;

    QString fullName() const { return shop.isEmpty() ? name : shop + QLatin1Char(':') + name; }
    bool can(Permission p) const { return permissions.contains(p); }
};

} // namespace shopdesk::auth
