#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPromise>

#include <map>
#include <memory>

class QWebSocket;
class QTimer;

namespace shopdesk::remote {

/// One connection to shopdesk-server speaking the team protocol: TLS with the server's certificate
/// pinned by its SHA-256 fingerprint (given, or trusted on first use and remembered), requests
/// answered through futures (never waited for on the caller's thread), pushes as signals.
class RemoteLink : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString server; ///< HOST:PORT
        /// The certificate's SHA-256 fingerprint (with or without colons); empty: the remembered
        /// one, else trust on first use.
        QString fingerprint;
        /// Where fingerprints of servers trusted on first use are kept.
        QString knownServersFile;
        /// Unencrypted, for tests: refused unless the server is on loopback.
        bool plain = false;
        int timeoutMs = 15000;
        /// The language the server answers in ("zh_CN" or "en").
        QString language = QStringLiteral("en");
    };

    explicit RemoteLink(Options options, QObject* parent = nullptr);
    ~RemoteLink() override;

    /// Connects and says hello; resolves with what the server said of itself.
    QFuture<Result<QJsonObject>> open();
    /// One request; a write gets a request key so that a retry is answered once (`rid`, when
    /// given, is the key: a write sent again on a later link under the same key is done once).
    /// `waitMs` > 0: how long the answer may take (a long import's end), instead of timeoutMs.
    QFuture<Result<QJsonValue>> call(const QString& op, QJsonObject args = {}, bool write = false,
                                     const QString& rid = {}, int waitMs = 0);
    bool isOpen() const { return m_open; }
    void close();
    /// Set when the certificate was trusted on first use: one sentence naming its fingerprint.
    const QString& trustNote() const { return m_trustNote; }

    /// "AB:CD:…" from any spelling of a fingerprint.
    static QString normalizeFingerprint(const QString& text);

signals:
    void pushed(const QString& kind, const QJsonObject& body);
    /// The connection ended (dropped, closed by the server, refused); pending calls have failed.
    void dropped(const QString& why);

private:
    using Promise = QPromise<Result<QJsonValue>>;
    void onText(const QString& frame);
    void failAll(const Error& error);
    bool checkCertificate(const QByteArray& der);

    Options m_options;
    QWebSocket* m_socket = nullptr;
    qint64 m_nextId = 0;
    std::map<qint64, std::shared_ptr<Promise>> m_pending;
    bool m_open = false;
    bool m_certificateOk = false;
    QString m_refusal;
    QString m_trustNote;
};

/// Owns a link without deleting it inside one of its own signals (a refused login, a refused
/// certificate): it goes when control is back in the event loop.
struct LaterDeleter {
    void operator()(QObject* o) const
    {
        if (o) {
            o->deleteLater();
        }
    }
};
using LinkPtr = std::unique_ptr<RemoteLink, LaterDeleter>;

} // namespace shopdesk::remote
