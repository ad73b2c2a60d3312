#include "store/SqliteRoleRepository.h"

#include "core/Logging.h"
#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

auth::Role readRole(SQLite::Statement& q)
{
    auth::Role r;
    r.name = sql::text(q, 0);
    bool unknown = false;
    r.permissions = auth::PermissionSet::parseKnown(sql::text(q, 1), &unknown);
    if (unknown) {
        // Written by a newer ShopDesk with a permission this one does not know: grant what is known.
        logging::get("auth")->warn("custom role has an unknown permission; ignoring it");
    }
    return r;
}

} // namespace

Result<std::vector<auth::Role>> SqliteRoleRepository::customRoles()
{
    return m_store.read<std::vector<auth::Role>>(
        "list roles", [](SqliteConnection& c) -> Result<std::vector<auth::Role>> {
            auto qHandle = c.statement("SELECT name, permissions FROM roles ORDER BY name");
            std::vector<auth::Role> out;
            while (qHandle->executeStep()) {
                out.push_back(readRole(*qHandle));
            }
            return out;
        });
}

Result<std::optional<auth::Role>> SqliteRoleRepository::findCustom(const QString& name)
{
    return m_store.read<std::optional<auth::Role>>(
        "read a role", [&](SqliteConnection& c) -> Result<std::optional<auth::Role>> {
            auto qHandle = c.statement("SELECT name, permissions FROM roles WHERE name = ?1");
            sql::bind(*qHandle, 1, name);
            if (!qHandle->executeStep()) {
                return std::optional<auth::Role>();
            }
            return std::optional<auth::Role>(readRole(*qHandle));
        });
}

Status SqliteRoleRepository::saveCustom(const auth::Role& role, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    const QString perms = role.permissions.keys().join(QLatin1Char(','));
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto qHandle = c.statement("INSERT INTO roles(name, permissions, updated_at) VALUES(?1, ?2, ?3) "
                                   "ON CONFLICT(name) DO UPDATE SET permissions = excluded.permissions, "
                                   "updated_at = excluded.updated_at");
        sql::bind(*qHandle, 1, role.name);
        sql::bind(*qHandle, 2, perms);
        sql::bind(*qHandle, 3, audit.empty() ? qint64(0) : audit.front().at.ms());
        qHandle->exec();
        appendAudit(c, *store, audit);
    });
}

Status SqliteRoleRepository::removeCustom(const QString& name, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto qHandle = c.statement("DELETE FROM roles WHERE name = ?1");
        sql::bind(*qHandle, 1, name);
        qHandle->exec();
        appendAudit(c, *store, audit);
    });
}

Result<int> SqliteRoleRepository::holders(const QString& name)
{
    return m_store.read<int>("count role holders", [&](SqliteConnection& c) -> Result<int> {
        auto qHandle = c.statement("SELECT count(*) FROM account_roles r JOIN accounts a ON a.id = r.account_id "
                                   "WHERE r.role = ?1 AND a.deleted_at IS NULL");
        sql::bind(*qHandle, 1, name);
        qHandle->executeStep();
        return static_cast<int>(sql::integer(*qHandle, 0));
    });
}

} // namespace shopdesk::store
