#include "services/actions/ActionRunner.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"

#include <QCoreApplication>
#include <QtConcurrent>

namespace shopdesk {

ActionRunner::ActionRunner(platform::ShopPlatform& platform, AccessGate& gate, AuditLog& audit,
                           platform::RetryPolicy retry)
    : m_platform(platform)
    , m_gate(gate)
    , m_audit(audit)
    , m_retry(retry)
{
    m_worker.setMaxThreadCount(1);
    m_worker.setObjectName(QStringLiteral("actions"));
}

ActionRunner::~ActionRunner()
{
    m_worker.waitForDone();
}

bool ActionRunner::supports(platform::Capability capability) const
{
    return platform::has(m_platform.capabilities(), capability);
}

bool ActionRunner::permitted(const auth::Actor& actor, auth::Operation operation)
{
    return actor.id.isValid() && !actor.mustChangePassword && actor.can(auth::operationInfo(operation).required);
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

QFuture<Status> ActionRunner::checkOff(std::function<Status()> work)
{
    return QtConcurrent::run(&m_worker, std::move(work));
}

Status ActionRunner::auditNow(const auth::Actor& actor, const QString& action, const QString& target,
                              const QString& detail)
{
    return m_audit.recordNow(m_audit.entry(actor.fullName(), action, target, detail));
}

QFuture<Status> ActionRunner::ungated(ActorSource who,
                                      std::function<QFuture<platform::PlatformStatus>(const auth::Actor&)> call)
{
    auto actor = std::make_shared<Result<auth::Actor>>();
    return checkOff([who, actor]() -> Status {
               *actor = who();
               return *actor ? Status() : Status(actor->error());
           })
        .then(&m_context,
              [this, call, actor](Status st) -> QFuture<Status> {
                  if (!st) {
                      return QtFuture::makeReadyFuture(st);
                  }
                  const auth::Actor a = **actor;
                  return platform::withRetry<std::monostate>(&m_context, m_retry, [call, a] { return call(a); })
                      .then(&m_context, [](platform::PlatformStatus r) {
                          return r.isOk() ? Status() : Status(r.error->toError());
                      });
              })
        .unwrap();
}

QFuture<Status> ActionRunner::run(ActorSource who, const Action& action, Validate validate, Call call)
{
    auto actor = std::make_shared<Result<auth::Actor>>();
    const QString name = QString::fromLatin1(auth::operationInfo(action.operation).name);
    return checkOff([this, who, action, validate, actor, name]() -> Status {
               *actor = who();
               if (!*actor) {
                   return actor->error();
               }
               if (Status st = admit(**actor, action.operation, action.capability); !st) {
                   return st;
               }
               if (Status st = validate ? validate(**actor) : Status(); !st) {
                   return st;
               }
               if (action.audited) {
                   // Stored before the platform hears of it: an action that cannot be audited is not done.
                   if (Status st = auditNow(**actor, name, action.target, action.detail); !st) {
                       return Error::internal(QCoreApplication::translate(
                                                  "ActionRunner", "Not done: the audit log could not record it (%1).")
                                                  .arg(st.error().message));
                   }
               }
               return {};
           })
        .then(&m_context,
              [this, call, action, actor, name](Status st) -> QFuture<Status> {
                  if (!st) {
                      return QtFuture::makeReadyFuture(st);
                  }
                  const auth::Actor a = **actor;
                  return platform::withRetry<std::monostate>(&m_context, m_retry, [call, a] { return call(a); })
                      .then(&m_context, [this, action, a, name](platform::PlatformStatus r) -> Status {
                          if (r.isOk()) {
                              return {};
                          }
                          if (action.audited) {
                              // The attempt is on record already; this says how it ended.
                              m_audit.record(
                                  m_audit.entry(a.fullName(), name + QStringLiteral(".failed"), action.target,
                                                QStringLiteral("%1; %2").arg(action.detail, r.error->sentence())));
                          }
                          return r.error->toError();
                      });
              })
        .unwrap();
}

} // namespace shopdesk
