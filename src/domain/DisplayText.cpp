#include "domain/DisplayText.h"

namespace shopdesk {

namespace {

constexpr char16_t kReplacement = u'\uFFFD';

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

bool isNonCharacter(char32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/// The visible mark for a control character other than line breaks and tabs.
char32_t markFor(char32_t c)
{
    if (c < 0x20) {
        return 0x2400 + c; // ␀ … ␟, the Control Pictures block
    }
    if (c == 0x7F) {
        return 0x2421; // ␡
    }
    return kReplacement; // C1 controls have no pictures
}

} // namespace

QString displayText(const QString& text, bool singleLine)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text.at(i);
        char32_t c = ch.unicode();
        if (ch.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(ch, text.at(i + 1));
            if (isNonCharacter(c)) {
                out += QChar(kReplacement);
            } else {
                out += ch;
                out += text.at(i + 1);
            }
            ++i;
            continue;
        }
        if (ch.isSurrogate()) {
            out += QChar(kReplacement);
        } else if (c == u'\r' || c == u'\n' || c == 0x2028 || c == 0x2029 || c == 0x85) {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
                ++i;
            }
            out += singleLine ? QChar(u' ') : QChar(QChar::LineSeparator);
        } else if (c == u'\t') {
            out += QChar(u' ');
        } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            out += QChar(static_cast<char16_t>(markFor(c)));
        } else if (isBidiControl(c) || isNonCharacter(c)) {
            out += QChar(kReplacement);
        } else {
            out += ch;
        }
    }
    return out;
}

} // namespace shopdesk
