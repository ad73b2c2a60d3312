#include "core/Csv.h"

namespace shopdesk::csv {

namespace {

bool dangerousStart(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

} // namespace

bool looksLikeFormula(const QString& text)
{
    return !text.isEmpty() && dangerousStart(text.front());
}

QString field(const QString& text)
{
    const QString safe = looksLikeFormula(text) ? QLatin1Char('\'') + text : text;
    if (!safe.contains(QLatin1Char(',')) && !safe.contains(QLatin1Char('"')) && !safe.contains(QLatin1Char('\n')) &&
        !safe.contains(QLatin1Char('\r')) && safe.size() == text.size()) {
        return safe;
    }
    QString q = safe;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString unneutralise(const QString& text)
{
    if (text.size() >= 2 && text.front() == u'\'' && dangerousStart(text.at(1))) {
        return text.mid(1);
    }
    return text;
}

} // namespace shopdesk::csv
