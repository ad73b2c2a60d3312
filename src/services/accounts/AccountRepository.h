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
    /// Moves on with every change that must end the account's open sessions (a password set or
    /// reset, a disable, a delete): a session remembers the epoch it logged in at.
    qint64 authEpoch = 0;
};

/// The state after a failed login was counted.
struct LoginFailure {
    int failedLogins = 0;
    std::optional<Timestamp> lockedUntil;
    bool lockedNow = false; ///< this failure engaged the lock
};

/// One change to an account: only the fields set are written, in one statement, so that two
/// changes made at once (a role change and a lockout, say) never undo each other.
struct AccountChange {
    std::optional<QByteArray> passwordHash;
    std::optional<bool> mustChangePassword;
    std::optional<QStringList> roles;
    std::optional<bool> disabled;
    std::optional<QString> group;
    /// Set: the account's own limit (nullopt inside: back to the group's).
    std::optional<std::optional<int>> receptionLimit;
    /// Clears the failure count and any lock.
    bool clearLock = false;
    std::optional<Timestamp> deletedAt;
    /// Ends every open session of the account (its epoch moves on).
    bool endSessions = false;
};

/// Accounts in the store. Every write carries the audit entries describing it; they are written in
/// the same transaction, so an action and its audit line exist together or not at all.
class AccountRepository {
public:
    virtual ~AccountRepository() = default;

    /// By short name; deleted accounts (tombstones) included.
    virtual Result<std::optional<AccountRecord>> find(const QString& name) = 0;
    virtual Result<std::optional<AccountRecord>> findById(AccountId id) = 0;
    /// Every account, deleted ones included, by name.
    virtual Result<std::vector<Account>> list() = 0;
    /// Inserts a new account; returns its id.
    virtual Result<AccountId> create(const AccountRecord& record, std::vector<AuditEntry> audit) = 0;
    /// Writes `change` (only what it names); NotFound when the account is gone. Returns the
    /// account's epoch after the change.
    virtual Result<qint64> update(AccountId id, const AccountChange& change, std::vector<AuditEntry> audit) = 0;
    /// Counts a failed login atomically (the app and shopdeskctl may both be counting) and locks
    /// the account until `now + lockSecs` when the count reaches `maxFailures`. `audit` builds the
    /// entries from the outcome.
    virtual Result<LoginFailure>
    recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                      std::function<std::vector<AuditEntry>(const LoginFailure&)> audit) = 0;
    /// The same count for a typed name that is no account (`key` is a keyed hash of the name, never
    /// the name itself), so that unknown names are throttled exactly like real ones.
    virtual Result<LoginFailure> recordUnknownFailure(const QByteArray& key, Timestamp now, int maxFailures,
                                                      qint64 lockSecs, std::vector<AuditEntry> audit) = 0;
    /// Resets the failure count, records the login time and, when given, a re-hashed password.
    virtual Status recordLogin(AccountId id, Timestamp now, const QByteArray& newHash,
                               std::vector<AuditEntry> audit) = 0;
};

} // namespace shopdesk
