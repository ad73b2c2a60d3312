#include "pg/PgBinaryCopy.h"

#include <QtEndian>

namespace shopdesk::pg {

namespace {

constexpr qint32 kTextOid = 25; // pg_type.oid of text

} // namespace

PgBinaryCopy::PgBinaryCopy()
{
    header();
}

void PgBinaryCopy::header()
{
    m_data.append("PGCOPY\n\xff\r\n\0", 11);
    int32(0); // flags
    int32(0); // header extension length
}

void PgBinaryCopy::int16(qint16 v)
{
    const qint16 be = qToBigEndian(v);
    m_data.append(reinterpret_cast<const char*>(&be), sizeof be);
}

void PgBinaryCopy::int32(qint32 v)
{
    const qint32 be = qToBigEndian(v);
    m_data.append(reinterpret_cast<const char*>(&be), sizeof be);
}

void PgBinaryCopy::row(int fields)
{
    ++m_rows;
    int16(static_cast<qint16>(fields));
}

void PgBinaryCopy::bigint(qint64 v)
{
    int32(8);
    const qint64 be = qToBigEndian(v);
    m_data.append(reinterpret_cast<const char*>(&be), sizeof be);
}

void PgBinaryCopy::text(const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    int32(static_cast<qint32>(utf8.size()));
    m_data.append(utf8);
}

void PgBinaryCopy::textArray(const QStringList& items)
{
    QByteArray body;
    auto put32 = [&body](qint32 v) {
        const qint32 be = qToBigEndian(v);
        body.append(reinterpret_cast<const char*>(&be), sizeof be);
    };
    if (items.isEmpty()) {
        put32(0); // no dimensions
        put32(0); // no nulls
        put32(kTextOid);
    } else {
        put32(1);
        put32(0);
        put32(kTextOid);
        put32(static_cast<qint32>(items.size()));
        put32(1); // lower bound
        for (const QString& item : items) {
            const QByteArray utf8 = item.toUtf8();
            put32(static_cast<qint32>(utf8.size()));
            body.append(utf8);
        }
    }
    int32(static_cast<qint32>(body.size()));
    m_data.append(body);
}

void PgBinaryCopy::null()
{
    int32(-1);
}

QByteArray PgBinaryCopy::take()
{
    int16(-1); // the trailer
    QByteArray out = std::move(m_data);
    m_data = QByteArray();
    m_rows = 0;
    header();
    return out;
}

} // namespace shopdesk::pg
