#include "pg/PgRepositories.h"

#include "core/Logging.h"
#include "crypto/Random.h"
#include "pg/PgStore.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditHead.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace shopdesk::pg {

namespace {

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Timestamp> optionalTime(const PgResult& r, int row, int column)
{
    return r.isNull(row, column) ? std::nullopt : std::optional<Timestamp>(Timestamp::fromMs(r.integer(row, column)));
}

Status statusOf(const Result<std::monostate>& r)
{
    return r ? Status() : Status(r.error());
}

} // namespace

// ---- shop ----------------------------------------------------------------------------------

Result<Shop> PgShopRepository::shop()
{
    auto found = m_store.read<std::optional<Shop>>("read the shop", [](PgTx& tx) -> std::optional<Shop> {
        auto r = tx.q("SELECT name, platform, time_zone FROM shops ORDER BY id LIMIT 1");
        if (r.rows() == 0) {
            return std::nullopt;
        }
        Shop s;
        s.name = r.text(0, 0);
        s.platform = r.text(0, 1);
        if (QTimeZone zone(r.text(0, 2).toUtf8()); zone.isValid()) {
            s.timeZone = zone;
        }
        return s;
    });
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return Error::notFound(QStringLiteral("This database has no shop yet; run: shopdesk-server init --pg URL "
                                              "--shop NAME --owner NAME"));
    }
    return **found;
}

Status PgShopRepository::attach()
{
    auto id = m_store.read<qint64>("read the shop", [](PgTx& tx) {
        auto r = tx.q("SELECT id FROM shops ORDER BY id LIMIT 1");
        return r.rows() ? r.integer(0, 0) : qint64(0);
    });
    if (!id) {
        return id.error();
    }
    if (*id == 0) {
        return Error::notFound(QStringLiteral("This database has no shop yet; run: shopdesk-server init --pg URL "
                                              "--shop NAME --owner NAME"));
    }
    m_store.setShopId(*id);
    return {};
}

Status PgShopRepository::initialise(const Shop& shop)
{
    if (shop.name.trimmed().isEmpty()) {
        return Error::invalid(QStringLiteral("The shop name must not be empty."));
    }
    const QString storeId = QString::fromLatin1(crypto::randomBytes(16).toHex());
    auto id = m_store.write<qint64>("create the shop", [&](PgTx& tx) -> qint64 {
        auto existing = tx.q("SELECT name FROM shops LIMIT 1");
        if (existing.rows() > 0) {
            throw PgFailure(Error::invalid(
                QStringLiteral("This database already belongs to the shop '%1'.").arg(existing.text(0, 0))));
        }
        auto r = tx.q("INSERT INTO shops(name, platform, time_zone, store_id, created_at) "
                      "VALUES($1, $2, $3, $4, (extract(epoch FROM now()) * 1000)::bigint) RETURNING id",
                      {param(shop.name.trimmed()), param(shop.platform), param(QString::fromUtf8(shop.timeZone.id())),
                       param(storeId)});
        const qint64 shopId = r.integer(0, 0);
        tx.q("INSERT INTO change_heads(shop_id, seq) VALUES($1, 0)", {param(shopId)});
        return shopId;
    });
    if (!id) {
        return id.error();
    }
    m_store.setShopId(*id);
    return {};
}

Result<QString> PgShopRepository::storeId()
{
    return m_store.read<QString>("read the shop", [](PgTx& tx) {
        auto r = tx.q("SELECT store_id FROM shops WHERE id = $1", {tx.shop()});
        return r.rows() ? r.text(0, 0) : QString();
    });
}

Result<QString> PgShopRepository::keyLocation()
{
    return m_store.read<QString>("read the shop", [](PgTx& tx) {
        auto r = tx.q("SELECT key_location FROM shops WHERE id = $1", {tx.shop()});
        return r.rows() ? r.text(0, 0) : QString();
    });
}

Result<QString> PgShopRepository::claimKeyLocation(const QString& location)
{
    return m_store.write<QString>("record where the key is", [&](PgTx& tx) {
        auto r = tx.q("UPDATE shops SET key_location = COALESCE(key_location, $2) WHERE id = $1 RETURNING key_location",
                      {tx.shop(), param(location)});
        return r.rows() ? r.text(0, 0) : location;
    });
}

// ---- accounts ------------------------------------------------------------------------------

namespace {

constexpr const char* kAccountColumns =
    "SELECT a.id, a.name, a.password_hash, a.grp, a.reception_limit, a.disabled, a.must_change, a.failed_logins, "
    "a.locked_until, a.last_login_at, a.created_at, a.deleted_at, a.auth_epoch, "
    "(SELECT string_agg(role, ',' ORDER BY role) FROM account_roles WHERE account_id = a.id) FROM accounts a ";

AccountRecord readAccount(const PgResult& q, int row)
{
    AccountRecord r;
    Account& a = r.account;
    a.id = AccountId(q.integer(row, 0));
    a.name = q.text(row, 1);
    r.passwordHash = q.text(row, 2).toLatin1();
    a.group = q.text(row, 3);
    if (!q.isNull(row, 4)) {
        a.receptionLimit = static_cast<int>(q.integer(row, 4));
    }
    a.disabled = q.boolean(row, 5);
    a.mustChangePassword = q.boolean(row, 6);
    a.failedLogins = static_cast<int>(q.integer(row, 7));
    a.lockedUntil = optionalTime(q, row, 8);
    a.lastLoginAt = optionalTime(q, row, 9);
    a.createdAt = Timestamp::fromMs(q.integer(row, 10));
    a.deletedAt = optionalTime(q, row, 11);
    r.authEpoch = q.integer(row, 12);
    const QString roles = q.text(row, 13);
    a.roles = roles.isEmpty() ? QStringList() : roles.split(QLatin1Char(','));
    return r;
}

std::optional<AccountRecord> oneAccount(PgTx& tx, const char* where, const Param& key)
{
    const QByteArray sql = QByteArray(kAccountColumns) + where;
    auto r = tx.q(sql.constData(), {tx.shop(), key});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return readAccount(r, 0);
}

void writeRoles(PgTx& tx, qint64 id, const QStringList& roles)
{
    tx.q("DELETE FROM account_roles WHERE account_id = $1", {param(id)});
    for (const QString& role : roles) {
        tx.q("INSERT INTO account_roles(account_id, role) VALUES($1, $2)", {param(id), param(role)});
    }
}

void accountChanged(PgTx& tx, qint64 id, const QString& what)
{
    tx.change(QStringLiteral("account"), json({{QStringLiteral("id"), id}, {QStringLiteral("what"), what}}));
}

} // namespace

Result<std::optional<AccountRecord>> PgAccountRepository::find(const QString& name)
{
    return m_store.read<std::optional<AccountRecord>>("read an account", [&](PgTx& tx) {
        return oneAccount(tx, "WHERE a.shop_id = $1 AND a.name = $2", param(name));
    });
}

Result<std::optional<AccountRecord>> PgAccountRepository::findById(AccountId id)
{
    return m_store.read<std::optional<AccountRecord>>("read an account", [&](PgTx& tx) {
        return oneAccount(tx, "WHERE a.shop_id = $1 AND a.id = $2", param(id.value()));
    });
}

Result<std::vector<Account>> PgAccountRepository::list()
{
    return m_store.read<std::vector<Account>>("list accounts", [](PgTx& tx) {
        const QByteArray sql = QByteArray(kAccountColumns) + "WHERE a.shop_id = $1 ORDER BY a.name";
        auto r = tx.q(sql.constData(), {tx.shop()});
        std::vector<Account> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readAccount(r, i).account);
        }
        return out;
    });
}

Result<AccountId> PgAccountRepository::create(const AccountRecord& record, std::vector<AuditEntry> audit)
{
    return m_store.write<AccountId>("create an account", [&](PgTx& tx) {
        const Account& a = record.account;
        auto r = tx.q("INSERT INTO accounts(shop_id, name, password_hash, grp, reception_limit, disabled, must_change, "
                      "created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                      {tx.shop(), param(a.name), param(QString::fromLatin1(record.passwordHash)), param(a.group),
                       maybe(a.receptionLimit ? std::optional<qint64>(*a.receptionLimit) : std::nullopt),
                       flag(a.disabled), flag(a.mustChangePassword), param(a.createdAt.ms())});
        const qint64 id = r.integer(0, 0);
        writeRoles(tx, id, a.roles);
        tx.audit(std::move(audit));
        accountChanged(tx, id, QStringLiteral("created"));
        return AccountId(id);
    });
}

Result<qint64> PgAccountRepository::update(AccountId id, const AccountChange& change, std::vector<AuditEntry> audit)
{
    return m_store.write<qint64>("change an account", [&](PgTx& tx) -> qint64 {
        // Only the columns the change names; each value a parameter.
        QStringList sets{QStringLiteral("id = id")};
        std::vector<Param> params{tx.shop(), param(id.value())};
        auto add = [&](const char* column, Param value) {
            params.push_back(std::move(value));
            sets << QStringLiteral("%1 = $%2").arg(QLatin1String(column)).arg(params.size());
        };
        if (change.passwordHash) {
            add("password_hash", param(QString::fromLatin1(*change.passwordHash)));
        }
        if (change.mustChangePassword) {
            add("must_change", flag(*change.mustChangePassword));
        }
        if (change.disabled) {
            add("disabled", flag(*change.disabled));
        }
        if (change.group) {
            add("grp", param(*change.group));
        }
        if (change.receptionLimit) {
            add("reception_limit",
                maybe(*change.receptionLimit ? std::optional<qint64>(**change.receptionLimit) : std::nullopt));
        }
        if (change.deletedAt) {
            add("deleted_at", param(change.deletedAt->ms()));
        }
        if (change.clearLock) {
            sets << QStringLiteral("failed_logins = 0") << QStringLiteral("locked_until = NULL");
        }
        if (change.endSessions) {
            sets << QStringLiteral("auth_epoch = auth_epoch + 1");
        }
        const QByteArray sql =
            QStringLiteral("UPDATE accounts SET %1 WHERE shop_id = $1 AND id = $2 RETURNING auth_epoch")
                .arg(sets.join(QStringLiteral(", ")))
                .toUtf8();
        auto r = tx.q(sql.constData(), params);
        if (r.rows() == 0) {
            throw PgFailure(Error::notFound(QStringLiteral("The account no longer exists.")));
        }
        if (change.roles) {
            writeRoles(tx, id.value(), *change.roles);
        }
        if (change.endSessions || change.disabled.value_or(false) || change.deletedAt) {
            tx.q("UPDATE sessions SET ended_at = (extract(epoch FROM now()) * 1000)::bigint, end_reason = 'account' "
                 "WHERE account_id = $1 AND ended_at IS NULL",
                 {param(id.value())});
        }
        tx.audit(std::move(audit));
        accountChanged(tx, id.value(), QStringLiteral("changed"));
        return r.integer(0, 0);
    });
}

Result<LoginFailure>
PgAccountRepository::recordFailedLogin(AccountId id, Timestamp now, int maxFailures, qint64 lockSecs,
                                       std::function<std::vector<AuditEntry>(const LoginFailure&)> audit)
{
    return m_store.write<LoginFailure>("count a failed login", [&](PgTx& tx) -> LoginFailure {
        auto bump = tx.q("UPDATE accounts SET failed_logins = failed_logins + 1 WHERE shop_id = $1 AND id = $2 "
                         "RETURNING failed_logins",
                         {tx.shop(), param(id.value())});
        if (bump.rows() == 0) {
            throw PgFailure(Error::notFound(QStringLiteral("The account no longer exists.")));
        }
        LoginFailure f;
        f.failedLogins = static_cast<int>(bump.integer(0, 0));
        if (f.failedLogins >= maxFailures) {
            f.lockedNow = true;
            f.lockedUntil = now.addSecs(lockSecs);
            tx.q("UPDATE accounts SET locked_until = $2, failed_logins = 0 WHERE id = $1",
                 {param(id.value()), param(f.lockedUntil->ms())});
            accountChanged(tx, id.value(), QStringLiteral("locked"));
        }
        tx.audit(audit(f));
        return f;
    });
}

Result<LoginFailure> PgAccountRepository::recordUnknownFailure(const QByteArray& key, Timestamp now, int maxFailures,
                                                               qint64 lockSecs, std::vector<AuditEntry> audit)
{
    return m_store.write<LoginFailure>("count a failed login", [&](PgTx& tx) {
        // A lock that ran out starts the count afresh, as for an account.
        auto bump = tx.q(
            "INSERT INTO login_throttle AS t(shop_id, name_key, failures, locked_until) VALUES($1, $2, 1, NULL) "
            "ON CONFLICT(shop_id, name_key) DO UPDATE SET "
            "failures = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= $3 THEN 1 ELSE t.failures + 1 END, "
            "locked_until = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= $3 THEN NULL "
            "ELSE t.locked_until END RETURNING failures, locked_until",
            {tx.shop(), bytesParam(key), param(now.ms())});
        LoginFailure f;
        f.failedLogins = static_cast<int>(bump.integer(0, 0));
        f.lockedUntil = optionalTime(bump, 0, 1);
        if (f.failedLogins >= maxFailures && !f.lockedUntil) {
            f.lockedNow = true;
            f.lockedUntil = now.addSecs(lockSecs);
            tx.q("UPDATE login_throttle SET locked_until = $3, failures = 0 WHERE shop_id = $1 AND name_key = $2",
                 {tx.shop(), bytesParam(key), param(f.lockedUntil->ms())});
        }
        tx.audit(std::move(audit));
        return f;
    });
}

Status PgAccountRepository::recordLogin(AccountId id, Timestamp now, const QByteArray& newHash,
                                        std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("record a login", [&](PgTx& tx) {
        tx.q("UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = $3, "
             "password_hash = CASE WHEN $4 = '' THEN password_hash ELSE $4 END WHERE shop_id = $1 AND id = $2",
             {tx.shop(), param(id.value()), param(now.ms()), param(QString::fromLatin1(newHash))});
        tx.audit(std::move(audit));
    });
}

// ---- roles ---------------------------------------------------------------------------------

namespace {

auth::Role readRole(const PgResult& r, int row)
{
    auth::Role role;
    role.name = r.text(row, 0);
    bool unknown = false;
    role.permissions = auth::PermissionSet::parseKnown(r.text(row, 1), &unknown);
    if (unknown) {
        logging::get("auth")->warn("custom role has an unknown permission; ignoring it");
    }
    return role;
}

} // namespace

Result<std::vector<auth::Role>> PgRoleRepository::customRoles()
{
    return m_store.read<std::vector<auth::Role>>("list roles", [](PgTx& tx) {
        auto r = tx.q("SELECT name, permissions FROM roles WHERE shop_id = $1 ORDER BY name", {tx.shop()});
        std::vector<auth::Role> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readRole(r, i));
        }
        return out;
    });
}

Result<std::optional<auth::Role>> PgRoleRepository::findCustom(const QString& name)
{
    return m_store.read<std::optional<auth::Role>>("read a role", [&](PgTx& tx) -> std::optional<auth::Role> {
        auto r = tx.q("SELECT name, permissions FROM roles WHERE shop_id = $1 AND name = $2", {tx.shop(), param(name)});
        if (r.rows() == 0) {
            return std::nullopt;
        }
        return readRole(r, 0);
    });
}

Status PgRoleRepository::saveCustom(const auth::Role& role, std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("save a role", [&](PgTx& tx) {
        tx.q("INSERT INTO roles(shop_id, name, permissions, updated_at) VALUES($1, $2, $3, $4) "
             "ON CONFLICT(shop_id, name) DO UPDATE SET permissions = excluded.permissions, "
             "updated_at = excluded.updated_at",
             {tx.shop(), param(role.name), param(role.permissions.keys().join(QLatin1Char(','))),
              param(audit.empty() ? qint64(0) : audit.front().at.ms())});
        tx.audit(std::move(audit));
        tx.change(QStringLiteral("role"), json({{QStringLiteral("name"), role.name}}));
    });
}

Status PgRoleRepository::removeCustom(const QString& name, std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("remove a role", [&](PgTx& tx) {
        tx.q("DELETE FROM roles WHERE shop_id = $1 AND name = $2", {tx.shop(), param(name)});
        tx.audit(std::move(audit));
        tx.change(QStringLiteral("role"), json({{QStringLiteral("name"), name}}));
    });
}

Result<int> PgRoleRepository::holders(const QString& name)
{
    return m_store.read<int>("count role holders", [&](PgTx& tx) {
        auto r = tx.q("SELECT count(*) FROM account_roles r JOIN accounts a ON a.id = r.account_id "
                      "WHERE a.shop_id = $1 AND r.role = $2 AND a.deleted_at IS NULL",
                      {tx.shop(), param(name)});
        return static_cast<int>(r.integer(0, 0));
    });
}

// ---- settings and routing ------------------------------------------------------------------

namespace {

void putSettings(PgTx& tx, const std::vector<std::pair<QString, QString>>& values)
{
    QJsonObject keys;
    for (const auto& [key, value] : values) {
        tx.prepared("setting_put",
                    "INSERT INTO settings(shop_id, key, value) VALUES($1, $2, $3) "
                    "ON CONFLICT(shop_id, key) DO UPDATE SET value = excluded.value",
                    {tx.shop(), param(key), param(value)});
        keys.insert(key, true);
    }
    tx.change(QStringLiteral("settings"), json({{QStringLiteral("keys"), keys}}));
}

} // namespace

Result<std::optional<QString>> PgSettingsRepository::value(const QString& key)
{
    return m_store.read<std::optional<QString>>("read a setting", [&](PgTx& tx) -> std::optional<QString> {
        auto r = tx.prepared("setting_get", "SELECT value FROM settings WHERE shop_id = $1 AND key = $2",
                             {tx.shop(), param(key)});
        if (r.rows() == 0) {
            return std::nullopt;
        }
        return r.text(0, 0);
    });
}

Status PgSettingsRepository::setValues(const std::vector<std::pair<QString, QString>>& values,
                                       std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("save settings", [&](PgTx& tx) {
        putSettings(tx, values);
        tx.audit(std::move(audit));
    });
}

Result<std::vector<routing::GroupConfig>> PgRoutingRepository::groups()
{
    return m_store.read<std::vector<routing::GroupConfig>>("read routing groups", [](PgTx& tx) {
        auto r = tx.q("SELECT name, reception_limit FROM routing_groups WHERE shop_id = $1 ORDER BY name", {tx.shop()});
        std::vector<routing::GroupConfig> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back({r.text(i, 0), static_cast<int>(r.integer(i, 1))});
        }
        return out;
    });
}

Status PgRoutingRepository::save(const std::vector<std::pair<QString, QString>>& settings,
                                 const std::vector<routing::GroupConfig>& groups, std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("save routing", [&](PgTx& tx) {
        putSettings(tx, settings);
        tx.q("DELETE FROM routing_groups WHERE shop_id = $1", {tx.shop()});
        for (const auto& g : groups) {
            tx.q("INSERT INTO routing_groups(shop_id, name, reception_limit) VALUES($1, $2, $3)",
                 {tx.shop(), param(g.name), param(static_cast<qint64>(g.limit))});
        }
        tx.audit(std::move(audit));
        tx.change(QStringLiteral("routing"), json({}));
    });
}

// ---- audit ---------------------------------------------------------------------------------

namespace {

constexpr const char* kAuditColumns = "SELECT id, at, actor, action, target, detail, mac FROM audit ";

AuditRecord readRecord(const PgResult& r, int row)
{
    AuditRecord a;
    a.id = r.integer(row, 0);
    a.entry = AuditEntry{Timestamp::fromMs(r.integer(row, 1)), r.text(row, 2), r.text(row, 3), r.text(row, 4),
                         r.text(row, 5)};
    a.mac = r.bytes(row, 6);
    return a;
}

} // namespace

QFuture<Status> PgAuditRepository::append(std::vector<AuditEntry> entries)
{
    // The server has no UI thread to keep free: the append commits before the future is handed back.
    return QtFuture::makeReadyFuture(
        m_store.writeStatus("write the audit log", [&](PgTx& tx) { tx.audit(std::move(entries)); }));
}

Result<std::vector<AuditRecord>> PgAuditRepository::list(const AuditQuery& query)
{
    return m_store.read<std::vector<AuditRecord>>("read the audit log", [&](PgTx& tx) {
        const QByteArray sql =
            QByteArray(kAuditColumns) +
            "WHERE shop_id = $1 AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR starts_with(action, $3)) "
            "AND ($4::bigint IS NULL OR at >= $4) ORDER BY id DESC LIMIT $5";
        auto r = tx.q(sql.constData(),
                      {tx.shop(), query.actor.isEmpty() ? Param() : param(query.actor),
                       query.actionPrefix.isEmpty() ? Param() : param(query.actionPrefix),
                       query.since ? param(query.since->ms()) : Param(), param(static_cast<qint64>(query.limit))});
        std::vector<AuditRecord> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readRecord(r, i));
        }
        return out;
    });
}

Status PgAuditRepository::scan(const std::function<bool(const AuditRecord&)>& visit)
{
    // One snapshot, read in pages so that a long log never sits in memory whole.
    return statusOf(m_store.read<std::monostate>("read the audit log", [&](PgTx& tx) {
        qint64 after = 0;
        for (;;) {
            const QByteArray sql = QByteArray(kAuditColumns) + "WHERE shop_id = $1 AND id > $2 ORDER BY id LIMIT 1000";
            auto r = tx.q(sql.constData(), {tx.shop(), param(after)});
            for (int i = 0; i < r.rows(); ++i) {
                const AuditRecord rec = readRecord(r, i);
                if (!visit(rec)) {
                    return std::monostate{};
                }
                after = rec.id;
            }
            if (r.rows() < 1000) {
                return std::monostate{};
            }
        }
    }));
}

Result<QByteArray> PgAuditRepository::head()
{
    return m_store.read<QByteArray>("read the audit log", [](PgTx& tx) {
        auto r = tx.q("SELECT audit_head FROM shops WHERE id = $1", {tx.shop()});
        return r.rows() ? r.bytes(0, 0) : QByteArray();
    });
}

Result<std::pair<qint64, QByteArray>> PgAuditRepository::tail()
{
    return m_store.read<std::pair<qint64, QByteArray>>("read the audit log", [](PgTx& tx) {
        auto r = tx.q("SELECT id, mac FROM audit WHERE shop_id = $1 ORDER BY id DESC LIMIT 1", {tx.shop()});
        if (r.rows() == 0) {
            return std::pair<qint64, QByteArray>(0, QByteArray());
        }
        return std::pair<qint64, QByteArray>(r.integer(0, 0), r.bytes(0, 1));
    });
}

Result<std::optional<QByteArray>> PgAuditRepository::macAt(qint64 id)
{
    return m_store.read<std::optional<QByteArray>>("read the audit log", [&](PgTx& tx) -> std::optional<QByteArray> {
        auto r = tx.q("SELECT mac FROM audit WHERE shop_id = $1 AND id = $2", {tx.shop(), param(id)});
        if (r.rows() == 0) {
            return std::nullopt;
        }
        return r.bytes(0, 0);
    });
}

Result<bool> PgAuditRepository::anchored()
{
    return m_store.read<bool>("read the audit log", [](PgTx& tx) {
        auto r = tx.q("SELECT audit_anchored FROM shops WHERE id = $1", {tx.shop()});
        return r.rows() > 0 && r.boolean(0, 0);
    });
}

Status PgAuditRepository::markAnchored()
{
    return m_store.writeStatus("anchor the audit log", [](PgTx& tx) {
        tx.q("UPDATE shops SET audit_anchored = true WHERE id = $1", {tx.shop()});
    });
}

Status PgAuditRepository::appendUnchecked(std::vector<AuditEntry> entries)
{
    auto last = tail();
    if (!last) {
        return last.error();
    }
    if (AuditHead* head = m_store.auditHead()) {
        head->trust({last->first, last->first == 0 ? AuditChain::genesis() : last->second});
    }
    return m_store.writeStatus("write the audit log", [&](PgTx& tx) { tx.audit(std::move(entries)); });
}

} // namespace shopdesk::pg
