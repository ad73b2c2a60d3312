#include "services/auth/AccessGate.h"

#include "services/audit/AuditLog.h"

#include <QCoreApplication>

namespace shopdesk {

Status AccessGate::check(const auth::Actor& actor, auth::Operation operation)
{
    const auth::OperationInfo& info = auth::operationInfo(operation);
    if (actor.mustChangePassword) {
        // Enforced here, not by the callers: until the reset password is replaced, nothing else.
        m_audit.record(m_audit.entry(actor.fullName(), QStringLiteral("permission.denied"),
                                     QString::fromLatin1(info.name), QStringLiteral("must change password")));
        return Error::notAllowed(
            QCoreApplication::translate("AccessGate", "%1 must choose a new password first (a supervisor reset it).")
                .arg(actor.fullName()));
    }
    if (actor.id.isValid() && actor.can(info.required)) {
        return {};
    }
    const auto& perm = auth::permissionInfo(info.required);
    m_audit.record(m_audit.entry(actor.fullName(), QStringLiteral("permission.denied"), QString::fromLatin1(info.name),
                                 QStringLiteral("missing %1").arg(QString::fromLatin1(perm.key))));
    return Error::notAllowed(auth::missingPermission(actor.fullName(), operation));
}

Error AccessGate::refuse(const auth::Actor& actor, auth::Operation operation, const QString& target,
                         const QString& reason)
{
    m_audit.record(m_audit.entry(actor.fullName(), QStringLiteral("permission.denied"),
                                 QString::fromLatin1(auth::operationInfo(operation).name),
                                 target.isEmpty() ? reason : target + QStringLiteral(": ") + reason));
    return Error::notAllowed(reason);
}

} // namespace shopdesk
