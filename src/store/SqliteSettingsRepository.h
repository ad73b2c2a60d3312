#pragma once

#include "services/settings/SettingsRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteSettingsRepository final : public SettingsRepository {
public:
    explicit SqliteSettingsRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::optional<QString>> value(const QString& key) override;
    Status setValues(const std::vector<std::pair<QString, QString>>& values, std::vector<AuditEntry> audit) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
