#include "store/SqliteAccountRepository.h"

#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

constexpr const char* kColumns = "a.id, a.name, a.password_hash, a.group_name, a.reception_limit, a.disabled, "
                                 "a.must_change_password, a.failed_logins, a.locked_until, a.last_login_at, "
                                 "a.created_at, a.deleted_at, "
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
    const QString roles = sql::text(q, 12);
    a.roles = roles.isEmpty() ? QStringList() : roles.split(QLatin1Char(','));
    return r;
}

std::optional<qint64> msOrNull(const std::optional<Timestamp>& t)
{
    return t ? std::optional<qint64>(t->ms()) : std::nullopt;
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

Result<AccountId> SqliteAccountRepository::save(const AccountRecord& record, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<AccountId>([record, audit = std::move(audit),
                                            store](SqliteConnection& c) -> Result<AccountId> {
        const Account& a = record.account;
        qint64 id = a.id.value();
        if (!a.id.isValid()) {
            auto insertHandle =
                c.statement("INSERT INTO accounts(name, password_hash, group_name, reception_limit, disabled, "
                            "must_change_password, failed_logins, locked_until, last_login_at, created_at, deleted_at) "
                            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
            auto& insert = *insertHandle;
            sql::bind(insert, 1, a.name);
            sql::bind(insert, 2, QString::fromLatin1(record.passwordHash));
            sql::bind(insert, 3, a.group);
            sql::bind(insert, 4, a.receptionLimit ? std::optional<qint64>(*a.receptionLimit) : std::nullopt);
            sql::bind(insert, 5, qint64(a.disabled));
            sql::bind(insert, 6, qint64(a.mustChangePassword));
            sql::bind(insert, 7, qint64(a.failedLogins));
            sql::bind(insert, 8, msOrNull(a.lockedUntil));
            sql::bind(insert, 9, msOrNull(a.lastLoginAt));
            sql::bind(insert, 10, a.createdAt.ms());
            sql::bind(insert, 11, msOrNull(a.deletedAt));
            insert.exec();
            id = c.db().getLastInsertRowid();
        } else {
            auto updateHandle = c.statement(
                "UPDATE accounts SET password_hash = ?2, group_name = ?3, reception_limit = ?4, disabled = ?5, "
                "must_change_password = ?6, failed_logins = ?7, locked_until = ?8, deleted_at = ?9 WHERE id = ?1");
            auto& update = *updateHandle;
            sql::bind(update, 1, id);
            sql::bind(update, 2, QString::fromLatin1(record.passwordHash));
            sql::bind(update, 3, a.group);
            sql::bind(update, 4, a.receptionLimit ? std::optional<qint64>(*a.receptionLimit) : std::nullopt);
            sql::bind(update, 5, qint64(a.disabled));
            sql::bind(update, 6, qint64(a.mustChangePassword));
            sql::bind(update, 7, qint64(a.failedLogins));
            sql::bind(update, 8, msOrNull(a.lockedUntil));
            sql::bind(update, 9, msOrNull(a.deletedAt));
            if (update.exec() != 1) {
                return Error::notFound(QStringLiteral("The account %1 no longer exists.").arg(a.name));
            }
            auto clearHandle = c.statement("DELETE FROM account_roles WHERE account_id = ?1");
            sql::bind(*clearHandle, 1, id);
            clearHandle->exec();
        }
        auto roleHandle = c.statement("INSERT INTO account_roles(account_id, role) VALUES(?1, ?2)");
        for (const QString& role : a.roles) {
            roleHandle->reset();
            sql::bind(*roleHandle, 1, id);
            sql::bind(*roleHandle, 2, role);
            roleHandle->exec();
        }
        appendAudit(c, store->auditChain(), audit);
        return AccountId(id);
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
        appendAudit(c, store->auditChain(), audit(f));
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
        appendAudit(c, store->auditChain(), audit);
        return std::monostate{};
    });
    return r ? Status() : Status(r.error());
}

} // namespace shopdesk::store
