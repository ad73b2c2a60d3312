#pragma once

#include "services/accounts/AccountRepository.h"
#include "services/accounts/RoleRepository.h"
#include "services/audit/AuditRepository.h"
#include "services/routing/RoutingRepository.h"
#include "services/settings/SettingsRepository.h"
#include "services/shop/ShopRepository.h"

namespace shopdesk::pg {

class PgStore;

// The repositories the team server's services own, over PostgreSQL. Same contracts as the SQLite
// ones (tests/contract runs one suite against both); every write also numbers a change in the
// shop's sequence so that desktops catch up on it.

class PgShopRepository final : public ShopRepository {
public:
    explicit PgShopRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<Shop> shop() override;
    /// Creates the shop row (one shop per database) and points the store at it.
    Status initialise(const Shop& shop) override;
    Result<QString> storeId() override;
    Result<QString> keyLocation() override;
    Result<QString> claimKeyLocation(const QString& location) override;
    /// Points the store at the database's shop (server start); NotFound before init.
    Status attach();

private:
    PgStore& m_store;
};

class PgAccountRepository final : public AccountRepository {
public:
    explicit PgAccountRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<std::optional<AccountRecord>> find(const QString& name) override;
    Result<std::optional<AccountRecord>> findById(AccountId id) override;
    Result<std::vector<Account>> list() override;
    Result<AccountId> create(const AccountRecord& record, std::vector<AuditEntry> audit) override;
    Result<qint64> update(AccountId id, const AccountChange& change, std::vector<AuditEntry> audit) override;
    Result<LoginFailure> recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                                           std::function<std::vector<AuditEntry>(const LoginFailure&)> audit) override;
    Result<LoginFailure> recordUnknownFailure(const QByteArray& key, Timestamp now, int maxFailures, qint64 lockSecs,
                                              std::vector<AuditEntry> audit) override;
    Status recordLogin(AccountId id, Timestamp now, const QByteArray& newHash, std::vector<AuditEntry> audit) override;

private:
    PgStore& m_store;
};

class PgRoleRepository final : public RoleRepository {
public:
    explicit PgRoleRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<auth::Role>> customRoles() override;
    Result<std::optional<auth::Role>> findCustom(const QString& name) override;
    Status saveCustom(const auth::Role& role, std::vector<AuditEntry> audit) override;
    Status removeCustom(const QString& name, std::vector<AuditEntry> audit) override;
    Result<int> holders(const QString& name) override;

private:
    PgStore& m_store;
};

class PgSettingsRepository final : public SettingsRepository {
public:
    explicit PgSettingsRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<std::optional<QString>> value(const QString& key) override;
    Status setValues(const std::vector<std::pair<QString, QString>>& values, std::vector<AuditEntry> audit) override;

private:
    PgStore& m_store;
};

class PgRoutingRepository final : public RoutingRepository {
public:
    explicit PgRoutingRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<routing::GroupConfig>> groups() override;
    Status save(const std::vector<std::pair<QString, QString>>& settings,
                const std::vector<routing::GroupConfig>& groups, std::vector<AuditEntry> audit) override;

private:
    PgStore& m_store;
};

class PgAuditRepository final : public AuditRepository {
public:
    explicit PgAuditRepository(PgStore& store)
        : m_store(store)
    {
    }
    QFuture<Status> append(std::vector<AuditEntry> entries) override;
    Result<std::vector<AuditRecord>> list(const AuditQuery& query) override;
    Status scan(const std::function<bool(const AuditRecord&)>& visit) override;
    Result<QByteArray> head() override;
    Result<std::pair<qint64, QByteArray>> tail() override;
    Result<std::optional<QByteArray>> macAt(qint64 id) override;
    Result<bool> anchored() override;
    Status markAnchored() override;
    Status appendUnchecked(std::vector<AuditEntry> entries) override;

private:
    PgStore& m_store;
};

} // namespace shopdesk::pg
