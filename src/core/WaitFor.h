#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

namespace shopdesk {

/// Waits for `future` in a local event loop (a command-line program, a test): what continues on
/// this thread meanwhile (a link's answers, a session's continuations) still runs. Never on a
/// desktop's GUI thread.
inline void waitDone(QFuture<void> future)
{
    if (future.isFinished()) {
        return;
    }
    QEventLoop loop;
    QFutureWatcher<void> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished()) {
        loop.exec();
    }
}

/// waitDone, then the result.
template <typename T>
T waitFor(QFuture<T> future)
{
    waitDone(QFuture<void>(future));
    return future.result();
}

} // namespace shopdesk
