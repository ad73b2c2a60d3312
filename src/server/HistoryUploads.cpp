#include "server/HistoryUploads.h"

#include "core/ChunkPipe.h"
#include "protocol/Codec.h"
#include "server/OpAnswers.h"
#include "server/ServerBackend.h"
#include "services/auth/AccessGate.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

namespace shopdesk::server {

namespace {

/// A client silent this long (neither sending nor waiting for an answer) has given up.
constexpr int kIdleMs = 120'000;

/// The end's answer: the import's report, or why there is none.
Result<QJsonValue> reportAnswer(const Result<ImportReport>& r)
{
    if (!r) {
        return r.error();
    }
    return QJsonValue(protocol::toJson(*r));
}

Error noUpload(const QString& id)
{
    return Error::notFound(
        QCoreApplication::translate("shopdesk::server", "No history upload '%1' is under way on this connection.")
            .arg(id.left(40)));
}

} // namespace

struct HistoryUploads::Upload {
    const void* connection = nullptr;
    QString id;
    QString by; ///< the account's name, for the sentence a second upload gets
    qint64 nextSeq = 0;
    bool ended = false;   ///< the client sent the end
    bool dropped = false; ///< the client is gone (or gave up)
    std::unique_ptr<ChunkPipe> pipe = std::make_unique<ChunkPipe>();
    QFuture<Result<ImportReport>> done;
    std::optional<Result<ImportReport>> result;            ///< once the worker is done
    std::optional<QPromise<Result<QJsonValue>>> endAnswer; ///< the end's, while the worker is not
    QObject context;                                       ///< the continuations' (they go with the upload)
    QTimer idle;
};

HistoryUploads::HistoryUploads(ServerBackend& backend)
    : m_backend(backend)
{
}

HistoryUploads::~HistoryUploads()
{
    if (m_current) {
        const QString why =
            QCoreApplication::translate("shopdesk::server", "The server is stopping; nothing was imported.");
        m_current->pipe->abort(why);
        m_current->done.waitForFinished();
        if (m_current->endAnswer) {
            m_current->endAnswer->addResult(Error::busy(why));
            m_current->endAnswer->finish();
        }
    }
}

Result<QJsonValue> HistoryUploads::begin(const void* connection, const auth::Actor& actor, bool skipBad)
{
    if (m_current) {
        return Error::busy(QStringLiteral("%1 is importing a history file on this server; try again when it is done.")
                               .arg(m_current->by));
    }
    auto upload = std::make_unique<Upload>();
    upload->connection = connection;
    upload->by = actor.name;
    quint64 random[2];
    QRandomGenerator::system()->fillRange(random);
    upload->id = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(random), sizeof random).toHex());
    upload->done = m_backend.importHistory(actor, *upload->pipe, skipBad);
    if (upload->done.isFinished() && !upload->done.result()) {
        return upload->done.result().error(); // refused at the gate: no upload
    }
    Upload* u = upload.get();
    upload->idle.setSingleShot(true);
    upload->idle.setInterval(kIdleMs);
    QObject::connect(&upload->idle, &QTimer::timeout, &upload->context, [this, u] {
        u->dropped = true;
        if (u->result) {
            forgetLater(u);
        } else {
            u->pipe->abort(QCoreApplication::translate(
                "shopdesk::server", "The history file stopped arriving for two minutes; nothing was imported."));
        }
    });
    upload->idle.start();
    upload->done.then(&upload->context, [this, u](const Result<ImportReport>& r) { finished(u, r); });
    m_current = std::move(upload);
    return QJsonValue(QJsonObject{{QStringLiteral("upload"), u->id},
                                  {QStringLiteral("chunkBytes"), static_cast<qint64>(kChunkBytes)}});
}

void HistoryUploads::finished(Upload* u, const Result<ImportReport>& r)
{
    u->result = r;
    u->pipe->abort(
        QCoreApplication::translate("shopdesk::server", "The import has ended.")); // a chunk waiting for room is let go
    if (u->endAnswer) {
        u->endAnswer->addResult(reportAnswer(r));
        u->endAnswer->finish();
        forgetLater(u);
    } else if (u->dropped) {
        forgetLater(u);
    } else {
        u->idle.start(); // kept for the client to hear why, for as long as it stays silent
    }
}

void HistoryUploads::forgetLater(Upload* u)
{
    QTimer::singleShot(0, &m_context, [this, u] {
        if (m_current.get() == u) {
            m_current.reset();
        }
    });
}

Result<HistoryUploads::Upload*> HistoryUploads::find(const void* connection, const auth::Actor& actor,
                                                     const QString& id)
{
    if (!m_current || m_current->connection != connection || m_current->id != id || m_current->ended ||
        m_current->dropped) {
        return noUpload(id);
    }
    if (Status st = m_backend.gate().check(actor, auth::Operation::HistoryImport); !st) {
        dropped(connection);
        return st.error();
    }
    return m_current.get();
}

QFuture<Result<QJsonValue>> HistoryUploads::chunk(const void* connection, const auth::Actor& actor, const QString& id,
                                                  qint64 seq, const QString& base64)
{
    auto found = find(connection, actor, id);
    if (!found) {
        return readyAnswer(found.error());
    }
    Upload* u = *found;
    if (u->result) {
        // The worker stopped before the file's end: the client hears why, and the upload goes.
        u->dropped = true;
        forgetLater(u);
        return readyAnswer(*u->result ? Error::invalid(QCoreApplication::translate(
                                            "shopdesk::server", "The import ended before the file did; nothing "
                                                                "more is taken."))
                                      : u->result->error());
    }
    auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QString wrong;
    if (seq != u->nextSeq) {
        wrong =
            QStringLiteral("Chunk %1 of the history file arrived where chunk %2 was expected; nothing was imported.")
                .arg(seq)
                .arg(u->nextSeq);
    } else if (!decoded) {
        wrong = QCoreApplication::translate("shopdesk::server",
                                            "A chunk of the history file is not base64; nothing was imported.");
    } else if (decoded.decoded.size() > kChunkBytes) {
        wrong = QCoreApplication::translate("shopdesk::server",
                                            "A chunk of the history file is larger than %1 KiB; nothing was imported.")
                    .arg(kChunkBytes / 1024);
    }
    if (!wrong.isEmpty()) {
        u->dropped = true;
        u->pipe->abort(wrong);
        return readyAnswer(Error::invalid(wrong));
    }
    ++u->nextSeq;
    u->idle.stop(); // waiting for room is the server's time, not the client's
    return u->pipe->push(std::move(decoded.decoded)).then(&u->context, [u]() -> Result<QJsonValue> {
        if (!u->result) {
            u->idle.start();
        }
        return QJsonValue(true);
    });
}

QFuture<Result<QJsonValue>> HistoryUploads::end(const void* connection, const auth::Actor& actor, const QString& id)
{
    auto found = find(connection, actor, id);
    if (!found) {
        return readyAnswer(found.error());
    }
    Upload* u = *found;
    u->ended = true;
    u->idle.stop();
    if (u->result) {
        forgetLater(u);
        return readyAnswer(reportAnswer(*u->result));
    }
    u->pipe->finish();
    u->endAnswer.emplace();
    u->endAnswer->start();
    return u->endAnswer->future();
}

Result<QJsonValue> HistoryUploads::cancel(const void* connection, const QString& id)
{
    if (!m_current || m_current->connection != connection || m_current->id != id) {
        return noUpload(id);
    }
    dropped(connection);
    return QJsonValue(true);
}

void HistoryUploads::dropped(const void* connection)
{
    if (m_current && m_current->connection == connection) {
        m_current->dropped = true;
        m_current->pipe->abort(
            QCoreApplication::translate("shopdesk::server", "The connection dropped; nothing was imported."));
        if (m_current->result) {
            forgetLater(m_current.get());
        }
    }
}

} // namespace shopdesk::server
