#include "core/InstanceLock.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace shopdesk {

InstanceLock::InstanceLock(std::unique_ptr<QLockFile> lock)
    : m_lock(std::move(lock))
{
}

InstanceLock::~InstanceLock()
{
    m_lock->unlock();
}

Result<std::unique_ptr<InstanceLock>> InstanceLock::acquire(const QString& databasePath)
{
    const QString lockPath = QFileInfo(databasePath).absoluteFilePath() + QStringLiteral(".lock");
    auto lock = std::make_unique<QLockFile>(lockPath);
    // A live holder keeps its lock forever; only a lock whose process is gone counts as stale.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        return std::unique_ptr<InstanceLock>(new InstanceLock(std::move(lock)));
    }
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        return Error::invalid(QCoreApplication::translate("InstanceLock",
                                                          "ShopDesk is already running on this database (process %1). "
                                                          "Switch to that window, or start with --db to open another "
                                                          "database.")
                                  .arg(pid));
    }
    return Error::internal(
        QCoreApplication::translate("InstanceLock", "Cannot create the lock file %1 (permission denied or disk full).")
            .arg(lockPath));
}

} // namespace shopdesk
