#pragma once

#include "core/Result.h"
#include "session/ShopSession.h"

#include <QFuture>

#include <memory>

namespace shopdesk::session {

/// How a desktop or shopdeskctl reaches a team server.
struct ServerOptions {
    /// HOST:PORT of shopdesk-server.
    QString server;
    /// The server certificate's SHA-256 fingerprint; empty: the one remembered for this server,
    /// else trusted on first use (and remembered).
    QString fingerprint;
    /// Where fingerprints trusted on first use are kept (empty: the user's ShopDesk data directory).
    QString knownServersFile;
    /// This desktop's cache of what it was working on (drafts kept across a restart; empty: the
    /// user's ShopDesk data directory).
    QString cacheDir;
    /// Unencrypted, for tests on this PC only.
    bool plain = false;
    int timeoutMs = 15000;
    /// How long a reply written offline waits for the link (0: the protocol's lease, 120 s).
    qint64 offlineLeaseMs = 0;
    /// A desktop keeps a copy of what its account read (sealed with its password) and, when
    /// the server cannot be reached at login, opens that copy offline (DeskCache). A
    /// command-line program does neither.
    bool keepCopy = false;
    /// The language the server's sentences come in: the desktop's ("zh_CN" or "en"); a command
    /// line speaks English.
    QString language = QStringLiteral("en");
};

/// A shop on a team server: the server holds the gate, the data and the shop's platform; the
/// session is a client that mirrors what the server pushes.
class RemoteShop {
public:
    /// Connects, logs in and fetches what the account may read; resolves on the calling thread
    /// (whose event loop must run). `trustNote`, when given, receives the sentence said when the
    /// server's certificate was trusted on first use.
    static QFuture<Result<std::shared_ptr<ShopSession>>> login(const ServerOptions& options, const QString& name,
                                                               const QString& password, QString* trustNote = nullptr);
    /// The same, waiting in a local event loop (a command-line program).
    static Result<std::shared_ptr<ShopSession>> loginNow(const ServerOptions& options, const QString& name,
                                                         const QString& password, QString* trustNote = nullptr);
};

} // namespace shopdesk::session
