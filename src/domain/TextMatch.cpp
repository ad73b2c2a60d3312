#include "domain/TextMatch.h"

#include <QChar>

namespace shopdesk::textmatch {

char32_t fold(char32_t c)
{
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    }
    return QChar::toLower(c);
}

bool isSpace(char32_t c)
{
    if (c < 0x80) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
    return QChar::isSpace(c);
}

QString foldString(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (const char32_t c : s.toUcs4()) {
        const char32_t f = fold(c);
        if (QChar::requiresSurrogates(f)) {
            out += QChar(QChar::highSurrogate(f));
            out += QChar(QChar::lowSurrogate(f));
        } else {
            out += QChar(static_cast<char16_t>(f));
        }
    }
    return out;
}

QStringList splitTerms(QStringView query)
{
    QStringList terms;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty() && !terms.contains(current)) {
            terms << current;
        }
        current.clear();
    };
    for (const char32_t c : query.toUcs4()) {
        if (isSpace(c)) {
            flush();
        } else {
            current += QString::fromUcs4(&c, 1);
        }
    }
    flush();
    return terms;
}

bool containsAll(QStringView text, const QStringList& foldedTerms)
{
    const QString folded = foldString(text);
    for (const QString& term : foldedTerms) {
        if (!folded.contains(term)) {
            return false;
        }
    }
    return true;
}

} // namespace shopdesk::textmatch
