#include "pg/PgConnection.h"

#include <libpq-fe.h>

#include <QStringList>

#include <algorithm>

namespace shopdesk::pg {

namespace {

/// The first line of libpq's message, without anything that could name a secret.
QString firstLine(const char* message)
{
    QString m = QString::fromUtf8(message ? message : "").trimmed();
    m = m.section(QLatin1Char('\n'), 0, 0);
    return m.left(300);
}

} // namespace

PgResult::PgResult(pg_result* r)
    : m_r(r)
{
}

PgResult::~PgResult()
{
    if (m_r) {
        PQclear(m_r);
    }
}

PgResult::PgResult(PgResult&& other) noexcept
    : m_r(std::exchange(other.m_r, nullptr))
{
}

PgResult& PgResult::operator=(PgResult&& other) noexcept
{
    if (this != &other) {
        if (m_r) {
            PQclear(m_r);
        }
        m_r = std::exchange(other.m_r, nullptr);
    }
    return *this;
}

int PgResult::rows() const
{
    return m_r ? PQntuples(m_r) : 0;
}

int PgResult::columns() const
{
    return m_r ? PQnfields(m_r) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return !m_r || PQgetisnull(m_r, row, column) != 0;
}

QString PgResult::text(int row, int column) const
{
    return isNull(row, column) ? QString()
                               : QString::fromUtf8(PQgetvalue(m_r, row, column), PQgetlength(m_r, row, column));
}

qint64 PgResult::integer(int row, int column) const
{
    return isNull(row, column) ? 0 : QByteArray(PQgetvalue(m_r, row, column)).toLongLong();
}

QByteArray PgResult::bytes(int row, int column) const
{
    if (isNull(row, column)) {
        return {};
    }
    const QByteArray v(PQgetvalue(m_r, row, column), PQgetlength(m_r, row, column));
    return v.startsWith("\\x") ? QByteArray::fromHex(v.mid(2)) : v;
}

qint64 PgResult::affected() const
{
    return m_r ? QByteArray(PQcmdTuples(m_r)).toLongLong() : 0;
}

PgConnection::PgConnection(pg_conn* c)
    : m_c(c)
{
}

PgConnection::~PgConnection()
{
    if (m_c) {
        PQfinish(m_c);
    }
}

Result<std::unique_ptr<PgConnection>> PgConnection::open(const QString& url, int timeoutSeconds)
{
    // Keywords and values separately: the URL (with its password) is never formatted into a
    // message, and the client encoding is fixed to UTF-8 whatever the environment says.
    const QByteArray dsn = url.toUtf8();
    const QByteArray timeout = QByteArray::number(std::max(1, timeoutSeconds));
    const char* keys[] = {"dbname", "connect_timeout", "client_encoding", "application_name", nullptr};
    const char* values[] = {dsn.isEmpty() ? nullptr : dsn.constData(), timeout.constData(), "UTF8", "shopdesk",
                            nullptr};
    pg_conn* c = PQconnectdbParams(keys, values, 1 /* expand dbname as a conninfo or URL */);
    if (!c) {
        return Error::internal(QStringLiteral("Cannot connect to PostgreSQL: out of memory."));
    }
    if (PQstatus(c) != CONNECTION_OK) {
        const QString why = firstLine(PQerrorMessage(c));
        PQfinish(c);
        return Error::busy(QStringLiteral("Cannot connect to PostgreSQL: %1").arg(why));
    }
    // NOTICEs (a DROP … CASCADE's list, say) are the server chatting; never printed to stderr.
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(c));
}

bool PgConnection::isOpen() const
{
    return m_c && PQstatus(m_c) == CONNECTION_OK;
}

int PgConnection::serverMajorVersion() const
{
    return m_c ? PQserverVersion(m_c) / 10000 : 0;
}

Error PgConnection::failure(const char* what, pg_result* r) const
{
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const QString code = QString::fromLatin1(state ? state : "");
    const QString message = firstLine(r ? PQresultErrorMessage(r) : PQerrorMessage(m_c));
    QString sentence = QStringLiteral("PostgreSQL could not %1: %2").arg(QString::fromLatin1(what), message);
    if (!code.isEmpty()) {
        sentence += QStringLiteral(" (SQLSTATE %1)").arg(code);
    }
    m_conflict = code == u"40001" || code == u"40P01";
    // Class 08: the connection; 40001/40P01: serialisation/deadlock, worth another try.
    if (code.startsWith(QLatin1String("08")) || code == u"40001" || code == u"40P01" ||
        PQstatus(m_c) != CONNECTION_OK) {
        return Error::busy(sentence);
    }
    if (code.startsWith(QLatin1String("23")) || code.startsWith(QLatin1String("22"))) {
        return Error::invalid(sentence);
    }
    return Error::internal(sentence);
}

Status PgConnection::exec(const char* sql)
{
    pg_result* r = PQexec(m_c, sql);
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    Status out;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        out = failure("run a statement", r);
    }
    if (r) {
        PQclear(r);
    }
    return out;
}

namespace {

struct Marshalled {
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
};

Marshalled marshal(const std::vector<Param>& params)
{
    Marshalled m;
    for (const Param& p : params) {
        m.values.push_back(p ? p->constData() : nullptr);
        m.lengths.push_back(p ? static_cast<int>(p->size()) : 0);
        m.formats.push_back(0);
    }
    return m;
}

} // namespace

Result<PgResult> PgConnection::query(const char* sql, const std::vector<Param>& params)
{
    const Marshalled m = marshal(params);
    pg_result* r = PQexecParams(m_c, sql, static_cast<int>(params.size()), nullptr, m.values.data(), m.lengths.data(),
                                m.formats.data(), 0);
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        Error e = failure("run a query", r);
        if (r) {
            PQclear(r);
        }
        return e;
    }
    return PgResult(r);
}

Result<qint64> PgConnection::copyIn(const char* sql, const QByteArray& data)
{
    pg_result* start = PQexec(m_c, sql);
    if (!start || PQresultStatus(start) != PGRES_COPY_IN) {
        Error e = failure("start a bulk copy", start);
        if (start) {
            PQclear(start);
        }
        return e;
    }
    PQclear(start);
    // Sent in pieces so that libpq's output buffer stays small for a large batch.
    constexpr qsizetype kPiece = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; at < data.size() && sent; at += kPiece) {
        const auto n = static_cast<int>(std::min(kPiece, data.size() - at));
        sent = PQputCopyData(m_c, data.constData() + at, n) == 1;
    }
    const bool ended = PQputCopyEnd(m_c, sent ? nullptr : "the copy's data could not be sent") == 1;
    // The copy's outcome, then the end of the command's results.
    Result<qint64> out = qint64(0);
    while (pg_result* r = PQgetResult(m_c)) {
        if (PQresultStatus(r) == PGRES_COMMAND_OK) {
            out = QByteArray(PQcmdTuples(r)).toLongLong();
        } else if (out) {
            out = failure("copy rows in", r);
        }
        PQclear(r);
    }
    if (out && (!sent || !ended)) {
        return failure("copy rows in", nullptr);
    }
    return out;
}

Result<PgResult> PgConnection::prepared(const char* name, const char* sql, const std::vector<Param>& params)
{
    const QByteArray key(name);
    if (std::find(m_prepared.begin(), m_prepared.end(), key) == m_prepared.end()) {
        pg_result* p = PQprepare(m_c, name, sql, static_cast<int>(params.size()), nullptr);
        const ExecStatusType st = p ? PQresultStatus(p) : PGRES_FATAL_ERROR;
        if (st != PGRES_COMMAND_OK) {
            Error e = failure("prepare a statement", p);
            if (p) {
                PQclear(p);
            }
            return e;
        }
        PQclear(p);
        m_prepared.push_back(key);
    }
    const Marshalled m = marshal(params);
    pg_result* r = PQexecPrepared(m_c, name, static_cast<int>(params.size()), m.values.data(), m.lengths.data(),
                                  m.formats.data(), 0);
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        Error e = failure("run a prepared statement", r);
        if (r) {
            PQclear(r);
        }
        return e;
    }
    return PgResult(r);
}

std::vector<PgConnection::Notification> PgConnection::notifications()
{
    std::vector<Notification> out;
    if (!m_c || PQconsumeInput(m_c) == 0) {
        return out;
    }
    while (PGnotify* n = PQnotifies(m_c)) {
        out.push_back({QByteArray(n->relname), QByteArray(n->extra)});
        PQfreemem(n);
    }
    return out;
}

int PgConnection::socket() const
{
    return m_c ? PQsocket(m_c) : -1;
}

Status PgConnection::reset()
{
    PQreset(m_c);
    m_prepared.clear();
    if (PQstatus(m_c) != CONNECTION_OK) {
        return Error::busy(QStringLiteral("Cannot reconnect to PostgreSQL: %1").arg(firstLine(PQerrorMessage(m_c))));
    }
    return {};
}

PgTransaction::PgTransaction(PgConnection& c)
    : m_c(c)
{
}

PgTransaction::~PgTransaction()
{
    if (m_open) {
        (void)m_c.exec("ROLLBACK");
    }
}

Status PgTransaction::begin()
{
    Status st = m_c.exec("BEGIN");
    m_open = st.ok();
    return st;
}

Status PgTransaction::commit()
{
    Status st = m_c.exec("COMMIT");
    m_open = false;
    return st;
}

Param bigintArray(const std::vector<qint64>& items)
{
    QByteArray out("{");
    for (const qint64 item : items) {
        if (out.size() > 1) {
            out += ',';
        }
        out += QByteArray::number(item);
    }
    return out + '}';
}

Param textArray(const QStringList& items)
{
    QByteArray out("{");
    for (const QString& item : items) {
        if (out.size() > 1) {
            out += ',';
        }
        out += '"';
        for (const char c : item.toUtf8()) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

} // namespace shopdesk::pg
