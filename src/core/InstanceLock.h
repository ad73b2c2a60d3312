#pragma once

#include "core/Result.h"

#include <QLockFile>

#include <memory>

namespace shopdesk {

/// Keeps a second ShopDesk *app* off a database another app instance has open. A lock file beside
/// the database (<db>.lock) holds the owner's PID; a lock left by a crashed process is taken over.
/// shopdeskctl does not take it: it works beside the app through SQLite's own locking.
class InstanceLock {
public:
    /// Takes the lock for `databasePath`, or explains who holds it.
    static Result<std::unique_ptr<InstanceLock>> acquire(const QString& databasePath);

    ~InstanceLock();
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;

private:
    explicit InstanceLock(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace shopdesk
