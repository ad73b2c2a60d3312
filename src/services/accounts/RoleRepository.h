#pragma once

#include "auth/Role.h"
#include "core/Result.h"
#include "domain/Account.h"

#include <optional>
#include <vector>

namespace shopdesk {

/// Custom roles (built-in roles live in code).
class RoleRepository {
public:
    virtual ~RoleRepository() = default;
    virtual Result<std::vector<auth::Role>> customRoles() = 0;
    virtual Result<std::optional<auth::Role>> findCustom(const QString& name) = 0;
    virtual Status saveCustom(const auth::Role& role, std::vector<AuditEntry> audit) = 0;
    virtual Status removeCustom(const QString& name, std::vector<AuditEntry> audit) = 0;
    /// Accounts (not deleted) holding the role.
    virtual Result<int> holders(const QString& name) = 0;
};

} // namespace shopdesk
