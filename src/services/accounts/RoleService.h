#pragma once

#include "auth/Actor.h"
#include "auth/Operation.h"
#include "core/Clock.h"
#include "services/accounts/RoleCatalog.h"

namespace shopdesk {

class AccessGate;
class AuditLog;

/// Roles: list and show (role.manage), custom roles created, edited and deleted only from
/// permissions the actor holds itself. Built-in roles are read-only.
class RoleService {
public:
    RoleService(RoleCatalog& catalog, AccessGate& gate, AuditLog& audit);

    Result<std::vector<auth::Role>> list(const auth::Actor& actor);
    Result<auth::Role> show(const auth::Actor& actor, const QString& name);
    Status create(const auth::Actor& actor, const QString& name, const auth::PermissionSet& permissions);
    Status edit(const auth::Actor& actor, const QString& name, const auth::PermissionSet& permissions);
    Status remove(const auth::Actor& actor, const QString& name);

private:
    Status checkMadeOfOwn(const auth::Actor& actor, const auth::PermissionSet& permissions, auth::Operation op,
                          const QString& role);

    RoleCatalog& m_catalog;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
