#include "services/accounts/RoleCatalog.h"

#include <algorithm>

namespace shopdesk {

Result<std::vector<auth::Role>> RoleCatalog::all()
{
    std::vector<auth::Role> roles = auth::builtinRoles();
    auto custom = m_repository.customRoles();
    if (!custom) {
        return custom.error();
    }
    std::sort(custom->begin(), custom->end(), [](const auth::Role& a, const auth::Role& b) { return a.name < b.name; });
    roles.insert(roles.end(), custom->begin(), custom->end());
    return roles;
}

Result<std::optional<auth::Role>> RoleCatalog::find(const QString& name)
{
    if (auto builtin = auth::builtinRole(name)) {
        return std::optional<auth::Role>(*builtin);
    }
    return m_repository.findCustom(name);
}

Result<auth::PermissionSet> RoleCatalog::permissionsOf(const QStringList& roles)
{
    auth::PermissionSet set;
    for (const QString& name : roles) {
        auto role = find(name);
        if (!role) {
            return role.error();
        }
        if (!*role) {
            return Error::notFound(QStringLiteral("There is no role '%1'.").arg(name));
        }
        set |= (*role)->permissions;
    }
    return set;
}

} // namespace shopdesk
