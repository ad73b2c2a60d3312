#include "services/actions/ActionRunner.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"

#include <QCoreApplication>

namespace shopdesk {

ActionRunner::ActionRunner(platform::ShopPlatform& platform, AccessGate& gate, AuditLog& audit,
                           platform::RetryPolicy retry)
    : m_platform(platform)
    , m_gate(gate)
    , m_audit(audit)
    , m_retry(retry)
{
}

bool ActionRunner::supports(platform::Capability capability) const
{
    return platform::has(m_platform.capabilities(), capability);
}

bool ActionRunner::permitted(const auth::Actor& actor, auth::Operation operation)
{
    return actor.id.isValid() && actor.can(auth::operationInfo(operation).required);
}

Status ActionRunner::check(const auth::Actor& actor, auth::Operation operation)
{
    return m_gate.check(actor, operation);
}

Status ActionRunner::admit(const auth::Actor& actor, auth::Operation operation, platform::Capability capability)
{
    if (Status st = m_gate.check(actor, operation); !st) {
        return st;
    }
    if (!supports(capability)) {
        const auth::OperationInfo& info = auth::operationInfo(operation);
        return Error::invalid(QCoreApplication::translate("ActionRunner", "The %1 platform does not offer this: %2.")
                                  .arg(m_platform.name(), QString::fromUtf8(info.en).toLower()));
    }
    return {};
}

QFuture<Status> ActionRunner::ungated(std::function<QFuture<platform::PlatformStatus>()> call)
{
    return platform::withRetry<std::monostate>(&m_context, m_retry, std::move(call))
        .then(&m_context, [](platform::PlatformStatus r) { return r.isOk() ? Status() : Status(r.error->toError()); });
}

QFuture<Status> ActionRunner::run(const auth::Actor& actor, const Action& action,
                                  const std::function<Status()>& validate,
                                  std::function<QFuture<platform::PlatformStatus>()> call)
{
    if (Status st = admit(actor, action.operation, action.capability); !st) {
        return QtFuture::makeReadyFuture(st);
    }
    if (Status st = validate ? validate() : Status(); !st) {
        return QtFuture::makeReadyFuture(st);
    }
    const QString who = actor.fullName();
    return platform::withRetry<std::monostate>(&m_context, m_retry, std::move(call))
        .then(&m_context, [this, who, action](platform::PlatformStatus r) -> Status {
            const QString name = QString::fromLatin1(auth::operationInfo(action.operation).name);
            if (!r.isOk()) {
                // Refusals by the platform are audited too: the attempt happened.
                if (action.audited) {
                    m_audit.record(m_audit.entry(who, name + QStringLiteral(".failed"), action.target,
                                                 QStringLiteral("%1; %2").arg(action.detail, r.error->sentence())));
                }
                return r.error->toError();
            }
            if (action.audited) {
                m_audit.record(m_audit.entry(who, name, action.target, action.detail));
            }
            return Status();
        });
}

} // namespace shopdesk
