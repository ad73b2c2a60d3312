#pragma once

#include "services/routing/RoutingRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteRoutingRepository final : public RoutingRepository {
public:
    explicit SqliteRoutingRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<routing::GroupConfig>> groups() override;
    Status save(const std::vector<std::pair<QString, QString>>& settings,
                const std::vector<routing::GroupConfig>& groups, std::vector<AuditEntry> audit) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
