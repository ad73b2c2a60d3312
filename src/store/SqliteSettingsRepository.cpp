#include "store/SqliteSettingsRepository.h"

#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

Result<std::optional<QString>> SqliteSettingsRepository::value(const QString& key)
{
    return m_store.read<std::optional<QString>>(
        "read a setting", [&](SqliteConnection& c) -> Result<std::optional<QString>> {
            auto qHandle = c.statement("SELECT value FROM settings WHERE key = ?1");
            sql::bind(*qHandle, 1, key);
            if (!qHandle->executeStep()) {
                return std::optional<QString>();
            }
            return std::optional<QString>(sql::text(*qHandle, 0));
        });
}

Status SqliteSettingsRepository::setValues(const std::vector<std::pair<QString, QString>>& values,
                                           std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto qHandle = c.statement("INSERT INTO settings(key, value) VALUES(?1, ?2) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        for (const auto& [key, value] : values) {
            qHandle->reset();
            sql::bind(*qHandle, 1, key);
            sql::bind(*qHandle, 2, value);
            qHandle->exec();
        }
        appendAudit(c, *store, audit);
    });
}

} // namespace shopdesk::store
