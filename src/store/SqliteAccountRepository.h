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
    Result<std::optional<AccountRecord>> findById(AccountId id) override;
    Result<AccountId> create(const AccountRecord& record, std::vector<AuditEntry> audit) override;
    Result<qint64> update(AccountId id, const AccountChange& change, std::vector<AuditEntry> audit) override;
    Result<LoginFailure> recordUnknownFailure(const QByteArray& key, Timestamp now, int maxFailures, qint64 lockSecs,
                                              std::vector<AuditEntry> audit) override;
    Result<LoginFailure> recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                                           std::function<std::vector<AuditEntry>(const LoginFailure&)> audit) override;
    Status recordLogin(AccountId id, Timestamp now, const QByteArray& newHash, std::vector<AuditEntry> audit) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
