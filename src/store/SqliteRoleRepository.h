#pragma once

#include "services/accounts/RoleRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteRoleRepository final : public RoleRepository {
public:
    explicit SqliteRoleRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<auth::Role>> customRoles() override;
    Result<std::optional<auth::Role>> findCustom(const QString& name) override;
    Status saveCustom(const auth::Role& role, std::vector<AuditEntry> audit) override;
    Status removeCustom(const QString& name, std::vector<AuditEntry> audit) override;
    Result<int> holders(const QString& name) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
