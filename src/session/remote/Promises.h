#pragma once

#include <QPromise>

#include <memory>

namespace shopdesk::session {

/// A promise already started, shared by the continuations that will keep it.
template <typename T>
inline std::shared_ptr<QPromise<T>> started()
{
    auto p = std::make_shared<QPromise<T>>();
    p->start();
    return p;
}

/// Gives the promise its one value and finishes it.
template <typename T>
inline void resolve(const std::shared_ptr<QPromise<T>>& p, T value)
{
    p->addResult(std::move(value));
    p->finish();
}

} // namespace shopdesk::session
