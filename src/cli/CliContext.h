#pragma once

#include "cli/Args.h"
#include "core/Result.h"

#include <QIODevice>
#include <QProcessEnvironment>
#include <QTextStream>

#include <chrono>
#include <memory>

namespace shopdesk::store {
class SqliteStore;
}

namespace shopdesk::cli {

/// Where a command reads and writes; tests pass buffers, main() passes the process's streams.
struct CliIo {
    QTextStream& out;
    QTextStream& err;
    QIODevice& in;
    QProcessEnvironment env;
};

/// What every command gets: the streams, the global options and access to the store.
class CliContext {
public:
    CliContext(CliIo& io, QString databasePath, std::chrono::milliseconds busyWait = std::chrono::seconds(30));

    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    CliIo& io() { return m_io; }
    const QString& databasePath() const { return m_databasePath; }

    /// Opens the store (creating it only when `create`). Writes wait up to `busyWait` (--wait) while
    /// another process, such as the running app, holds the write lock.
    Result<store::SqliteStore*> store(bool create = false);

    /// Prints `error` as one line on stderr and returns its exit code.
    int fail(const Error& error);
    int fail(const Status& status) { return fail(status.error()); }

private:
    CliIo& m_io;
    QString m_databasePath;
    std::chrono::milliseconds m_busyWait;
    std::unique_ptr<store::SqliteStore> m_store;
};

} // namespace shopdesk::cli
