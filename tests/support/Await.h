#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>

#include <gtest/gtest.h>

namespace shopdesk::test {

/// Runs the event loop until `future` is ready (continuations and retry timers need it) and
/// returns its result; fails the test after `timeoutMs`.
template <typename T>
T await(QFuture<T> future, int timeoutMs = 10'000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    EXPECT_TRUE(future.isFinished()) << "the future did not finish within " << timeoutMs << " ms";
    if (!future.isFinished()) {
        return T();
    }
    return future.result();
}

} // namespace shopdesk::test
