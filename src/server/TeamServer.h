#pragma once

#include "core/Result.h"
#include "protocol/Codec.h"
#include "protocol/Protocol.h"
#include "server/ChatQueries.h"
#include "server/SessionStore.h"
#include "server/TlsIdentity.h"

#include <QFuture>
#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <deque>
#include <map>
#include <memory>

class QSocketNotifier;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace shopdesk::auth {
struct Actor;
}

namespace shopdesk::pg {
class PgConnection;
}

namespace shopdesk::server {

class HistoryUploads;
class ServerBackend;
class ShopRouter;

/// shopdesk-server's front: a WebSocket endpoint (TLS unless plain on loopback was asked for)
/// that speaks the team protocol, holds the gate (every request is decided on the account's
/// current state), and pushes the shop's change sequence and every authority change to its
/// clients: a disabled account's connections end within a second.
class TeamServer : public QObject {
    Q_OBJECT
public:
    struct Options {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;
        /// Unencrypted: refused unless `address` is loopback (tests).
        bool plain = false;
        TlsFiles tls;
        /// For the LISTEN connection (the server's own PostgreSQL session).
        QString pgUrl;
        std::chrono::minutes idleExpiry{8 * 60};
    };
    struct Counters {
        qint64 connections = 0;
        qint64 requests = 0;
        qint64 refusedFrames = 0;
        qint64 pushes = 0;
    };

    TeamServer(ServerBackend& backend, Options options, QObject* parent = nullptr);
    ~TeamServer() override;

    Status start();
    /// The shop's router, when this instance may route (chat operations go through it).
    void setRouter(ShopRouter* router) { m_router = router; }
    quint16 port() const;
    const Counters& counters() const { return m_counters; }
    int clientCount() const { return static_cast<int>(m_clients.size()); }
    /// Connections that follow the change stream now.
    int subscriberCount() const;

private:
    struct Client;
    using Handler = std::function<Result<QJsonValue>(Client&, const protocol::Request&, const auth::Actor&)>;
    /// An operation that waits on the platform: answered when it answers, the loop never held.
    using AsyncHandler =
        std::function<QFuture<Result<QJsonValue>>(Client&, const protocol::Request&, const auth::Actor&)>;
    struct Op {
        Handler run;
        bool writes = false; ///< answered at most once per request key
        AsyncHandler runAsync;
    };

    void accept();
    void onText(QWebSocket* socket, const QString& frame);
    void refuse(Client& c, qint64 id, const QString& code, const QString& message);
    void send(Client& c, const QByteArray& frame);
    void handle(Client& c, const protocol::Request& r);
    Result<QJsonValue> hello(Client& c, const protocol::Request& r);
    /// The password's Argon2 check runs on a worker (m_logins): the server goes on serving the
    /// other desks meanwhile; the answer goes to the connection if it is still there.
    void login(Client& c, const protocol::Request& r);
    /// The session a login made: its token, and the identity for the mirror.
    Result<QJsonValue> established(Client& c, const auth::Actor& actor);
    Result<QJsonValue> resume(Client& c, const protocol::Request& r);
    Result<QJsonValue> subscribe(Client& c, const protocol::Request& r);
    /// The actor for a request on `c`, from the account's state now; ends the connection's
    /// session when the account may no longer be logged in.
    Result<auth::Actor> actorFor(Client& c);
    Result<protocol::IdentityWire> identityFor(Client& c);
    /// Ends the connection's session: recorded with `stored` ("account", "idle"), `reason` pushed.
    void endSession(Client& c, const QString& reason, const QString& stored = QStringLiteral("account"));
    void registerOps();
    void registerChatOps();
    void registerOrderOps();
    void remember(qint64 account, const QString& rid, const Result<QJsonValue>& answer);

    Status listenForChanges();
    void onNotification();
    /// Pushes the changes after the last one fanned out, and re-checks every session after an
    /// account or role change.
    void fanOut();
    void recheckSessions();
    void sweepIdle();

    ServerBackend& m_backend;
    Options m_options;
    SessionStore m_sessions;
    ChatQueries m_chats;
    ShopRouter* m_router = nullptr;
    std::unique_ptr<QWebSocketServer> m_server;
    std::map<QWebSocket*, std::unique_ptr<Client>> m_clients;
    std::map<QString, Op> m_ops;
    /// Answers of writes by request key, per account (a retry is told the first answer).
    std::map<qint64, std::deque<std::pair<QString, Result<QJsonValue>>>> m_answered;
    /// Writes on their way (account, request key) and who else asked for the same one meanwhile
    /// (a desk that retried on a new link): each is answered with the one outcome.
    std::map<std::pair<qint64, QString>, std::vector<std::pair<QWebSocket*, qint64>>> m_inFlight;
    std::unique_ptr<pg::PgConnection> m_listen;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer* m_poll = nullptr;
    qint64 m_fanned = 0;
    Counters m_counters;
    std::unique_ptr<HistoryUploads> m_uploads; ///< history.import.* (one at a time)
    /// Password checks (last: its threads are done before anything they answer to goes).
    QThreadPool m_logins;
};

} // namespace shopdesk::server
