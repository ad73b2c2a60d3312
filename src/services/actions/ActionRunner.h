#pragma once

#include "auth/Actor.h"
#include "auth/Operation.h"
#include "core/Result.h"
#include "platform/Retry.h"
#include "platform/ShopPlatform.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace shopdesk {

class AccessGate;
class AuditLog;

/// Who is acting, asked at the moment an action is checked (a session answers with the account's
/// current authority, or why it has none).
using ActorSource = std::function<Result<auth::Actor>()>;
/// An actor fixed in advance (tests, headless runs that just logged in).
inline ActorSource fixedActor(auth::Actor actor)
{
    return [actor = std::move(actor)]() -> Result<auth::Actor> { return actor; };
}

/// The path every action on a shop platform takes. On the runner's worker thread: the actor's
/// current authority, the permission, the adapter's capability, the input, state and ownership
/// checks, and for an audited action its audit entry, committed before anything is sent; then, on
/// the thread that made the runner, the platform call with retries of transient failures, and the
/// audit entry of a failure. Nothing of it waits on the caller's thread. The store and the UI
/// change only when the platform's confirming event arrives through the ingest pipeline, never on
/// the answer alone.
class ActionRunner {
public:
    ActionRunner(platform::ShopPlatform& platform, AccessGate& gate, AuditLog& audit, platform::RetryPolicy retry = {});
    ~ActionRunner();

    struct Action {
        auth::Operation operation;
        platform::Capability capability;
        QString target; ///< order, refund or buyer, as audited
        QString detail; ///< audited; never message text or personal data
        bool audited = true;
    };

    using Validate = std::function<Status(const auth::Actor&)>;
    using Call = std::function<QFuture<platform::PlatformStatus>(const auth::Actor&)>;

    QFuture<Status> run(ActorSource who, const Action& action, Validate validate, Call call);

    /// A call that needs no permission (an agent's own status), with retries.
    QFuture<Status> ungated(ActorSource who, std::function<QFuture<platform::PlatformStatus>(const auth::Actor&)> call);

    /// A read through the platform: authority, permission and capability checked off the caller's
    /// thread, transient failures retried.
    template <typename T>
    QFuture<Result<T>> read(ActorSource who, auth::Operation operation, platform::Capability capability,
                            std::function<QFuture<platform::PlatformResult<T>>()> call)
    {
        return checkOff([this, who, operation, capability]() -> Status {
                   auto actor = who();
                   if (!actor) {
                       return actor.error();
                   }
                   return admit(*actor, operation, capability);
               })
            .then(&m_context,
                  [this, call](Status st) -> QFuture<Result<T>> {
                      if (!st) {
                          return QtFuture::makeReadyFuture(Result<T>(st.error()));
                      }
                      return platform::withRetry<T>(&m_context, m_retry, call)
                          .then(&m_context, [](platform::PlatformResult<T> r) -> Result<T> {
                              if (r.isOk()) {
                                  return std::move(*r.value);
                              }
                              return r.error->toError();
                          });
                  })
            .unwrap();
    }

    /// Whether the adapter can do it at all (the UI hides what it cannot).
    bool supports(platform::Capability capability) const;
    /// The permission check alone, without auditing a refusal (the UI asks to disable a button).
    static bool permitted(const auth::Actor& actor, auth::Operation operation);
    platform::ShopPlatform& platform() { return m_platform; }
    /// The permission check alone, a refusal audited (for reads of the store).
    Status check(const auth::Actor& actor, auth::Operation operation);
    QString platformName() const { return m_platform.name(); }
    /// Runs `work` on the worker thread (store reads and writes that must not hold up the caller).
    QFuture<Status> checkOff(std::function<Status()> work);
    /// Records an audit entry now, waiting for its commit (worker thread only).
    Status auditNow(const auth::Actor& actor, const QString& action, const QString& target, const QString& detail);

private:
    Status admit(const auth::Actor& actor, auth::Operation operation, platform::Capability capability);

    platform::ShopPlatform& m_platform;
    AccessGate& m_gate;
    AuditLog& m_audit;
    platform::RetryPolicy m_retry;
    QThreadPool m_worker; ///< one thread: checks run in the order the actions were asked
    QObject m_context;    ///< continuations and retry timers run on the thread that made the runner
};

} // namespace shopdesk
