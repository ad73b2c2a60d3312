#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"
#include "domain/Ids.h"

#include <QByteArray>

#include <optional>

namespace shopdesk::pg {
class PgStore;
}

namespace shopdesk::server {

/// A server-side login session as stored (only the SHA-256 of its token is kept).
struct StoredSession {
    QByteArray tokenHash;
    AccountId account;
    qint64 epoch = 0;
    Timestamp lastSeen;
    bool ended = false;
    QString endReason;
};

/// Login sessions in PostgreSQL, shared by every server instance: a 256-bit random token handed
/// to the client once, idle expiry, revocation (an account change that ends sessions ends its
/// rows in the same transaction).
class SessionStore {
public:
    explicit SessionStore(pg::PgStore& store)
        : m_store(store)
    {
    }

    /// A new session; returns the token (base64url, 43 characters), never stored or logged.
    Result<QString> create(AccountId account, qint64 epoch, Timestamp now);
    /// The session of a token; NotFound when there is none (a guessed or foreign token).
    Result<StoredSession> find(const QString& token);
    /// Records activity (at most once a minute per session is written).
    Status touch(const QByteArray& tokenHash, Timestamp now);
    Status end(const QByteArray& tokenHash, const QString& reason, Timestamp now);

    static QByteArray hashOf(const QString& token);

private:
    pg::PgStore& m_store;
};

} // namespace shopdesk::server
