#include "server/SessionStore.h"

#include "crypto/Random.h"
#include "pg/PgStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace shopdesk::server {

QByteArray SessionStore::hashOf(const QString& token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

Result<QString> SessionStore::create(AccountId account, qint64 epoch, Timestamp now)
{
    const QString token = QString::fromLatin1(
        crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QByteArray hash = hashOf(token);
    Status st = m_store.writeStatus("start a session", [&](pg::PgTx& tx) {
        tx.q("INSERT INTO sessions(token_hash, shop_id, account_id, epoch, created_at, last_seen) "
             "VALUES($1, $2, $3, $4, $5, $5)",
             {pg::bytesParam(hash), tx.shop(), pg::param(account.value()), pg::param(epoch), pg::param(now.ms())});
    });
    if (!st) {
        return st.error();
    }
    return token;
}

Result<StoredSession> SessionStore::find(const QString& token)
{
    const QByteArray hash = hashOf(token);
    auto found = m_store.read<std::optional<StoredSession>>("read a session", [&](pg::PgTx& tx) {
        auto r = tx.prepared("session_find",
                             "SELECT account_id, epoch, last_seen, ended_at IS NOT NULL, COALESCE(end_reason, '') "
                             "FROM sessions WHERE token_hash = $1 AND shop_id = $2",
                             {pg::bytesParam(hash), tx.shop()});
        if (r.rows() == 0) {
            return std::optional<StoredSession>();
        }
        StoredSession s;
        s.tokenHash = hash;
        s.account = AccountId(r.integer(0, 0));
        s.epoch = r.integer(0, 1);
        s.lastSeen = Timestamp::fromMs(r.integer(0, 2));
        s.ended = r.boolean(0, 3);
        s.endReason = r.text(0, 4);
        return std::optional<StoredSession>(s);
    });
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return Error::notFound(
            QCoreApplication::translate("shopdesk::server", "The session is not known to the server; log in again."));
    }
    return **found;
}

Status SessionStore::touch(const QByteArray& tokenHash, Timestamp now)
{
    return m_store.writeStatus("record activity", [&](pg::PgTx& tx) {
        tx.prepared("session_touch",
                    "UPDATE sessions SET last_seen = $2 WHERE token_hash = $1 AND ended_at IS NULL AND last_seen < "
                    "$2::bigint - 60000",
                    {pg::bytesParam(tokenHash), pg::param(now.ms())});
    });
}

Status SessionStore::end(const QByteArray& tokenHash, const QString& reason, Timestamp now)
{
    return m_store.writeStatus("end a session", [&](pg::PgTx& tx) {
        tx.q("UPDATE sessions SET ended_at = $2, end_reason = $3 WHERE token_hash = $1 AND ended_at IS NULL",
             {pg::bytesParam(tokenHash), pg::param(now.ms()), pg::param(reason)});
    });
}

} // namespace shopdesk::server
