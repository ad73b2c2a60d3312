#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace shopdesk::ui {

/// Runs asynchronous steps one after another (each starts when the one before succeeded), their
/// continuations on `context`'s thread; the future holds the first failure, or success.
inline QFuture<Status> runSteps(QObject* context, std::vector<std::function<QFuture<Status>()>> steps)
{
    auto all = std::make_shared<std::vector<std::function<QFuture<Status>()>>>(std::move(steps));
    auto next = std::make_shared<std::function<QFuture<Status>(std::size_t)>>();
    *next = [context, all, weak = std::weak_ptr(next)](std::size_t i) -> QFuture<Status> {
        if (i >= all->size()) {
            return QtFuture::makeReadyFuture(Status());
        }
        auto self = weak.lock();
        return (*all)[i]()
            .then(
                context,
                [self, i](Status st) -> QFuture<Status> { return st ? (*self)(i + 1) : QtFuture::makeReadyFuture(st); })
            .unwrap();
    };
    QFuture<Status> done = (*next)(0);
    // Keeps the chain alive until it has run.
    done.then(context, [next](Status) {});
    return done;
}

} // namespace shopdesk::ui
