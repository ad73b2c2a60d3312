#pragma once

#include "auth/Role.h"
#include "core/Result.h"
#include "services/accounts/RoleRepository.h"

namespace shopdesk {

/// Built-in and custom roles together, and what a list of role names grants.
class RoleCatalog {
public:
    explicit RoleCatalog(RoleRepository& repository)
        : m_repository(repository)
    {
    }

    /// Built-ins first (in their fixed order), then custom roles by name.
    Result<std::vector<auth::Role>> all();
    Result<std::optional<auth::Role>> find(const QString& name);
    /// The union of the roles' permissions; NotFound names an unknown role.
    Result<auth::PermissionSet> permissionsOf(const QStringList& roles);

    RoleRepository& repository() { return m_repository; }

private:
    RoleRepository& m_repository;
};

} // namespace shopdesk
