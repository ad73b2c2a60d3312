#include "core/LineReader.h"

namespace shopdesk {

LineReader::LineReader(QIODevice& device, qsizetype maxLineBytes)
    : m_device(device)
    , m_max(maxLineBytes)
{
}

bool LineReader::fill()
{
    if (m_eof) {
        return false;
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    constexpr qsizetype kBlock = 256 * 1024;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + kBlock);
    qint64 got = m_device.read(m_buffer.data() + old, kBlock);
    if (got == 0 && !m_device.atEnd() && m_device.isSequential()) {
        m_device.waitForReadyRead(-1);
        got = m_device.read(m_buffer.data() + old, kBlock);
    }
    if (got < 0) {
        m_error = m_device.errorString();
        got = 0;
    }
    m_buffer.resize(old + got);
    if (got == 0) {
        m_eof = true;
        return false;
    }
    return true;
}

bool LineReader::next(Line& line)
{
    line = Line();
    bool tooLong = false;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', m_pos);
        if (nl >= 0) {
            line.number = ++m_number;
            if (tooLong || nl - m_pos > m_max) {
                line.tooLong = true;
            } else {
                line.bytes = m_buffer.mid(m_pos, nl - m_pos);
                if (line.bytes.endsWith('\r')) {
                    line.bytes.chop(1);
                }
            }
            m_pos = nl + 1;
            return true;
        }
        if (m_buffer.size() - m_pos > m_max) {
            // Drop what we have of the oversized line and keep looking for its end.
            tooLong = true;
            m_buffer.clear();
            m_pos = 0;
        }
        if (!fill()) {
            if (m_pos >= m_buffer.size() && !tooLong) {
                return false;
            }
            line.number = ++m_number;
            if (tooLong) {
                line.tooLong = true;
            } else {
                line.bytes = m_buffer.mid(m_pos);
                if (line.bytes.endsWith('\r')) {
                    line.bytes.chop(1);
                }
            }
            m_buffer.clear();
            m_pos = 0;
            return true;
        }
    }
}

} // namespace shopdesk
