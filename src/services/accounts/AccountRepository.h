#pragma once

#include "core/Result.h"
#include "domain/Account.h"

#include <functional>
#include <optional>
#include <vector>

namespace shopdesk {

/// An account as stored, with its password hash (only the account service sees it).
struct AccountRecord {
    Account account;
    QByteArray passwordHash;
};

/// The state after a failed login was counted.
struct LoginFailure {
    int failedLogins = 0;
    std::optional<Timestamp> lockedUntil;
    bool lockedNow = false; ///< this failure engaged the lock
};

/// Accounts in the store. Every write carries the audit entries describing it; they are written in
/// the same transaction, so an action and its audit line exist together or not at all.
class AccountRepository {
public:
    virtual ~AccountRepository() = default;

    /// By short name; deleted accounts (tombstones) included.
    virtual Result<std::optional<AccountRecord>> find(const QString& name) = 0;
    /// Every account, deleted ones included, by name.
    virtual Result<std::vector<Account>> list() = 0;
    /// Inserts (invalid id) or updates the account; returns its id.
    virtual Result<AccountId> save(const AccountRecord& record, std::vector<AuditEntry> audit) = 0;
    /// Counts a failed login atomically (the app and shopdeskctl may both be counting) and locks
    /// the account until `now + lockSecs` when the count reaches `maxFailures`. `audit` builds the
    /// entries from the outcome.
    virtual Result<LoginFailure>
    recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                      std::function<std::vector<AuditEntry>(const LoginFailure&)> audit) = 0;
    /// Resets the failure count, records the login time and, when given, a re-hashed password.
    virtual Status recordLogin(AccountId id, Timestamp now, const QByteArray& newHash,
                               std::vector<AuditEntry> audit) = 0;
};

} // namespace shopdesk
