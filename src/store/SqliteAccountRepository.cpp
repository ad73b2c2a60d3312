#include "store/SqliteAccountRepository.h"

#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

constexpr const char* kColumns = "a.id, a.name, a.password_hash, a.group_name, a.reception_limit, a.disabled, "
                                 "a.must_change_password, a.failed_logins, a.locked_until, a.last_login_at, "
                                 "a.created_at, a.deleted_at, a.auth_epoch, "
                                 "(SELECT group_concat(role, ',') FROM (SELECT role FROM account_roles "
                                 "WHERE account_id = a.id ORDER BY role))";

std::optional<Timestamp> optionalTime(SQLite::Statement& q, int column)
{
    return sql::isNull(q, column) ? std::nullopt : std::optional<Timestamp>(Timestamp::fromMs(sql::integer(q, column)));
}

AccountRecord readAccount(SQLite::Statement& q)
{
    AccountRecord r;
    Account& a = r.account;
    a.id = AccountId(sql::integer(q, 0));
    a.name = sql::text(q, 1);
    r.passwordHash = sql::text(q, 2).toLatin1();
    a.group = sql::text(q, 3);
    if (!sql::isNull(q, 4)) {
        a.receptionLimit = static_cast<int>(sql::integer(q, 4));
    }
    a.disabled = sql::integer(q, 5) != 0;
    a.mustChangePassword = sql::integer(q, 6) != 0;
    a.failedLogins = static_cast<int>(sql::integer(q, 7));
    a.lockedUntil = optionalTime(q, 8);
    a.lastLoginAt = optionalTime(q, 9);
    a.createdAt = Timestamp::fromMs(sql::integer(q, 10));
    a.deletedAt = optionalTime(q, 11);
    r.authEpoch = sql::integer(q, 12);
    const QString roles = sql::text(q, 13);
    a.roles = roles.isEmpty() ? QStringList() : roles.split(QLatin1Char(','));
    return r;
}

} // namespace

Result<std::optional<AccountRecord>> SqliteAccountRepository::find(const QString& name)
{
    static const std::string sqlText = std::string("SELECT ") + kColumns + " FROM accounts a WHERE a.name = ?1";
    return m_store.read<std::optional<AccountRecord>>("read an account",
                                                      [&](SqliteConnection& c) -> Result<std::optional<AccountRecord>> {
                                                          auto qHandle = c.statement(sqlText.c_str());
                                                          auto& q = *qHandle;
                                                          sql::bind(q, 1, name);
                                                          if (!q.executeStep()) {
                                                              return std::optional<AccountRecord>();
                                                          }
                                                          return std::optional<AccountRecord>(readAccount(q));
                                                      });
}

Result<std::vector<Account>> SqliteAccountRepository::list()
{
    static const std::string sqlText = std::string("SELECT ") + kColumns + " FROM accounts a ORDER BY a.name";
    return m_store.read<std::vector<Account>>("list accounts",
                                              [&](SqliteConnection& c) -> Result<std::vector<Account>> {
                                                  auto qHandle = c.statement(sqlText.c_str());
                                                  auto& q = *qHandle;
                                                  std::vector<Account> out;
                                                  while (q.executeStep()) {
                                                      out.push_back(readAccount(q).account);
                                                  }
                                                  return out;
                                              });
}

Result<std::optional<AccountRecord>> SqliteAccountRepository::findById(AccountId id)
{
    static const std::string sqlText = std::string("SELECT ") + kColumns + " FROM accounts a WHERE a.id = ?1";
    return m_store.read<std::optional<AccountRecord>>("read an account",
                                                      [&](SqliteConnection& c) -> Result<std::optional<AccountRecord>> {
                                                          auto qHandle = c.statement(sqlText.c_str());
                                                          sql::bind(*qHandle, 1, id.value());
                                                          if (!qHandle->executeStep()) {
                                                              return std::optional<AccountRecord>();
                                                          }
                                                          return std::optional<AccountRecord>(readAccount(*qHandle));
                                                      });
}

namespace {

void writeRoles(SqliteConnection& c, qint64 id, const QStringList& roles)
{
    auto clearHandle = c.statement("DELETE FROM account_roles WHERE account_id = ?1");
    sql::bind(*clearHandle, 1, id);
    clearHandle->exec();
    auto roleHandle = c.statement("INSERT INTO account_roles(account_id, role) VALUES(?1, ?2)");
    for (const QString& role : roles) {
        roleHandle->reset();
        sql::bind(*roleHandle, 1, id);
        sql::bind(*roleHandle, 2, role);
        roleHandle->exec();
    }
}

} // namespace

Result<AccountId> SqliteAccountRepository::create(const AccountRecord& record, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<AccountId>(
        [record, audit = std::move(audit), store](SqliteConnection& c) -> Result<AccountId> {
            const Account& a = record.account;
            auto insertHandle =
                c.statement("INSERT INTO accounts(name, password_hash, group_name, reception_limit, disabled, "
                            "must_change_password, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            auto& insert = *insertHandle;
            sql::bind(insert, 1, a.name);
            sql::bind(insert, 2, QString::fromLatin1(record.passwordHash));
            sql::bind(insert, 3, a.group);
            sql::bind(insert, 4, a.receptionLimit ? std::optional<qint64>(*a.receptionLimit) : std::nullopt);
            sql::bind(insert, 5, qint64(a.disabled));
            sql::bind(insert, 6, qint64(a.mustChangePassword));
            sql::bind(insert, 7, a.createdAt.ms());
            insert.exec();
            const qint64 id = c.db().getLastInsertRowid();
            writeRoles(c, id, a.roles);
            appendAudit(c, *store, audit);
            return AccountId(id);
        });
}

Result<qint64> SqliteAccountRepository::update(AccountId id, const AccountChange& change, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<qint64>(
        [id, change, audit = std::move(audit), store](SqliteConnection& c) -> Result<qint64> {
            // Only the columns the change names: whatever else happened to the row meanwhile stays.
            QStringList sets;
            if (change.passwordHash) {
                sets << QStringLiteral("password_hash = :hash");
            }
            if (change.mustChangePassword) {
                sets << QStringLiteral("must_change_password = :must");
            }
            if (change.disabled) {
                sets << QStringLiteral("disabled = :disabled");
            }
            if (change.group) {
                sets << QStringLiteral("group_name = :grp");
            }
            if (change.receptionLimit) {
                sets << QStringLiteral("reception_limit = :lim");
            }
            if (change.clearLock) {
                sets << QStringLiteral("failed_logins = 0") << QStringLiteral("locked_until = NULL");
            }
            if (change.deletedAt) {
                sets << QStringLiteral("deleted_at = :deleted");
            }
            if (change.endSessions) {
                sets << QStringLiteral("auth_epoch = auth_epoch + 1");
            }
            sets << QStringLiteral("id = id"); // a change of roles only still touches (and finds) the row
            const QByteArray text = QStringLiteral("UPDATE accounts SET %1 WHERE id = :id RETURNING auth_epoch")
                                        .arg(sets.join(QStringLiteral(", ")))
                                        .toUtf8();
            SQLite::Statement q(c.db(), text.constData());
            q.bind(":id", static_cast<int64_t>(id.value()));
            if (change.passwordHash) {
                sql::bind(q, q.getIndex(":hash"), QString::fromLatin1(*change.passwordHash));
            }
            if (change.mustChangePassword) {
                q.bind(":must", *change.mustChangePassword ? 1 : 0);
            }
            if (change.disabled) {
                q.bind(":disabled", *change.disabled ? 1 : 0);
            }
            if (change.group) {
                sql::bind(q, q.getIndex(":grp"), *change.group);
            }
            if (change.receptionLimit) {
                sql::bind(q, q.getIndex(":lim"),
                          *change.receptionLimit ? std::optional<qint64>(**change.receptionLimit) : std::nullopt);
            }
            if (change.deletedAt) {
                q.bind(":deleted", static_cast<int64_t>(change.deletedAt->ms()));
            }
            if (!q.executeStep()) {
                return Error::notFound(QStringLiteral("The account no longer exists."));
            }
            const qint64 epoch = sql::integer(q, 0);
            q.reset();
            if (change.roles) {
                writeRoles(c, id.value(), *change.roles);
            }
            appendAudit(c, *store, audit);
            return epoch;
        });
}

Result<LoginFailure> SqliteAccountRepository::recordUnknownFailure(const QByteArray& key, Timestamp now,
                                                                   int maxFailures, qint64 lockSecs,
                                                                   std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<LoginFailure>([=](SqliteConnection& c) -> Result<LoginFailure> {
        // A lock that ran out starts the count afresh, as for an account.
        auto bumpHandle = c.statement(
            "INSERT INTO login_throttle(name_key, failures, locked_until) VALUES(?1, 1, NULL) "
            "ON CONFLICT(name_key) DO UPDATE SET "
            "failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= ?2 THEN 1 ELSE failures + 1 END, "
            "locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ?2 THEN NULL ELSE locked_until END "
            "RETURNING failures, locked_until");
        auto& bump = *bumpHandle;
        bump.bind(1, key.constData(), static_cast<int>(key.size()));
        sql::bind(bump, 2, now.ms());
        if (!bump.executeStep()) {
            return Error::internal(QStringLiteral("Could not count a failed login."));
        }
        LoginFailure f;
        f.failedLogins = static_cast<int>(sql::integer(bump, 0));
        if (!sql::isNull(bump, 1)) {
            f.lockedUntil = Timestamp::fromMs(sql::integer(bump, 1));
        }
        bump.tryReset();
        if (f.failedLogins >= maxFailures && !f.lockedUntil) {
            f.lockedNow = true;
            f.lockedUntil = now.addSecs(lockSecs);
            auto lockHandle =
                c.statement("UPDATE login_throttle SET locked_until = ?2, failures = 0 WHERE name_key = ?1");
            lockHandle->bind(1, key.constData(), static_cast<int>(key.size()));
            sql::bind(*lockHandle, 2, f.lockedUntil->ms());
            lockHandle->exec();
        }
        appendAudit(c, *store, audit);
        return f;
    });
}

Result<LoginFailure>
SqliteAccountRepository::recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                                           std::function<std::vector<AuditEntry>(const LoginFailure&)> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<LoginFailure>([=](SqliteConnection& c) -> Result<LoginFailure> {
        auto bumpHandle = c.statement("UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = ?1 "
                                      "RETURNING failed_logins");
        auto& bump = *bumpHandle;
        sql::bind(bump, 1, id.value());
        if (!bump.executeStep()) {
            return Error::notFound(QStringLiteral("The account no longer exists."));
        }
        LoginFailure f;
        f.failedLogins = static_cast<int>(sql::integer(bump, 0));
        bump.tryReset();
        if (f.failedLogins >= maxFailures) {
            // Lock, and start counting afresh for when the lock has run out.
            f.lockedNow = true;
            f.lockedUntil = now.addSecs(lockSecs);
            auto lockHandle = c.statement("UPDATE accounts SET locked_until = ?2, failed_logins = 0 WHERE id = ?1");
            sql::bind(*lockHandle, 1, id.value());
            sql::bind(*lockHandle, 2, f.lockedUntil->ms());
            lockHandle->exec();
        }
        appendAudit(c, *store, audit(f));
        return f;
    });
}

Status SqliteAccountRepository::recordLogin(AccountId id, Timestamp now, const QByteArray& newHash,
                                            std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    auto r = m_store.writeAndWait<std::monostate>([id, now, newHash, audit = std::move(audit),
                                                   store](SqliteConnection& c) -> Result<std::monostate> {
        auto qHandle = c.statement("UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = ?2, "
                                   "password_hash = CASE WHEN ?3 = '' THEN password_hash ELSE ?3 END WHERE id = ?1");
        sql::bind(*qHandle, 1, id.value());
        sql::bind(*qHandle, 2, now.ms());
        sql::bind(*qHandle, 3, QString::fromLatin1(newHash));
        qHandle->exec();
        appendAudit(c, *store, audit);
        return std::monostate{};
    });
    return r ? Status() : Status(r.error());
}

} // namespace shopdesk::store
