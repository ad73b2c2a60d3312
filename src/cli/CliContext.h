#pragma once

#include "cli/Args.h"
#include "core/Result.h"
#include "core/WaitFor.h"
#include "session/LocalShop.h"
#include "session/RemoteShop.h"
#include "session/ShopSession.h"

#include <QFuture>
#include <QIODevice>
#include <QProcessEnvironment>
#include <QTextStream>

#include <chrono>
#include <memory>
#include <optional>

namespace shopdesk {
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

/// What every command gets: the streams, the global options, the shop, and the session of the
/// acting account: everything a command reads or does goes through that session's gate.
class CliContext {
public:
    struct Globals {
        QString databasePath;
        std::chrono::milliseconds busyWait{std::chrono::seconds(30)};
        std::optional<QString> actingAs;
        /// Team mode: every command goes through this shopdesk-server (HOST:PORT).
        std::optional<session::ServerOptions> server;
    };

    CliContext(CliIo& io, Globals globals);
    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    CliIo& io() { return m_io; }
    const QString& databasePath() const { return m_globals.databasePath; }
    /// Whether commands go through a team server (--server).
    bool remote() const { return m_globals.server.has_value(); }

    /// Opens the store and unlocks its key (creating the file only when `create`). Writes wait up to
    /// --wait while another program, such as the running app, writes. `inspectDamagedAudit`: open a
    /// store whose audit log does not match its anchor (to verify or re-anchor it).
    Result<session::LocalShop*> shop(bool create = false, bool inspectDamagedAudit = false);

    /// Logs in as --as with SHOPDESK_PASSWORD or the first line of standard input. An account that
    /// must change its password may only do that (`passwordChangeOnly`).
    Result<session::ShopSession*> session(bool passwordChangeOnly = false, bool inspectDamagedAudit = false);
    /// The password --as logged in with.
    const QString& actingPassword() const { return m_actingPassword; }
    /// A new password: SHOPDESK_NEW_PASSWORD, else the next line of standard input.
    Result<QString> newPassword();
    /// "shop:name" for a short account name of this shop.
    QString fullName(const QString& shortName) const;
    /// The short name of "shop:name" or "name".
    static QString shortName(const QString& name);

    /// Prints `error` as one line on stderr and returns its exit code.
    int fail(const Error& error);
    int fail(const Status& status) { return fail(status.error()); }
    void printJson(const JsonWriter& object);

    /// The outcome of an action (the command waits for it, running the event loop: the session
    /// continues some work on this thread, as the workbench's does).
    template <typename T>
    static T wait(QFuture<T> future)
    {
        return waitFor(std::move(future));
    }

private:
    std::optional<QString> readLine();

    CliIo& m_io;
    Globals m_globals;
    std::unique_ptr<session::LocalShop> m_shop;
    std::shared_ptr<session::ShopSession> m_session;
    QString m_actingPassword;
};

} // namespace shopdesk::cli
