#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace shopdesk::pg {

/// Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN (FORMAT binary)`): the header,
/// then per row its field count and each field's length and bytes (network byte order), then
/// the trailer. The fields must match the target columns' types exactly.
class PgBinaryCopy {
public:
    PgBinaryCopy();

    /// Starts a row of `fields` fields.
    void row(int fields);
    void bigint(qint64 v);
    void text(const QString& s);
    /// A TEXT[] of one dimension (empty array when `items` is empty).
    void textArray(const QStringList& items);
    void null();

    int rows() const { return m_rows; }
    /// The data with its trailer (ready to send); this starts over, empty.
    QByteArray take();

private:
    void header();
    void int16(qint16 v);
    void int32(qint32 v);

    QByteArray m_data;
    int m_rows = 0;
};

} // namespace shopdesk::pg
