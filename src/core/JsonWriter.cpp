#include "core/JsonWriter.h"

#include <QStringList>

#include <cmath>

namespace shopdesk {

QByteArray JsonWriter::quote(QStringView s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[c >> 4];
                out += "0123456789abcdef"[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray JsonWriter::stringArray(const QStringList& items)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += quote(items[i]);
    }
    out += ']';
    return out;
}

void JsonWriter::key(QStringView k)
{
    if (m_body.size() > 1) {
        m_body += ',';
    }
    m_body += quote(k);
    m_body += ':';
}

JsonWriter& JsonWriter::add(QStringView k, QStringView value)
{
    key(k);
    m_body += quote(value);
    return *this;
}

JsonWriter& JsonWriter::add(QStringView k, qint64 value)
{
    key(k);
    m_body += QByteArray::number(value);
    return *this;
}

JsonWriter& JsonWriter::add(QStringView k, double value, int decimals)
{
    key(k);
    if (!std::isfinite(value)) {
        m_body += "null";
        return *this;
    }
    // Shortest text that round-trips the rounded value: 0.5 not 0.5000, 12 not 12.0.
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    QByteArray text = QByteArray::number(rounded, 'f', decimals);
    if (text.contains('.')) {
        while (text.endsWith('0')) {
            text.chop(1);
        }
        if (text.endsWith('.')) {
            text.chop(1);
        }
    }
    if (text == "-0") {
        text = "0";
    }
    m_body += text;
    return *this;
}

JsonWriter& JsonWriter::addBool(QStringView k, bool value)
{
    key(k);
    m_body += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::addNull(QStringView k)
{
    key(k);
    m_body += "null";
    return *this;
}

JsonWriter& JsonWriter::addRaw(QStringView k, const QByteArray& json)
{
    key(k);
    m_body += json;
    return *this;
}

} // namespace shopdesk
