#include "services/accounts/RoleService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"

namespace shopdesk {

RoleService::RoleService(RoleCatalog& catalog, AccessGate& gate, AuditLog& audit)
    : m_catalog(catalog)
    , m_gate(gate)
    , m_audit(audit)
{
}

Result<std::vector<auth::Role>> RoleService::list(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoleList); !st) {
        return st.error();
    }
    return m_catalog.all();
}

Result<auth::Role> RoleService::show(const auth::Actor& actor, const QString& name)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoleList); !st) {
        return st.error();
    }
    auto role = m_catalog.find(name);
    if (!role) {
        return role.error();
    }
    if (!*role) {
        return Error::notFound(QStringLiteral("There is no role '%1'.").arg(name));
    }
    return **role;
}

Status RoleService::checkMadeOfOwn(const auth::Actor& actor, const auth::PermissionSet& permissions, auth::Operation op,
                                   const QString& role)
{
    const auth::PermissionSet extra = permissions.minus(actor.permissions);
    if (!extra.empty()) {
        return m_gate.refuse(actor, op, role,
                             QStringLiteral("%1 may only build roles from permissions it holds itself; it lacks: %2.")
                                 .arg(actor.fullName(), extra.keys().join(QStringLiteral(", "))));
    }
    return {};
}

Status RoleService::create(const auth::Actor& actor, const QString& name, const auth::PermissionSet& permissions)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoleCreate); !st) {
        return st;
    }
    if (!auth::isValidRoleName(name)) {
        return Error::invalid(QStringLiteral("A role name has 1-32 letters, digits, '-' or '_'."));
    }
    auto existing = m_catalog.find(name);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return Error::invalid(QStringLiteral("The role '%1' already exists.").arg(name));
    }
    if (permissions.empty()) {
        return Error::invalid(QStringLiteral("A role needs at least one permission."));
    }
    if (Status st = checkMadeOfOwn(actor, permissions, auth::Operation::RoleCreate, name); !st) {
        return st;
    }
    auth::Role role{name, permissions, false, {}, {}};
    return m_catalog.repository().saveCustom(
        role, {m_audit.entry(actor.fullName(), QStringLiteral("role.create"), name,
                             QStringLiteral("perms=") + permissions.keys().join(QLatin1Char(',')))});
}

Status RoleService::edit(const auth::Actor& actor, const QString& name, const auth::PermissionSet& permissions)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoleEdit); !st) {
        return st;
    }
    if (auth::builtinRole(name)) {
        return Error::invalid(
            QStringLiteral("The built-in role '%1' cannot be edited; create a custom role instead.").arg(name));
    }
    auto existing = m_catalog.repository().findCustom(name);
    if (!existing) {
        return existing.error();
    }
    if (!*existing) {
        return Error::notFound(QStringLiteral("There is no role '%1'.").arg(name));
    }
    if (permissions.empty()) {
        return Error::invalid(QStringLiteral("A role needs at least one permission."));
    }
    // Both what the role grants now and what it would grant must be within the actor's own.
    if (Status st = checkMadeOfOwn(actor, (*existing)->permissions, auth::Operation::RoleEdit, name); !st) {
        return st;
    }
    if (Status st = checkMadeOfOwn(actor, permissions, auth::Operation::RoleEdit, name); !st) {
        return st;
    }
    auth::Role role = **existing;
    const QString before = role.permissions.keys().join(QLatin1Char(','));
    role.permissions = permissions;
    return m_catalog.repository().saveCustom(
        role, {m_audit.entry(actor.fullName(), QStringLiteral("role.edit"), name,
                             QStringLiteral("perms=%1 -> %2").arg(before, permissions.keys().join(QLatin1Char(','))))});
}

Status RoleService::remove(const auth::Actor& actor, const QString& name)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoleDelete); !st) {
        return st;
    }
    if (auth::builtinRole(name)) {
        return Error::invalid(QStringLiteral("The built-in role '%1' cannot be deleted.").arg(name));
    }
    auto existing = m_catalog.repository().findCustom(name);
    if (!existing) {
        return existing.error();
    }
    if (!*existing) {
        return Error::notFound(QStringLiteral("There is no role '%1'.").arg(name));
    }
    if (Status st = checkMadeOfOwn(actor, (*existing)->permissions, auth::Operation::RoleDelete, name); !st) {
        return st;
    }
    auto holders = m_catalog.repository().holders(name);
    if (!holders) {
        return holders.error();
    }
    if (*holders > 0) {
        return Error::invalid(QStringLiteral("The role '%1' is held by %2 account(s); give them other roles first.")
                                  .arg(name)
                                  .arg(*holders));
    }
    return m_catalog.repository().removeCustom(name,
                                               {m_audit.entry(actor.fullName(), QStringLiteral("role.delete"), name)});
}

} // namespace shopdesk
