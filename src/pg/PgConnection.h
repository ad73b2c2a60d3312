#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace shopdesk::pg {

/// One parameter of a statement: text (UTF-8), or SQL NULL.
using Param = std::optional<QByteArray>;

/// A query's answer (owns the PGresult): rows of text cells.
class PgResult {
public:
    explicit PgResult(pg_result* r);
    ~PgResult();
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    qint64 integer(int row, int column) const;
    /// A BYTEA cell (text format, hex) as its bytes.
    QByteArray bytes(int row, int column) const;
    bool boolean(int row, int column) const { return text(row, column) == QLatin1String("t"); }
    /// Rows changed by INSERT/UPDATE/DELETE.
    qint64 affected() const;

private:
    pg_result* m_r = nullptr;
};

/// A PostgreSQL connection through libpq (RAII: closed with the object). Statements take their
/// parameters separately (never spliced into SQL); prepared statements are named once and reused.
/// Errors are one sentence with the SQLSTATE; they never carry the connection's password.
class PgConnection {
public:
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// Connects to `url` (a libpq conninfo or postgresql:// URL; empty: the PG* environment).
    static Result<std::unique_ptr<PgConnection>> open(const QString& url, int timeoutSeconds = 10);

    /// Runs SQL without parameters (one or more statements; DDL, BEGIN, COMMIT).
    Status exec(const char* sql);
    /// Runs one statement with parameters $1, $2, …
    Result<PgResult> query(const char* sql, const std::vector<Param>& params = {});
    /// Prepares `sql` under `name` the first time, then runs it with `params`.
    Result<PgResult> prepared(const char* name, const char* sql, const std::vector<Param>& params = {});

    /// Runs a `COPY … FROM STDIN` statement and sends `data` as its input (binary COPY for bulk
    /// writes); answers the rows copied.
    Result<qint64> copyIn(const char* sql, const QByteArray& data);

    /// A NOTIFY received on a channel this connection LISTENs to.
    struct Notification {
        QByteArray channel;
        QByteArray payload;
    };
    /// Reads what arrived on the socket and returns the notifications (non-blocking).
    std::vector<Notification> notifications();
    /// The socket to watch for notifications (-1 when closed).
    int socket() const;
    /// Reconnects with the same parameters after a dropped link; prepared statements are prepared again.
    Status reset();

    /// Whether the last failed statement lost a deadlock or a serialisation conflict (SQLSTATE
    /// 40P01, 40001): its transaction was rolled back and may be run again as it was.
    bool lastFailureConflict() const { return m_conflict; }
    /// Forgets the last failure (a new transaction starts).
    void clearFailure() { m_conflict = false; }

    /// The server's major version (15 for 15.x).
    int serverMajorVersion() const;
    bool isOpen() const;

private:
    explicit PgConnection(pg_conn* c);
    Error failure(const char* what, pg_result* r) const;

    pg_conn* m_c = nullptr;
    std::vector<QByteArray> m_prepared;
    mutable bool m_conflict = false;
};

/// A transaction that rolls back unless committed.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& c);
    ~PgTransaction();
    Status begin();
    Status commit();

private:
    PgConnection& m_c;
    bool m_open = false;
};

/// Text of an integer parameter.
inline Param param(qint64 v)
{
    return QByteArray::number(v);
}
inline Param param(const QString& s)
{
    return s.toUtf8();
}
inline Param flag(bool b)
{
    return QByteArray(b ? "t" : "f");
}
inline Param maybe(const std::optional<qint64>& v)
{
    return v ? param(*v) : Param();
}
/// A BYTEA parameter (hex text format).
inline Param bytesParam(const QByteArray& b)
{
    return QByteArray("\\x") + b.toHex();
}
/// A TEXT[] parameter: every element quoted, so any text is literal.
Param textArray(const QStringList& items);
/// A BIGINT[] parameter.
Param bigintArray(const std::vector<qint64>& items);

} // namespace shopdesk::pg
