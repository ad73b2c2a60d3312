#pragma once

#include "auth/Actor.h"
#include "cli/Args.h"
#include "core/Result.h"

#include <QIODevice>
#include <QProcessEnvironment>
#include <QTextStream>

#include <chrono>
#include <memory>
#include <optional>

namespace shopdesk {
class Backend;
class JsonWriter;
} // namespace shopdesk

namespace shopdesk::cli {

/// Where a command reads and writes; tests pass buffers, main() passes the process's streams.
struct CliIo {
    QTextStream& out;
    QTextStream& err;
    QIODevice& in;
    QProcessEnvironment env;
};

/// What every command gets: the streams, the global options, the backend, and the acting account.
class CliContext {
public:
    struct Globals {
        QString databasePath;
        std::chrono::milliseconds busyWait{std::chrono::seconds(30)};
        std::optional<QString> actingAs;
    };

    CliContext(CliIo& io, Globals globals);
    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    CliIo& io() { return m_io; }
    const QString& databasePath() const { return m_globals.databasePath; }

    /// Opens the store and unlocks its key (creating the file only when `create`). Writes wait up to
    /// --wait while another program, such as the running app, writes.
    Result<Backend*> backend(bool create = false);

    /// Logs in as --as with SHOPDESK_PASSWORD or the first line of standard input. An account that
    /// must change its password may only do that (`passwordChangeOnly`).
    Result<auth::Actor> actor(bool passwordChangeOnly = false);
    /// The password --as logged in with.
    const QString& actingPassword() const { return m_actingPassword; }
    /// A new password: SHOPDESK_NEW_PASSWORD, else the next line of standard input.
    Result<QString> newPassword();

    /// Prints `error` as one line on stderr and returns its exit code.
    int fail(const Error& error);
    int fail(const Status& status) { return fail(status.error()); }
    void printJson(const JsonWriter& object);

private:
    std::optional<QString> readLine();

    CliIo& m_io;
    Globals m_globals;
    std::unique_ptr<Backend> m_backend;
    std::optional<auth::Actor> m_actor;
    QString m_actingPassword;
};

} // namespace shopdesk::cli
