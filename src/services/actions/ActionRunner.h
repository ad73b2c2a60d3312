#pragma once

#include "auth/Actor.h"
#include "auth/Operation.h"
#include "core/Result.h"
#include "platform/Retry.h"
#include "platform/ShopPlatform.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace shopdesk {

class AccessGate;
class AuditLog;

/// The path every action on a shop platform takes: the permission check, the adapter's
/// capability, the input and state checks, then the platform call with retries of transient
/// failures, and the audit record of the outcome. The store and the UI change only when the
/// platform's confirming event arrives through the ingest pipeline, never on the answer alone.
class ActionRunner {
public:
    ActionRunner(platform::ShopPlatform& platform, AccessGate& gate, AuditLog& audit, platform::RetryPolicy retry = {});

    struct Action {
        auth::Operation operation;
        platform::Capability capability;
        QString target; ///< order, refund or buyer, as audited
        QString detail; ///< audited; never message text or personal data
        bool audited = true;
    };

    /// Runs `action`: checks, then `validate` (state and input, may read the store), then `call`.
    QFuture<Status> run(const auth::Actor& actor, const Action& action, const std::function<Status()>& validate,
                        std::function<QFuture<platform::PlatformStatus>()> call);

    /// A call that needs no permission (an agent's own status), with retries.
    QFuture<Status> ungated(std::function<QFuture<platform::PlatformStatus>()> call);

    /// A read through the platform: permission and capability checked, transient failures retried.
    template <typename T>
    QFuture<Result<T>> read(const auth::Actor& actor, auth::Operation operation, platform::Capability capability,
                            std::function<QFuture<platform::PlatformResult<T>>()> call)
    {
        if (Status st = admit(actor, operation, capability); !st) {
            return QtFuture::makeReadyFuture(Result<T>(st.error()));
        }
        return platform::withRetry<T>(&m_context, m_retry, std::move(call))
            .then(&m_context, [](platform::PlatformResult<T> r) -> Result<T> {
                if (r.isOk()) {
                    return std::move(*r.value);
                }
                return r.error->toError();
            });
    }

    /// Whether the adapter can do it at all (the UI hides what it cannot).
    bool supports(platform::Capability capability) const;
    /// The permission check alone, without auditing a refusal (the UI asks to disable a button).
    static bool permitted(const auth::Actor& actor, auth::Operation operation);
    platform::ShopPlatform& platform() { return m_platform; }
    /// The permission check alone, a refusal audited (for reads of the store).
    Status check(const auth::Actor& actor, auth::Operation operation);
    QString platformName() const { return m_platform.name(); }

private:
    Status admit(const auth::Actor& actor, auth::Operation operation, platform::Capability capability);

    platform::ShopPlatform& m_platform;
    AccessGate& m_gate;
    AuditLog& m_audit;
    platform::RetryPolicy m_retry;
    QObject m_context; ///< continuations and retry timers run on the thread that made the runner
};

} // namespace shopdesk
