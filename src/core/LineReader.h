#pragma once

#include <QByteArray>
#include <QIODevice>

namespace shopdesk {

/// Reads a device line by line with a bound on line length, so that one enormous line (or a binary
/// file with no newline) cannot exhaust memory. Works on files and pipes.
class LineReader {
public:
    explicit LineReader(QIODevice& device, qsizetype maxLineBytes = 1024 * 1024);

    struct Line {
        QByteArray bytes; ///< without the line break (\n or \r\n)
        qint64 number = 0;
        bool tooLong = false; ///< the line exceeded the bound; `bytes` is empty
    };

    /// Next line, or false at the end of the device.
    bool next(Line& line);
    /// A read error of the device (empty when none).
    QString errorString() const { return m_error; }

private:
    bool fill();

    QIODevice& m_device;
    qsizetype m_max;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_number = 0;
    bool m_eof = false;
    QString m_error;
};

} // namespace shopdesk
