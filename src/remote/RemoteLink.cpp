#include "remote/RemoteLink.h"

#include "crypto/Random.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace shopdesk::remote {

namespace {

QString fingerprintOfDer(const QByteArray& der)
{
    return RemoteLink::normalizeFingerprint(
        QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex()));
}

QJsonObject readKnown(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool loopbackHost(const QString& host)
{
    return host == u"localhost" || QHostAddress(host).isLoopback();
}

} // namespace

QString RemoteLink::normalizeFingerprint(const QString& text)
{
    QString hex;
    for (QChar ch : text) {
        if (ch.isLetterOrNumber()) {
            hex += ch.toUpper();
        }
    }
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2) {
        pairs << hex.mid(i, 2);
    }
    return pairs.join(QLatin1Char(':'));
}

RemoteLink::RemoteLink(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

RemoteLink::~RemoteLink()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    failAll(Error::busy(
        QCoreApplication::translate("shopdesk::remote::RemoteLink", "The connection to the server was closed.")));
}

void RemoteLink::close()
{
    if (m_socket) {
        m_socket->close();
    }
}

bool RemoteLink::checkCertificate(const QByteArray& der)
{
    const QString seen = fingerprintOfDer(der);
    QString expected = normalizeFingerprint(m_options.fingerprint);
    const QJsonObject known =
        m_options.knownServersFile.isEmpty() ? QJsonObject() : readKnown(m_options.knownServersFile);
    if (expected.isEmpty()) {
        expected = known.value(m_options.server).toString();
    }
    if (expected.isEmpty()) {
        // Trust on first use: remembered, and said once.
        if (!m_options.knownServersFile.isEmpty()) {
            QJsonObject updated = known;
            updated.insert(m_options.server, seen);
            QDir().mkpath(QFileInfo(m_options.knownServersFile).absolutePath());
            QSaveFile f(m_options.knownServersFile);
            if (f.open(QIODevice::WriteOnly)) {
                f.write(QJsonDocument(updated).toJson());
                f.commit();
            }
        }
        m_trustNote =
            QCoreApplication::translate("shopdesk::remote::RemoteLink",
                                        "First connection to %1: trusting its certificate with SHA-256 fingerprint %2 "
                                        "(remembered; compare it with what shopdesk-server init printed).")
                .arg(m_options.server, seen);
        return true;
    }
    if (seen != expected) {
        m_refusal = QCoreApplication::translate(
                        "shopdesk::remote::RemoteLink",
                        "The server %1 showed a certificate with fingerprint %2, not the expected %3: the "
                        "connection was refused. If the server's certificate was replaced on purpose, "
                        "give the new fingerprint with --server-fingerprint.")
                        .arg(m_options.server, seen, expected);
        return false;
    }
    return true;
}

QFuture<Result<QJsonObject>> RemoteLink::open()
{
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    QFuture<Result<QJsonObject>> future = promise->future();
    auto finish = [promise](Result<QJsonObject> r) {
        if (!promise->future().isFinished()) {
            promise->addResult(std::move(r));
            promise->finish();
        }
    };
    const int colon = m_options.server.lastIndexOf(QLatin1Char(':'));
    const QString host = colon > 0 ? m_options.server.left(colon) : QString();
    bool portOk = false;
    const int port = colon > 0 ? m_options.server.mid(colon + 1).toInt(&portOk) : 0;
    if (host.isEmpty() || !portOk || port <= 0 || port > 65535) {
        finish(Error::usage(QCoreApplication::translate(
            "shopdesk::remote::RemoteLink", "The server address must be HOST:PORT, e.g. 192.168.1.20:7443.")));
        return future;
    }
    if (m_options.plain && !loopbackHost(host)) {
        finish(Error::usage(QCoreApplication::translate(
            "shopdesk::remote::RemoteLink", "An unencrypted connection is allowed only to a server on this PC.")));
        return future;
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(protocol::kMaxSocketMessageBytes * 2);
    // Whole messages in one frame: Qt 6.4 checks UTF-8 per fragment, and a Chinese character cut
    // between two fragments would make the server close the connection (1007).
    m_socket->setOutgoingFrameSize(protocol::kMaxSocketMessageBytes);
    if (!m_options.plain) {
        // No certificate authority is trusted: every certificate reaches the pin check below.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_socket->setSslConfiguration(tls);
        connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& e : errors) {
                if (!e.certificate().isNull()) {
                    if (checkCertificate(e.certificate().toDer())) {
                        m_certificateOk = true;
                        m_socket->ignoreSslErrors();
                    }
                    return;
                }
            }
            m_refusal =
                QCoreApplication::translate("shopdesk::remote::RemoteLink", "The server %1 showed no certificate.")
                    .arg(m_options.server);
        });
    }
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteLink::onText);
    connect(m_socket, &QWebSocket::disconnected, this, [this, finish] {
        const bool wasOpen = m_open;
        m_open = false;
        QString why = m_refusal;
        if (why.isEmpty()) {
            why = m_socket->closeReason().isEmpty()
                      ? QCoreApplication::translate("shopdesk::remote::RemoteLink",
                                                    "The connection to the server %1 dropped.")
                            .arg(m_options.server)
                      : QCoreApplication::translate("shopdesk::remote::RemoteLink",
                                                    "The server %1 closed the connection (%2).")
                            .arg(m_options.server, m_socket->closeReason());
        }
        failAll(Error::busy(why));
        finish(Error::busy(why));
        if (wasOpen) {
            emit dropped(why);
        }
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, finish](QAbstractSocket::SocketError) {
                const QString why = !m_refusal.isEmpty() ? m_refusal
                                                         : QCoreApplication::translate("shopdesk::remote::RemoteLink",
                                                                                       "Cannot reach the server %1: %2")
                                                               .arg(m_options.server, m_socket->errorString());
                finish(Error::busy(why));
            });
    connect(m_socket, &QWebSocket::connected, this, [this, finish] {
        m_open = true;
        call(QStringLiteral("hello"),
             {{QStringLiteral("client"), QStringLiteral("shopdesk")}, {QStringLiteral("language"), m_options.language}})
            .then(this, [finish](Result<QJsonValue> r) {
                if (!r) {
                    finish(r.error());
                } else {
                    finish(r->toObject());
                }
            });
    });
    QTimer::singleShot(m_options.timeoutMs, this, [this, finish] {
        finish(Error::busy(
            QCoreApplication::translate("shopdesk::remote::RemoteLink", "The server %1 did not answer within %2 s.")
                .arg(m_options.server)
                .arg(m_options.timeoutMs / 1000)));
    });
    QUrl url;
    url.setScheme(m_options.plain ? QStringLiteral("ws") : QStringLiteral("wss"));
    url.setHost(host);
    url.setPort(port);
    m_socket->open(url);
    return future;
}

QFuture<Result<QJsonValue>> RemoteLink::call(const QString& op, QJsonObject args, bool write, const QString& rid,
                                             int waitMs)
{
    auto promise = std::make_shared<Promise>();
    promise->start();
    QFuture<Result<QJsonValue>> future = promise->future();
    if (!m_socket || !m_open) {
        promise->addResult(
            Error::busy(QCoreApplication::translate("shopdesk::remote::RemoteLink", "Not connected to the server.")));
        promise->finish();
        return future;
    }
    protocol::Request r;
    r.id = ++m_nextId;
    r.op = op;
    r.args = std::move(args);
    if (write) {
        r.rid = rid.isEmpty() ? QString::fromLatin1(crypto::randomBytes(12).toHex()) : rid;
    }
    m_pending.emplace(r.id, promise);
    m_socket->sendTextMessage(QString::fromUtf8(protocol::encodeRequest(r)));
    const qint64 id = r.id;
    const int wait = waitMs > 0 ? waitMs : m_options.timeoutMs;
    QTimer::singleShot(wait, this, [this, id, wait] {
        auto it = m_pending.find(id);
        if (it != m_pending.end()) {
            auto p = it->second;
            m_pending.erase(it);
            p->addResult(Error::busy(
                QCoreApplication::translate("shopdesk::remote::RemoteLink", "The server did not answer within %1 s.")
                    .arg(wait / 1000)));
            p->finish();
        }
    });
    return future;
}

void RemoteLink::onText(const QString& frame)
{
    auto parsed = protocol::parseServerFrame(frame);
    if (auto* push = std::get_if<protocol::Push>(&parsed)) {
        emit pushed(push->kind, push->body);
        return;
    }
    if (std::holds_alternative<protocol::FrameError>(parsed)) {
        return; // counted by nobody: a broken server frame is dropped
    }
    const auto& a = std::get<protocol::Answer>(parsed);
    auto it = m_pending.find(a.id);
    if (it == m_pending.end()) {
        return;
    }
    auto p = it->second;
    m_pending.erase(it);
    p->addResult(a.ok ? Result<QJsonValue>(a.result) : Result<QJsonValue>(a.error));
    p->finish();
}

void RemoteLink::failAll(const Error& error)
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& [id, p] : pending) {
        p->addResult(error);
        p->finish();
    }
}

} // namespace shopdesk::remote
