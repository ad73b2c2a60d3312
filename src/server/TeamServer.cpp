#include "server/TeamServer.h"

#include "core/Logging.h"
#include "crypto/PasswordHasher.h"
#include "pg/PgConnection.h"
#include "pg/PgStore.h"
#include "server/HistoryUploads.h"
#include "server/RequestLanguage.h"
#include "server/ServerBackend.h"
#include "server/ShopRouter.h"
#include "server/TeamServerClient.h"
#include "services/accounts/AccountService.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <QWebSocketServer>
#include <QtConcurrent/QtConcurrentRun>

namespace shopdesk::server {

namespace {

constexpr std::size_t kAnswersKept = 256;

auto log()
{
    return logging::get("server");
}

} // namespace

TeamServer::TeamServer(ServerBackend& backend, Options options, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(std::move(options))
    , m_sessions(backend.store())
    , m_chats(backend.store())
{
    // Each check holds Argon2's memory (19 MiB): two at a time, the rest wait their turn.
    m_logins.setMaxThreadCount(2);
    m_uploads = std::make_unique<HistoryUploads>(backend);
    registerOps();
    registerChatOps();
    registerOrderOps();
}

TeamServer::~TeamServer()
{
    m_logins.waitForDone();
    for (auto& [socket, client] : m_clients) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

Status TeamServer::start()
{
    if (m_options.plain && !m_options.address.isLoopback()) {
        return Error::usage(QStringLiteral("Plain (unencrypted) connections are allowed only on a loopback address; "
                                           "give --tls-cert and --tls-key or listen on 127.0.0.1."));
    }
    if (Status st = RequestLanguage::install(); !st) {
        return st;
    }
    m_server = std::make_unique<QWebSocketServer>(QStringLiteral("shopdesk-server"),
                                                  m_options.plain ? QWebSocketServer::NonSecureMode
                                                                  : QWebSocketServer::SecureMode);
    if (!m_options.plain) {
        QFile certFile(m_options.tls.certificate);
        QFile keyFile(m_options.tls.key);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            return Error::notFound(QStringLiteral("Cannot read the TLS certificate %1 or its key %2.")
                                       .arg(m_options.tls.certificate, m_options.tls.key));
        }
        QSslCertificate cert(&certFile, QSsl::Pem);
        QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            keyFile.seek(0);
            key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
        }
        if (cert.isNull() || key.isNull()) {
            return Error::invalid(QStringLiteral("The TLS certificate or key is not valid PEM."));
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(cert);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        m_server->setSslConfiguration(tls);
    }
    if (!m_server->listen(m_options.address, m_options.port)) {
        return Error::busy(QStringLiteral("Cannot listen on %1:%2: %3")
                               .arg(m_options.address.toString())
                               .arg(m_options.port)
                               .arg(m_server->errorString()));
    }
    connect(m_server.get(), &QWebSocketServer::newConnection, this, &TeamServer::accept);
    if (Status st = listenForChanges(); !st) {
        return st;
    }
    auto* sweep = new QTimer(this);
    connect(sweep, &QTimer::timeout, this, &TeamServer::sweepIdle);
    sweep->start(30'000);
    log()->info("serving on {}:{} ({})", m_options.address.toString().toStdString(), port(),
                m_options.plain ? "plain, loopback" : "TLS");
    return {};
}

quint16 TeamServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void TeamServer::accept()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        socket->setMaxAllowedIncomingMessageSize(protocol::kMaxSocketMessageBytes);
        socket->setMaxAllowedIncomingFrameSize(protocol::kMaxSocketMessageBytes);
        auto client = std::make_unique<Client>();
        client->socket = socket;
        client->lastActivityMs = m_backend.clock().now().ms();
        ++m_counters.connections;
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString& frame) { onText(socket, frame); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray&) {
            auto it = m_clients.find(socket);
            if (it != m_clients.end()) {
                refuse(*it->second, 0, QString::fromLatin1(protocol::codes::kProtocol),
                       QCoreApplication::translate("shopdesk::server",
                                                   "Binary frames are not part of the ShopDesk protocol."));
            }
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_uploads->dropped(socket);
            m_clients.erase(socket);
            socket->deleteLater();
        });
        m_clients.emplace(socket, std::move(client));
    }
}

void TeamServer::send(Client& c, const QByteArray& frame)
{
    if (!c.closing) {
        c.socket->sendTextMessage(QString::fromUtf8(frame));
    }
}

void TeamServer::refuse(Client& c, qint64 id, const QString& code, const QString& message)
{
    ++m_counters.refusedFrames;
    send(c, protocol::encodeError(id, code, message));
}

void TeamServer::onText(QWebSocket* socket, const QString& frame)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end() || it->second->closing) {
        return;
    }
    Client& c = *it->second;
    ++m_counters.requests;
    auto parsed = protocol::parseRequest(frame);
    if (auto* bad = std::get_if<protocol::FrameError>(&parsed)) {
        refuse(c, bad->id, bad->code, bad->message);
        return;
    }
    const protocol::Request& r = std::get<protocol::Request>(parsed);
    if (r.id <= c.lastId) {
        refuse(c, r.id, QString::fromLatin1(protocol::codes::kReplay),
               QStringLiteral("Request %1 repeats or goes back from request %2 on this connection; refused.")
                   .arg(r.id)
                   .arg(c.lastId));
        return;
    }
    c.lastId = r.id;
    c.lastActivityMs = m_backend.clock().now().ms();
    handle(c, r);
}

void TeamServer::handle(Client& c, const protocol::Request& r)
{
    if (r.op == u"hello") {
        c.language = RequestLanguage::normalise(r.args.value(QStringLiteral("language")).toString());
    }
    // What the services say while answering comes in the connection's language.
    RequestLanguage::Scope scope(c.language);
    if (!c.greeted && r.op != u"hello") {
        refuse(c, r.id, QString::fromLatin1(protocol::codes::kProtocol),
               QCoreApplication::translate("shopdesk::server", "The first request on a connection must be hello."));
        return;
    }
    Result<QJsonValue> answer = Error::internal(QString());
    if (r.op == u"hello") {
        answer = hello(c, r);
        if (!answer && !c.greeted) {
            send(c,
                 protocol::encodeError(r.id, QString::fromLatin1(protocol::codes::kVersion), answer.error().message));
            ++m_counters.refusedFrames;
            c.closing = true;
            c.socket->close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("protocol version"));
            return;
        }
    } else if (r.op == u"login") {
        login(c, r);
        return;
    } else if (r.op == u"resume") {
        answer = resume(c, r);
    } else if (!c.authenticated()) {
        refuse(c, r.id, QString::fromLatin1(protocol::codes::kUnauthenticated),
               QCoreApplication::translate("shopdesk::server", "Log in first (login or resume)."));
        return;
    } else if (r.op == u"subscribe") {
        answer = subscribe(c, r);
    } else {
        auto op = m_ops.find(r.op);
        if (op == m_ops.end()) {
            refuse(c, r.id, QString::fromLatin1(protocol::codes::kUnknownOp),
                   QCoreApplication::translate("shopdesk::server", "The server does not know the operation '%1'.")
                       .arg(r.op.left(64)));
            return;
        }
        if (op->second.writes && !r.rid.isEmpty()) {
            for (const auto& [rid, first] : m_answered[c.account.value()]) {
                if (rid == r.rid) {
                    // A retry of a write that was done: the first answer again, nothing done twice.
                    send(c, protocol::encodeAnswer(r.id, first));
                    return;
                }
            }
        }
        auto actor = actorFor(c);
        if (!actor) {
            send(c, protocol::encodeError(r.id, actor.error()));
            return;
        }
        if (op->second.runAsync) {
            const QString rid = op->second.writes ? r.rid : QString();
            const qint64 account = c.account.value();
            if (!rid.isEmpty()) {
                auto [waiting, first] = m_inFlight.try_emplace({account, rid});
                waiting->second.emplace_back(c.socket, r.id);
                if (!first) {
                    return; // the same write again while the first is on its way: answered with it
                }
            }
            op->second.runAsync(c, r, *actor)
                .then(this, [this, socket = c.socket, id = r.id, rid, account](Result<QJsonValue> a) {
                    std::vector<std::pair<QWebSocket*, qint64>> askers{{socket, id}};
                    if (!rid.isEmpty()) {
                        remember(account, rid, a);
                        auto node = m_inFlight.extract({account, rid});
                        if (!node.empty()) {
                            askers = std::move(node.mapped());
                        }
                    }
                    for (const auto& [s, requestId] : askers) {
                        auto it = m_clients.find(s);
                        if (it != m_clients.end()) {
                            send(*it->second, protocol::encodeAnswer(requestId, a));
                        }
                    }
                });
            return;
        }
        answer = op->second.run(c, r, *actor);
        if (op->second.writes && !r.rid.isEmpty()) {
            remember(c.account.value(), r.rid, answer);
        }
    }
    if (c.closing) {
        return;
    }
    send(c, protocol::encodeAnswer(r.id, answer));
}

void TeamServer::remember(qint64 account, const QString& rid, const Result<QJsonValue>& answer)
{
    auto& answered = m_answered[account];
    answered.emplace_back(rid, answer);
    while (answered.size() > kAnswersKept) {
        answered.pop_front();
    }
}

Result<QJsonValue> TeamServer::hello(Client& c, const protocol::Request& r)
{
    if (r.version != protocol::kVersion) {
        return Error::usage(
            QCoreApplication::translate(
                "shopdesk::server",
                "This program speaks version %1 of the ShopDesk team protocol and the server speaks version "
                "%2; install the same ShopDesk version on both.")
                .arg(r.version)
                .arg(protocol::kVersion));
    }
    c.greeted = true;
    // What the desks may offer: what this server serves, of what the shop's platform can do.
    using C = platform::Capability;
    platform::Capabilities served =
        platform::capabilities({C::Chat, C::ChatTransfer, C::ChatClose, C::AgentStatus, C::BuyerProfile, C::Orders,
                                C::Remark, C::ModifyAddress, C::ModifyPrice, C::Refunds, C::RefundDecide, C::Logistics,
                                C::ReviewReply, C::OrderCard, C::TeamStatus});
    if (m_router && m_router->leading()) {
        served &= m_router->capabilities();
    }
    return QJsonValue(QJsonObject{{QStringLiteral("protocol"), protocol::kVersion},
                                  {QStringLiteral("shop"), m_backend.shop().name},
                                  {QStringLiteral("platform"), m_backend.shop().platform},
                                  {QStringLiteral("timeZone"), QString::fromUtf8(m_backend.shop().timeZone.id())},
                                  {QStringLiteral("capabilities"), QString::fromStdString(served.to_string())}});
}

void TeamServer::login(Client& c, const protocol::Request& r)
{
    const QString name = r.args.value(QStringLiteral("name")).toString();
    const QString password = r.args.value(QStringLiteral("password")).toString();
    if (name.isEmpty()) {
        send(c, protocol::encodeAnswer(r.id, Error::usage(QStringLiteral("login needs a name and a password."))));
        return;
    }
    auto attempt = m_backend.accounts().beginLogin(name);
    if (!attempt) {
        send(c, protocol::encodeAnswer(r.id, attempt.error()));
        return;
    }
    const crypto::PasswordHasher& hasher = m_backend.accounts().hasher();
    QtConcurrent::run(&m_logins, [&hasher, hash = attempt->hash, password] {
        return hasher.verify(hash, password);
    }).then(this, [this, socket = c.socket, id = r.id, attempt = std::move(*attempt), password](bool matched) {
        auto it = m_clients.find(socket);
        const bool gone = it == m_clients.end() || it->second->closing;
        RequestLanguage::Scope scope(gone ? QString() : it->second->language);
        // Counted even when the connection went meanwhile: hanging up is no way around the lockout.
        auto actor = m_backend.accounts().finishLogin(attempt, password, matched);
        if (gone) {
            return;
        }
        Client& client = *it->second;
        send(client,
             protocol::encodeAnswer(id, actor ? established(client, *actor) : Result<QJsonValue>(actor.error())));
    });
}

Result<QJsonValue> TeamServer::established(Client& c, const auth::Actor& actor)
{
    auto token = m_sessions.create(actor.id, actor.epoch, m_backend.clock().now());
    if (!token) {
        return token.error();
    }
    c.tokenHash = SessionStore::hashOf(*token);
    c.account = actor.id;
    c.epoch = actor.epoch;
    auto identity = identityFor(c);
    if (!identity) {
        return identity.error();
    }
    return QJsonValue(
        QJsonObject{{QStringLiteral("token"), *token}, {QStringLiteral("identity"), protocol::toJson(*identity)}});
}

Result<QJsonValue> TeamServer::resume(Client& c, const protocol::Request& r)
{
    const QString token = r.args.value(QStringLiteral("token")).toString();
    auto session = m_sessions.find(token);
    if (!session) {
        return Error::sessionEnded(session.error().message);
    }
    if (session->ended) {
        return Error::sessionEnded(
            QCoreApplication::translate("shopdesk::server", "This session was ended (%1); log in again.")
                .arg(session->endReason.isEmpty() ? QStringLiteral("logged out") : session->endReason));
    }
    const qint64 idleMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_options.idleExpiry).count();
    if (m_backend.clock().now().ms() - session->lastSeen.ms() > idleMs) {
        (void)m_sessions.end(session->tokenHash, QStringLiteral("idle"), m_backend.clock().now());
        return Error::sessionEnded(
            QCoreApplication::translate("shopdesk::server",
                                        "The session expired after %1 minutes without activity; log in "
                                        "again.")
                .arg(m_options.idleExpiry.count()));
    }
    c.tokenHash = session->tokenHash;
    c.account = session->account;
    c.epoch = session->epoch;
    auto identity = identityFor(c);
    if (!identity) {
        c.tokenHash.clear();
        return identity.error();
    }
    (void)m_sessions.touch(c.tokenHash, m_backend.clock().now());
    return QJsonValue(QJsonObject{{QStringLiteral("identity"), protocol::toJson(*identity)}});
}

Result<QJsonValue> TeamServer::subscribe(Client& c, const protocol::Request& r)
{
    // Subscribed first, then caught up: nothing committed meanwhile can fall between the two, and
    // the client drops what it sees twice.
    c.subscribed = true;
    auto head = m_backend.store().lastChange();
    if (!head) {
        return head.error();
    }
    // Without `after`: from now on (nothing to catch up).
    const qint64 after = r.args.contains(QStringLiteral("after"))
                             ? static_cast<qint64>(r.args.value(QStringLiteral("after")).toDouble())
                             : *head;
    c.lastPushedSeq = std::max<qint64>(0, after);
    auto rows = m_backend.store().read<std::vector<QByteArray>>("catch up", [&](pg::PgTx& tx) {
        auto q = tx.q("SELECT seq, kind, payload::text FROM changes WHERE shop_id = $1 AND seq > $2 AND seq <= $3 "
                      "ORDER BY seq",
                      {tx.shop(), pg::param(c.lastPushedSeq), pg::param(*head)});
        std::vector<QByteArray> out;
        for (int i = 0; i < q.rows(); ++i) {
            out.push_back(protocol::encodePush(
                QStringLiteral("change"),
                {{QStringLiteral("seq"), static_cast<double>(q.integer(i, 0))},
                 {QStringLiteral("kind"), q.text(i, 1)},
                 {QStringLiteral("payload"), QJsonDocument::fromJson(q.text(i, 2).toUtf8()).object()}}));
        }
        return out;
    });
    if (!rows) {
        return rows.error();
    }
    for (const QByteArray& push : *rows) {
        send(c, push);
        ++m_counters.pushes;
    }
    c.lastPushedSeq = std::max(c.lastPushedSeq, *head);
    return QJsonValue(QJsonObject{{QStringLiteral("head"), static_cast<double>(*head)}});
}

Result<auth::Actor> TeamServer::actorFor(Client& c)
{
    auto actor = m_backend.accounts().authority(c.account, c.epoch);
    if (!actor && actor.error().code == ErrorCode::SessionEnded) {
        endSession(c, actor.error().message);
    }
    return actor;
}

Result<protocol::IdentityWire> TeamServer::identityFor(Client& c)
{
    Account account;
    auto actor = m_backend.accounts().authority(c.account, c.epoch, &account);
    if (!actor) {
        return actor.error();
    }
    protocol::IdentityWire i;
    i.accountId = actor->id.value();
    i.shop = actor->shop;
    i.name = actor->name;
    i.permissions = actor->permissions.keys();
    i.owner = actor->owner;
    i.mustChangePassword = actor->mustChangePassword;
    i.group = account.group;
    i.receptionLimit = account.receptionLimit;
    c.identity = i;
    return i;
}

void TeamServer::endSession(Client& c, const QString& reason, const QString& stored)
{
    if (c.closing) {
        return;
    }
    (void)m_sessions.end(c.tokenHash, stored, m_backend.clock().now());
    send(c, protocol::encodePush(QStringLiteral("ended"), {{QStringLiteral("reason"), reason}}));
    ++m_counters.pushes;
    c.closing = true;
    c.tokenHash.clear();
    QWebSocket* socket = c.socket;
    // The push goes out first; then the connection closes.
    QTimer::singleShot(0, socket,
                       [socket] { socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("ended")); });
}

Status TeamServer::listenForChanges()
{
    auto c = pg::PgConnection::open(m_options.pgUrl);
    if (!c) {
        return c.error();
    }
    m_listen = std::move(*c);
    if (Status st = m_listen->exec("LISTEN shopdesk_changes"); !st) {
        return st;
    }
    auto head = m_backend.store().lastChange();
    if (!head) {
        return head.error();
    }
    m_fanned = *head;
    m_notifier = std::make_unique<QSocketNotifier>(m_listen->socket(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &TeamServer::onNotification);
    // A dropped LISTEN link is noticed and caught up by this poll (NOTIFY keeps nothing for a
    // connection that was away).
    m_poll = new QTimer(this);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (!m_listen->isOpen()) {
            if (m_listen->reset().ok() && m_listen->exec("LISTEN shopdesk_changes").ok()) {
                m_notifier = std::make_unique<QSocketNotifier>(m_listen->socket(), QSocketNotifier::Read);
                connect(m_notifier.get(), &QSocketNotifier::activated, this, &TeamServer::onNotification);
            }
        }
        fanOut();
    });
    m_poll->start(1000);
    return {};
}

void TeamServer::onNotification()
{
    if (!m_listen->notifications().empty()) {
        fanOut();
    }
}

void TeamServer::fanOut()
{
    auto rows =
        m_backend.store().read<std::vector<std::tuple<qint64, QString, QByteArray>>>("read changes", [&](pg::PgTx& tx) {
            auto q = tx.q("SELECT seq, kind, payload::text FROM changes WHERE shop_id = $1 AND seq > $2 ORDER BY seq "
                          "LIMIT 1000",
                          {tx.shop(), pg::param(m_fanned)});
            std::vector<std::tuple<qint64, QString, QByteArray>> out;
            for (int i = 0; i < q.rows(); ++i) {
                out.emplace_back(q.integer(i, 0), q.text(i, 1), q.text(i, 2).toUtf8());
            }
            return out;
        });
    if (!rows || rows->empty()) {
        return;
    }
    bool authority = false;
    bool routing = false;
    bool settings = false;
    for (const auto& [seq, kind, payload] : *rows) {
        settings = settings || kind == u"settings";
        authority = authority || kind == u"account" || kind == u"role";
        routing = routing || kind == u"account" || kind == u"routing";
        const QByteArray push = protocol::encodePush(
            QStringLiteral("change"), {{QStringLiteral("seq"), static_cast<double>(seq)},
                                       {QStringLiteral("kind"), kind},
                                       {QStringLiteral("payload"), QJsonDocument::fromJson(payload).object()}});
        for (auto& [socket, client] : m_clients) {
            if (client->subscribed && client->authenticated() && seq > client->lastPushedSeq) {
                send(*client, push);
                client->lastPushedSeq = seq;
                ++m_counters.pushes;
            }
        }
        m_fanned = seq;
    }
    if (authority) {
        recheckSessions();
    }
    if (routing && m_router) {
        m_router->routingChanged();
    }
    if (settings && m_router) {
        m_router->settingsChanged();
    }
}

int TeamServer::subscriberCount() const
{
    int n = 0;
    for (const auto& [socket, client] : m_clients) {
        n += client->subscribed ? 1 : 0;
    }
    return n;
}

void TeamServer::recheckSessions()
{
    for (auto& [socket, client] : m_clients) {
        Client& c = *client;
        if (!c.authenticated() || c.closing) {
            continue;
        }
        RequestLanguage::Scope scope(c.language);
        const protocol::IdentityWire before = c.identity;
        auto now = identityFor(c);
        if (!now) {
            if (now.error().code == ErrorCode::SessionEnded) {
                endSession(c, now.error().message);
            }
            continue;
        }
        if (protocol::toJson(before) != protocol::toJson(*now)) {
            send(c, protocol::encodePush(QStringLiteral("identity"),
                                         {{QStringLiteral("identity"), protocol::toJson(*now)}}));
            ++m_counters.pushes;
        }
    }
}

void TeamServer::sweepIdle()
{
    const qint64 now = m_backend.clock().now().ms();
    const qint64 idleMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_options.idleExpiry).count();
    for (auto& [socket, client] : m_clients) {
        Client& c = *client;
        RequestLanguage::Scope scope(c.language);
        if (c.authenticated() && !c.closing) {
            if (now - c.lastActivityMs > idleMs) {
                endSession(
                    c,
                    QCoreApplication::translate("shopdesk::server",
                                                "The session expired after %1 minutes without activity; log in again.")
                        .arg(m_options.idleExpiry.count()),
                    QStringLiteral("idle"));
            } else {
                (void)m_sessions.touch(c.tokenHash, m_backend.clock().now());
            }
        }
    }
}

} // namespace shopdesk::server
