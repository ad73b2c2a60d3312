#pragma once

#include "auth/Actor.h"
#include "auth/Operation.h"
#include "core/Clock.h"
#include "crypto/PasswordHasher.h"
#include "services/accounts/AccountRepository.h"
#include "services/accounts/RoleCatalog.h"

namespace shopdesk {

class AccessGate;
class AuditLog;
class RoutingRepository;
class SettingsRepository;

/// Sub-accounts: login with lockout, creation, passwords, roles, disable/enable, delete. Every
/// operation is checked by the access gate and the no-escalation rules, and audited.
class AccountService {
public:
    static constexpr int kMaxReceptionLimit = shopdesk::kMaxReceptionLimit;

    /// `throttleKey` keys the hash under which failed logins of unknown names are counted.
    AccountService(AccountRepository& accounts, RoleCatalog& roles, AccessGate& gate, AuditLog& audit,
                   SettingsRepository& settings, RoutingRepository& routing, const Clock& clock,
                   const crypto::PasswordHasher& hasher, QString shopName, QByteArray throttleKey);

    /// Unknown name, wrong password, disabled and locked all answer the same sentence after the same
    /// Argon2 work; a disabled or locked account is named only to whoever typed its password. The
    /// actor may have to change its password first (Actor::mustChangePassword).
    Result<auth::Actor> login(const QString& name, const QString& password);
    /// A login in two halves, so that the Argon2 work may run on another thread (a server serving
    /// many desks): the stored hash to check the password against (a decoy's for an unknown name),
    /// then the outcome once it is known whether the password matched. login() is both in turn.
    struct LoginAttempt {
        QString typed;
        std::optional<AccountRecord> record; ///< a live account of that name
        QByteArray hash;
    };
    Result<LoginAttempt> beginLogin(const QString& name);
    Result<auth::Actor> finishLogin(const LoginAttempt& attempt, const QString& password, bool passwordMatched);
    const crypto::PasswordHasher& hasher() const { return m_hasher; }
    /// The account's authority now, for a session that logged in at `epoch`: SessionEnded (with the
    /// reason) when it was deleted, disabled, locked or its password changed since.
    /// `account`, when given, receives the account as read (its group and limit, for the mirror).
    Result<auth::Actor> authority(AccountId id, qint64 epoch, Account* account = nullptr);
    /// The main account of a new store (shopdeskctl init); refused when any account exists.
    Result<Account> createOwner(const QString& name, const QString& password);
    /// The checks createOwner makes on the name and password, without writing anything.
    Status validateOwner(const QString& name, const QString& password) const;

    Result<std::vector<Account>> list(const auth::Actor& actor);
    Result<Account> create(const auth::Actor& actor, const NewAccount& account);
    /// A wrong current password counts toward the lockout like a failed login. Returns the account's
    /// new epoch (the calling session goes on with it; every other session of the account ends).
    Result<qint64> changeOwnPassword(const auth::Actor& actor, const QString& currentPassword,
                                     const QString& newPassword);
    /// An administrator's reset: the account must choose a new password at its next login.
    Status resetPassword(const auth::Actor& actor, const QString& target, const QString& newPassword);
    Status setRoles(const auth::Actor& actor, const QString& target, const QStringList& roles);
    Status setDisabled(const auth::Actor& actor, const QString& target, bool disabled);
    /// Lifts a lockout after failed logins (the account stays enabled or disabled as it was).
    Status unlock(const auth::Actor& actor, const QString& target);
    /// Irreversible: `confirmed` must be true. The name stays reserved so that history and sales
    /// remain attributed to it.
    Status remove(const auth::Actor& actor, const QString& target, bool confirmed);

    Result<LoginPolicy> loginPolicy();
    Status setLoginPolicy(const auth::Actor& actor, const LoginPolicy& policy);

    /// Roles the actor may assign: those whose permissions it holds itself (never owner).
    Result<std::vector<auth::Role>> grantableRoles(const auth::Actor& actor);

    /// "shop:name" or "name" to the short name; NotFound for another shop's account.
    Result<QString> shortName(const QString& name) const;
    QString fullName(const QString& shortName) const { return m_shop + QLatin1Char(':') + shortName; }
    /// Account names in one canonical form: the short name of "shop:name" or "name", trimmed.
    QString canonicalName(const QString& name) const;
    const QString& shop() const { return m_shop; }

private:
    Result<auth::Actor> actorFor(const AccountRecord& record);
    /// A hash that costs what a real one does, for names that are no account.
    const QByteArray& decoyHash() const;
    /// Counts a failed login of `record` (or, when null, of the typed name) and audits it.
    Status countFailure(const AccountRecord* record, const QString& typed, const char* action);
    Result<QByteArray> hashPassword(const QString& password) const;
    /// The target of an administrative operation, after the gate, the owner protection and the
    /// subset rule.
    Result<AccountRecord> manageable(const auth::Actor& actor, const QString& target, auth::Operation operation,
                                     const char* verb);
    /// Checks that `roles` exist, exclude owner, and grant nothing the actor lacks.
    Status checkAssignable(const auth::Actor& actor, const QStringList& roles, auth::Operation operation,
                           const QString& target);
    AuditEntry audit(const auth::Actor& actor, const char* action, const QString& target, const QString& detail = {});

    AccountRepository& m_accounts;
    RoleCatalog& m_roles;
    AccessGate& m_gate;
    AuditLog& m_audit;
    SettingsRepository& m_settings;
    RoutingRepository& m_routing;
    const Clock& m_clock;
    const crypto::PasswordHasher& m_hasher;
    QString m_shop;
    QByteArray m_throttleKey;
    mutable QByteArray m_decoy;
};

} // namespace shopdesk
