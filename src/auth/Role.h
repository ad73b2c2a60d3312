#pragma once

#include "auth/Permission.h"

#include <QString>

#include <optional>
#include <vector>

namespace shopdesk::auth {

/// A named set of permissions. Built-in roles are defined in code and cannot be edited or deleted;
/// custom roles live in the store.
struct Role {
    QString name;
    PermissionSet permissions;
    bool builtin = false;
    QString labelZh;
    QString labelEn;
};

/// The name of the role only the main account holds.
inline const QString kOwnerRole = QStringLiteral("owner");

/// owner, supervisor, presales, aftersales, trainee, auditor.
const std::vector<Role>& builtinRoles();
std::optional<Role> builtinRole(QStringView name);

/// Role names: 1-32 letters, digits, '-', '_' or CJK characters.
bool isValidRoleName(const QString& name);

} // namespace shopdesk::auth
