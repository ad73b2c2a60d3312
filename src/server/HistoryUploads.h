#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/Import.h"

#include <QFuture>
#include <QJsonValue>
#include <QObject>

#include <memory>

namespace shopdesk {
class ChunkPipe;
}

namespace shopdesk::server {

class ServerBackend;

/// History files sent through the protocol (history.import.begin / .chunk / .end): the bytes go
/// into a pipe the server's import worker parses and stores in one transaction, so the file is
/// never kept whole in memory. One upload at a time on a server, tied to the connection that
/// began it: a dropped connection, or a client that stops sending, rolls it back.
class HistoryUploads {
public:
    /// The most bytes one chunk carries (before base64; a frame holds it with room to spare).
    static constexpr qsizetype kChunkBytes = 512 * 1024;

    explicit HistoryUploads(ServerBackend& backend);
    /// Rolls back an upload under way and waits for the worker to let go of it.
    ~HistoryUploads();

    /// Starts an upload for `connection`; answers its id.
    Result<QJsonValue> begin(const void* connection, const auth::Actor& actor, bool skipBad);
    /// The next chunk (`seq` counts from 0); answered when more may be sent. Each chunk and the
    /// end are judged on the account as it is then: a right taken away stops the upload.
    QFuture<Result<QJsonValue>> chunk(const void* connection, const auth::Actor& actor, const QString& id, qint64 seq,
                                      const QString& base64);
    /// The file is whole: answered with the import's report once it is stored (or refused).
    QFuture<Result<QJsonValue>> end(const void* connection, const auth::Actor& actor, const QString& id);
    /// The client gave up (it could not read its file): the upload is rolled back.
    Result<QJsonValue> cancel(const void* connection, const QString& id);
    /// The connection went: its upload is rolled back.
    void dropped(const void* connection);

private:
    struct Upload;
    /// The connection's upload `id`, while `actor` may still import (else it is rolled back).
    Result<Upload*> find(const void* connection, const auth::Actor& actor, const QString& id);
    /// The worker is done with the upload (stored, refused or rolled back).
    void finished(Upload* u, const Result<ImportReport>& r);
    /// Forgets `u` on the next turn of the loop (never inside one of its own continuations).
    void forgetLater(Upload* u);

    ServerBackend& m_backend;
    std::unique_ptr<Upload> m_current;
    QObject m_context; ///< for forgetLater (gone with this)
};

} // namespace shopdesk::server
