#pragma once

#include "platform/PlatformTypes.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace shopdesk::platform {

/// How transient platform failures (rate limits, network) are retried: up to `maxAttempts` calls,
/// waiting `firstDelay`, then twice as long each time (or the platform's retry-after), at most
/// `maxDelay`. Other failures are returned at once.
struct RetryPolicy {
    int maxAttempts = 4;
    std::chrono::milliseconds firstDelay{500};
    std::chrono::milliseconds maxDelay{8000};

    /// The pause before retry number `retry` (1 = the first retry).
    std::chrono::milliseconds delayBefore(int retry, const PlatformError& error) const;
};

/// Calls `call` and retries it by `policy` without blocking: pauses are timers on `context`'s
/// thread, whose event loop must run. The future holds the last answer.
template <typename T>
QFuture<PlatformResult<T>> withRetry(QObject* context, RetryPolicy policy,
                                     std::function<QFuture<PlatformResult<T>>()> call)
{
    auto promise = std::make_shared<QPromise<PlatformResult<T>>>();
    promise->start();
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [context, policy, call, promise, weak = std::weak_ptr(attempt)](int n) {
        auto self = weak.lock(); // kept alive by the pending continuation, not by itself
        call().then(context, [context, policy, promise, self, n](PlatformResult<T> result) {
            if (!result.isOk() && result.error->transient() && n < policy.maxAttempts) {
                const auto pause = policy.delayBefore(n, *result.error);
                QTimer::singleShot(pause, context, [self, n] { (*self)(n + 1); });
                return;
            }
            promise->addResult(std::move(result));
            promise->finish();
        });
    };
    (*attempt)(1);
    return promise->future();
}

} // namespace shopdesk::platform
