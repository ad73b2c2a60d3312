#pragma once

#include "services/accounts/AccountRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteAccountRepository final : public AccountRepository {
public:
    explicit SqliteAccountRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::optional<AccountRecord>> find(const QString& name) override;
    Result<std::vector<Account>> list() override;
    Result<AccountId> save(const AccountRecord& record, std::vector<AuditEntry> audit) override;
    Result<LoginFailure> recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                                           std::function<std::vector<AuditEntry>(const LoginFailure&)> audit) override;
    Status recordLogin(AccountId id, Timestamp now, const QByteArray& newHash, std::vector<AuditEntry> audit) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
