#include "services/accounts/AccountService.h"

#include <QCoreApplication>

#include "auth/PasswordPolicy.h"
#include "crypto/Hmac.h"
#include "crypto/Random.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/routing/RoutingRepository.h"
#include "services/settings/SettingsRepository.h"

namespace shopdesk {

namespace {

QString wrongCredentials()
{
    return QCoreApplication::translate("AccountService", "Wrong account name or password.");
}

QString rolesText(const QStringList& roles)
{
    return QStringLiteral("roles=") + roles.join(QLatin1Char(','));
}

} // namespace

AccountService::AccountService(AccountRepository& accounts, RoleCatalog& roles, AccessGate& gate, AuditLog& audit,
                               SettingsRepository& settings, RoutingRepository& routing, const Clock& clock,
                               const crypto::PasswordHasher& hasher, QString shopName, QByteArray throttleKey)
    : m_accounts(accounts)
    , m_roles(roles)
    , m_gate(gate)
    , m_audit(audit)
    , m_settings(settings)
    , m_routing(routing)
    , m_clock(clock)
    , m_hasher(hasher)
    , m_shop(std::move(shopName))
    , m_throttleKey(std::move(throttleKey))
{
}

QString AccountService::canonicalName(const QString& name) const
{
    auto shortened = shortName(name);
    return shortened ? *shortened : name.trimmed();
}

const QByteArray& AccountService::decoyHash() const
{
    if (m_decoy.isEmpty()) {
        m_decoy = m_hasher.hash(QString::fromLatin1(crypto::randomBytes(24).toBase64()));
    }
    return m_decoy;
}

Result<QByteArray> AccountService::hashPassword(const QString& password) const
{
    QByteArray hash = m_hasher.hash(password);
    if (hash.isEmpty()) {
        // Never store an empty hash: it would match no password, or worse, be read as "none set".
        return Error::internal(QCoreApplication::translate(
            "AccountService", "The password could not be hashed (out of memory?). Nothing was changed; try again."));
    }
    return hash;
}

Result<QString> AccountService::shortName(const QString& name) const
{
    const QString trimmed = name.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    if (colon < 0) {
        return trimmed;
    }
    if (trimmed.left(colon) != m_shop) {
        return Error::notFound(QStringLiteral("There is no account %1 in the shop %2.").arg(trimmed, m_shop));
    }
    return trimmed.mid(colon + 1);
}

AuditEntry AccountService::audit(const auth::Actor& actor, const char* action, const QString& target,
                                 const QString& detail)
{
    return m_audit.entry(actor.fullName(), QString::fromLatin1(action), fullName(target), detail);
}

Result<auth::Actor> AccountService::actorFor(const AccountRecord& record)
{
    const Account& account = record.account;
    auto permissions = m_roles.permissionsOf(account.roles);
    if (!permissions) {
        return permissions.error();
    }
    auth::Actor actor;
    actor.id = account.id;
    actor.shop = m_shop;
    actor.name = account.name;
    actor.permissions = *permissions;
    actor.owner = account.isOwner();
    actor.mustChangePassword = account.mustChangePassword;
    actor.epoch = record.authEpoch;
    return actor;
}

Result<LoginPolicy> AccountService::loginPolicy()
{
    LoginPolicy p;
    auto failures = m_settings.value(QStringLiteral("login.max_failures"));
    auto minutes = m_settings.value(QStringLiteral("login.lock_minutes"));
    if (!failures) {
        return failures.error();
    }
    if (!minutes) {
        return minutes.error();
    }
    if (*failures) {
        p.maxFailures = (*failures)->toInt();
    }
    if (*minutes) {
        p.lockMinutes = (*minutes)->toInt();
    }
    return p;
}

Status AccountService::setLoginPolicy(const auth::Actor& actor, const LoginPolicy& policy)
{
    if (Status st = m_gate.check(actor, auth::Operation::SettingsChange); !st) {
        return st;
    }
    if (policy.maxFailures < 1 || policy.maxFailures > 100 || policy.lockMinutes < 1 || policy.lockMinutes > 1440) {
        return Error::invalid(QStringLiteral("Failed logins before a lock: 1-100; lock minutes: 1-1440."));
    }
    return m_settings.setValues(
        {{QStringLiteral("login.max_failures"), QString::number(policy.maxFailures)},
         {QStringLiteral("login.lock_minutes"), QString::number(policy.lockMinutes)}},
        {m_audit.entry(
            actor.fullName(), QStringLiteral("settings.change"), QStringLiteral("login"),
            QStringLiteral("max_failures=%1 lock_minutes=%2").arg(policy.maxFailures).arg(policy.lockMinutes))});
}

Status AccountService::countFailure(const AccountRecord* record, const QString& typed, const char* action)
{
    auto policy = loginPolicy();
    if (!policy) {
        return policy.error();
    }
    const Timestamp now = m_clock.now();
    const qint64 lockSecs = static_cast<qint64>(policy->lockMinutes) * 60;
    if (!record) {
        // The typed name is no account: count it under a keyed hash, and audit no name (it may be a
        // password typed into the wrong field).
        const QByteArray key = crypto::hmacSha256(m_throttleKey, typed.trimmed().toCaseFolded().toUtf8());
        auto f = m_accounts.recordUnknownFailure(key, now, policy->maxFailures, lockSecs,
                                                 {{now, QStringLiteral("-"), QString::fromLatin1(action),
                                                   QStringLiteral("-"), QStringLiteral("unknown account")}});
        return f ? Status() : Status(f.error());
    }
    const QString full = fullName(record->account.name);
    auto f = m_accounts.recordFailedLogin(
        record->account.id, now, policy->maxFailures, lockSecs, [full, now, action](const LoginFailure& failure) {
            std::vector<AuditEntry> entries{{now, full, QString::fromLatin1(action), full,
                                             QStringLiteral("failures=%1").arg(failure.failedLogins)}};
            if (failure.lockedNow) {
                entries.push_back(
                    {now, full, QStringLiteral("account.locked"), full,
                     QStringLiteral("until=%1").arg(failure.lockedUntil ? failure.lockedUntil->secs() : 0)});
            }
            return entries;
        });
    return f ? Status() : Status(f.error());
}

Result<auth::Actor> AccountService::login(const QString& name, const QString& password)
{
    auto attempt = beginLogin(name);
    if (!attempt) {
        return attempt.error();
    }
    return finishLogin(*attempt, password, m_hasher.verify(attempt->hash, password));
}

Result<AccountService::LoginAttempt> AccountService::beginLogin(const QString& name)
{
    auto shortNameResult = shortName(name);
    Result<std::optional<AccountRecord>> found =
        shortNameResult ? m_accounts.find(*shortNameResult) : Result<std::optional<AccountRecord>>(std::nullopt);
    if (!found) {
        return found.error();
    }
    LoginAttempt attempt;
    attempt.typed = name;
    if (*found && !(*found)->account.isDeleted()) {
        attempt.record = std::move(*found);
        attempt.hash = attempt.record->passwordHash;
    } else {
        // The same Argon2 work whatever the name: the answer's timing says nothing about which
        // exist. (The decoy is made on the first login of any name, so that one costs the same.)
        attempt.hash = decoyHash();
    }
    return attempt;
}

Result<auth::Actor> AccountService::finishLogin(const LoginAttempt& attempt, const QString& password,
                                                bool passwordMatched)
{
    const Timestamp now = m_clock.now();
    const AccountRecord* record = attempt.record ? &*attempt.record : nullptr;
    std::optional<AccountRecord> current;
    if (passwordMatched && record) {
        // Read again: the checks below go by the account as it is now (locked, disabled or its
        // password changed while the hash was being checked), not as it was.
        auto again = m_accounts.find(record->account.name);
        if (!again) {
            return again.error();
        }
        current = std::move(*again);
        if (!current || current->account.isDeleted() || current->passwordHash != attempt.hash) {
            passwordMatched = false;
        } else {
            record = &*current;
        }
    }
    if (!passwordMatched || !record) {
        if (Status st = countFailure(record, attempt.typed, "login.failed"); !st) {
            return st.error();
        }
        return Error::notAllowed(wrongCredentials());
    }
    const Account& account = record->account;
    const QString full = fullName(account.name);
    // Only someone who typed the password learns that the account is disabled or locked.
    if (account.disabled) {
        m_audit.record(m_audit.entry(full, QStringLiteral("login.refused"), full, QStringLiteral("disabled")));
        return Error::notAllowed(QCoreApplication::translate(
                                     "AccountService", "The account %1 is disabled. Ask your supervisor to enable it.")
                                     .arg(full));
    }
    if (account.lockedUntil && *account.lockedUntil > now) {
        const qint64 minutes = (account.lockedUntil->ms() - now.ms() + 59'999) / 60'000;
        m_audit.record(m_audit.entry(full, QStringLiteral("login.refused"), full, QStringLiteral("locked")));
        return Error::notAllowed(QCoreApplication::translate("AccountService",
                                                             "The account %1 is locked after too many failed "
                                                             "logins. Try again in %2 minute(s).")
                                     .arg(full)
                                     .arg(minutes));
    }
    auto actor = actorFor(*record);
    if (!actor) {
        return actor.error();
    }
    QByteArray rehashed;
    if (m_hasher.needsRehash(record->passwordHash)) {
        auto fresh = hashPassword(password);
        if (fresh) {
            rehashed = *fresh;
        }
    }
    const AuditEntry entry = m_audit.entry(full, QStringLiteral("login"), full,
                                           rehashed.isEmpty() ? QString() : QStringLiteral("password re-hashed"));
    if (m_audit.broken()) {
        // The log does not match its anchor and takes no entry until the owner accepts it: the
        // login (to inspect it) is kept and written with the re-anchoring.
        m_audit.defer(entry);
        if (Status st = m_accounts.recordLogin(account.id, now, rehashed, {}); !st) {
            return st.error();
        }
        return *actor;
    }
    if (Status st = m_accounts.recordLogin(account.id, now, rehashed, {entry}); !st) {
        return st.error();
    }
    return *actor;
}

Result<auth::Actor> AccountService::authority(AccountId id, qint64 epoch, Account* out)
{
    auto record = m_accounts.findById(id);
    if (!record) {
        return record.error();
    }
    auto ended = [](const char* text) {
        return Error::sessionEnded(QCoreApplication::translate("AccountService", text));
    };
    if (!*record || (*record)->account.isDeleted()) {
        return ended("Your account was deleted by a supervisor. Ask them if you need a new one.");
    }
    const Account& account = (*record)->account;
    if (account.disabled) {
        return ended("Your account was disabled by a supervisor. Ask them to enable it again.");
    }
    if (account.lockedUntil && *account.lockedUntil > m_clock.now()) {
        return ended("Your account is locked after too many failed logins (with your name). Log in again when the "
                     "lock has run out, or ask a supervisor to unlock it.");
    }
    if ((*record)->authEpoch != epoch) {
        return ended("Your password was changed or reset since you logged in. Log in again with the new one.");
    }
    if (out) {
        *out = account;
    }
    return actorFor(**record);
}

Status AccountService::validateOwner(const QString& name, const QString& password) const
{
    if (Status st = auth::checkAccountName(name); !st) {
        return st;
    }
    return auth::checkNewPassword(password, name, m_shop + QLatin1Char(':') + name);
}

Result<Account> AccountService::createOwner(const QString& name, const QString& password)
{
    if (Status st = validateOwner(name, password); !st) {
        return st.error();
    }
    auto existing = m_accounts.list();
    if (!existing) {
        return existing.error();
    }
    if (!existing->empty()) {
        return Error::invalid(QStringLiteral("This store already has its main account."));
    }
    AccountRecord record;
    record.account.name = name;
    record.account.roles = {auth::kOwnerRole};
    record.account.createdAt = m_clock.now();
    auto hash = hashPassword(password);
    if (!hash) {
        return hash.error();
    }
    record.passwordHash = *hash;
    auto id = m_accounts.create(record, {m_audit.entry(fullName(name), QStringLiteral("account.create"), fullName(name),
                                                       QStringLiteral("owner"))});
    if (!id) {
        return id.error();
    }
    record.account.id = *id;
    return record.account;
}

Result<std::vector<Account>> AccountService::list(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::AccountList); !st) {
        return st.error();
    }
    return m_accounts.list();
}

Status AccountService::checkAssignable(const auth::Actor& actor, const QStringList& roles, auth::Operation operation,
                                       const QString& target)
{
    if (roles.isEmpty()) {
        return Error::invalid(QStringLiteral("Give the account at least one role."));
    }
    if (roles.contains(auth::kOwnerRole)) {
        return m_gate.refuse(actor, operation, fullName(target),
                             QStringLiteral("The owner role belongs to the main account alone."));
    }
    auto granted = m_roles.permissionsOf(roles);
    if (!granted) {
        return granted.error();
    }
    const auth::PermissionSet extra = granted->minus(actor.permissions);
    if (!extra.empty()) {
        return m_gate.refuse(actor, operation, fullName(target),
                             QStringLiteral("%1 may only assign roles made of permissions it holds itself; these "
                                            "roles would also grant: %2.")
                                 .arg(actor.fullName(), extra.keys().join(QStringLiteral(", "))));
    }
    return {};
}

Result<Account> AccountService::create(const auth::Actor& actor, const NewAccount& request)
{
    if (Status st = m_gate.check(actor, auth::Operation::AccountCreate); !st) {
        return st.error();
    }
    auto name = shortName(request.name);
    if (!name) {
        return name.error();
    }
    if (Status st = auth::checkAccountName(*name); !st) {
        return st.error();
    }
    auto existing = m_accounts.find(*name);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return Error::invalid((*existing)->account.isDeleted()
                                  ? QStringLiteral("The name %1 belonged to a deleted account and stays reserved so "
                                                   "that its history remains attributed. Choose another name.")
                                        .arg(fullName(*name))
                                  : QStringLiteral("The account %1 already exists.").arg(fullName(*name)));
    }
    if (Status st = checkAssignable(actor, request.roles, auth::Operation::AccountCreate, *name); !st) {
        return st.error();
    }
    if (Status st = auth::checkNewPassword(request.password, *name, fullName(*name)); !st) {
        return st.error();
    }
    if (!request.group.trimmed().isEmpty()) {
        auto groups = m_routing.groups();
        if (!groups) {
            return groups.error();
        }
        if (std::none_of(groups->begin(), groups->end(),
                         [&](const routing::GroupConfig& g) { return g.name == request.group.trimmed(); })) {
            return Error::notFound(QStringLiteral("There is no routing group '%1' (a supervisor creates groups on the "
                                                  "routing page, or: shopdeskctl routing group set NAME --limit N).")
                                       .arg(request.group.trimmed()));
        }
    }
    if (request.receptionLimit && (*request.receptionLimit < 1 || *request.receptionLimit > kMaxReceptionLimit)) {
        return Error::invalid(QStringLiteral("The reception limit must be from 1 to %1.").arg(kMaxReceptionLimit));
    }
    AccountRecord record;
    record.account.name = *name;
    record.account.roles = request.roles;
    record.account.group = request.group.trimmed();
    record.account.receptionLimit = request.receptionLimit;
    record.account.createdAt = m_clock.now();
    auto hash = hashPassword(request.password);
    if (!hash) {
        return hash.error();
    }
    record.passwordHash = *hash;
    QString detail = rolesText(request.roles);
    if (!record.account.group.isEmpty()) {
        detail += QStringLiteral(" group=") + record.account.group;
    }
    if (request.receptionLimit) {
        detail += QStringLiteral(" limit=%1").arg(*request.receptionLimit);
    }
    auto id = m_accounts.create(record, {audit(actor, "account.create", *name, detail)});
    if (!id) {
        return id.error();
    }
    record.account.id = *id;
    return record.account;
}

Result<AccountRecord> AccountService::manageable(const auth::Actor& actor, const QString& target,
                                                 auth::Operation operation, const char* verb)
{
    if (Status st = m_gate.check(actor, operation); !st) {
        return st.error();
    }
    auto name = shortName(target);
    if (!name) {
        return name.error();
    }
    auto record = m_accounts.find(*name);
    if (!record) {
        return record.error();
    }
    if (!*record || (*record)->account.isDeleted()) {
        return Error::notFound(QStringLiteral("There is no account %1.").arg(fullName(*name)));
    }
    const Account& account = (*record)->account;
    if (account.isOwner()) {
        return m_gate.refuse(actor, operation, fullName(*name),
                             QStringLiteral("The main account cannot be %1 by anyone else.").arg(QLatin1String(verb)));
    }
    auto targetPermissions = m_roles.permissionsOf(account.roles);
    if (!targetPermissions) {
        return targetPermissions.error();
    }
    const auth::PermissionSet extra = targetPermissions->minus(actor.permissions);
    if (!extra.empty()) {
        return m_gate.refuse(actor, operation, fullName(*name),
                             QStringLiteral("%1 may only manage accounts whose permissions it holds itself; %2 also "
                                            "has: %3.")
                                 .arg(actor.fullName(), fullName(*name), extra.keys().join(QStringLiteral(", "))));
    }
    return **record;
}

Result<qint64> AccountService::changeOwnPassword(const auth::Actor& actor, const QString& currentPassword,
                                                 const QString& newPassword)
{
    auto record = m_accounts.findById(actor.id);
    if (!record) {
        return record.error();
    }
    if (!*record || (*record)->account.isDeleted()) {
        return Error::notFound(QStringLiteral("There is no account %1.").arg(actor.fullName()));
    }
    if (!m_hasher.verify((*record)->passwordHash, currentPassword)) {
        // Someone at an unlocked desk guessing: it counts toward the lockout like a failed login.
        if (Status st = countFailure(&**record, actor.fullName(), "password.change.failed"); !st) {
            return st.error();
        }
        return Error::notAllowed(QCoreApplication::translate("AccountService", "The current password is wrong."));
    }
    if (Status st = auth::checkNewPassword(newPassword, actor.name, actor.fullName()); !st) {
        return st.error();
    }
    if (m_hasher.verify((*record)->passwordHash, newPassword)) {
        return Error::invalid(QStringLiteral("Choose a password different from the current one."));
    }
    auto hash = hashPassword(newPassword);
    if (!hash) {
        return hash.error();
    }
    AccountChange change;
    change.passwordHash = *hash;
    change.mustChangePassword = false;
    change.endSessions = true;
    return m_accounts.update(actor.id, change, {audit(actor, "password.change", actor.name)});
}

Status AccountService::resetPassword(const auth::Actor& actor, const QString& target, const QString& newPassword)
{
    auto record = manageable(actor, target, auth::Operation::AccountResetPassword, "reset");
    if (!record) {
        return record.error();
    }
    if (record->account.id == actor.id) {
        return Error::invalid(QStringLiteral("Change your own password with your current one (account passwd)."));
    }
    if (Status st = auth::checkNewPassword(newPassword, record->account.name, fullName(record->account.name)); !st) {
        return st;
    }
    auto hash = hashPassword(newPassword);
    if (!hash) {
        return hash.error();
    }
    AccountChange change;
    change.passwordHash = *hash;
    change.mustChangePassword = true;
    change.clearLock = true;
    change.endSessions = true;
    auto saved = m_accounts.update(record->account.id, change, {audit(actor, "password.reset", record->account.name)});
    return saved ? Status() : Status(saved.error());
}

Status AccountService::setRoles(const auth::Actor& actor, const QString& target, const QStringList& roles)
{
    auto record = manageable(actor, target, auth::Operation::AccountSetRoles, "demoted");
    if (!record) {
        return record.error();
    }
    if (Status st = checkAssignable(actor, roles, auth::Operation::AccountSetRoles, record->account.name); !st) {
        return st;
    }
    AccountChange change;
    change.roles = roles;
    auto saved =
        m_accounts.update(record->account.id, change,
                          {audit(actor, "account.roles", record->account.name,
                                 rolesText(record->account.roles) + QStringLiteral(" -> ") + rolesText(roles))});
    return saved ? Status() : Status(saved.error());
}

Status AccountService::setDisabled(const auth::Actor& actor, const QString& target, bool disabled)
{
    auto record = manageable(actor, target, disabled ? auth::Operation::AccountDisable : auth::Operation::AccountEnable,
                             disabled ? "disabled" : "enabled");
    if (!record) {
        return record.error();
    }
    if (record->account.id == actor.id) {
        return Error::invalid(QStringLiteral("You cannot disable or enable your own account."));
    }
    AccountChange change;
    change.disabled = disabled;
    change.endSessions = disabled;
    auto saved =
        m_accounts.update(record->account.id, change,
                          {audit(actor, disabled ? "account.disable" : "account.enable", record->account.name)});
    return saved ? Status() : Status(saved.error());
}

Status AccountService::unlock(const auth::Actor& actor, const QString& target)
{
    auto record = manageable(actor, target, auth::Operation::AccountUnlock, "unlocked");
    if (!record) {
        return record.error();
    }
    AccountChange change;
    change.clearLock = true;
    auto saved = m_accounts.update(record->account.id, change, {audit(actor, "account.unlock", record->account.name)});
    return saved ? Status() : Status(saved.error());
}

Status AccountService::remove(const auth::Actor& actor, const QString& target, bool confirmed)
{
    auto record = manageable(actor, target, auth::Operation::AccountDelete, "deleted");
    if (!record) {
        return record.error();
    }
    if (record->account.id == actor.id) {
        return Error::invalid(QStringLiteral("You cannot delete your own account."));
    }
    if (!confirmed) {
        return Error::usage(QStringLiteral("Deleting %1 is irreversible; confirm it explicitly (--yes).")
                                .arg(fullName(record->account.name)));
    }
    AccountChange change;
    change.deletedAt = m_clock.now();
    change.disabled = true;
    change.roles = QStringList();
    change.passwordHash = QByteArray();
    change.endSessions = true;
    auto saved =
        m_accounts.update(record->account.id, change,
                          {audit(actor, "account.delete", record->account.name, rolesText(record->account.roles))});
    return saved ? Status() : Status(saved.error());
}

Result<std::vector<auth::Role>> AccountService::grantableRoles(const auth::Actor& actor)
{
    auto roles = m_roles.all();
    if (!roles) {
        return roles.error();
    }
    std::vector<auth::Role> out;
    for (const auth::Role& r : *roles) {
        if (r.name != auth::kOwnerRole && r.permissions.isSubsetOf(actor.permissions)) {
            out.push_back(r);
        }
    }
    return out;
}

} // namespace shopdesk
