#include "store/SqliteRoutingRepository.h"

#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

Result<std::vector<routing::GroupConfig>> SqliteRoutingRepository::groups()
{
    return m_store.read<std::vector<routing::GroupConfig>>(
        "read routing groups", [](SqliteConnection& c) -> Result<std::vector<routing::GroupConfig>> {
            auto q = c.statement("SELECT name, reception_limit FROM routing_groups ORDER BY name");
            std::vector<routing::GroupConfig> out;
            while (q->executeStep()) {
                out.push_back({sql::text(*q, 0), static_cast<int>(sql::integer(*q, 1))});
            }
            return out;
        });
}

Status SqliteRoutingRepository::save(const std::vector<std::pair<QString, QString>>& settings,
                                     const std::vector<routing::GroupConfig>& groups, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto set = c.statement("INSERT INTO settings(key, value) VALUES(?1, ?2) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        for (const auto& [key, value] : settings) {
            set->reset();
            sql::bind(*set, 1, key);
            sql::bind(*set, 2, value);
            set->exec();
        }
        c.db().exec("DELETE FROM routing_groups");
        auto insert = c.statement("INSERT INTO routing_groups(name, reception_limit) VALUES(?1, ?2)");
        for (const auto& g : groups) {
            insert->reset();
            sql::bind(*insert, 1, g.name);
            sql::bind(*insert, 2, static_cast<qint64>(g.limit));
            insert->exec();
        }
        appendAudit(c, *store, audit);
    });
}

} // namespace shopdesk::store
