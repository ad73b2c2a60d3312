#include "store/FtsQuery.h"

namespace shopdesk::store {

QString ftsMatchExpression(const QStringList& terms)
{
    QStringList quoted;
    quoted.reserve(terms.size());
    for (const QString& term : terms) {
        QString escaped = term;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        quoted << QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    return quoted.join(QLatin1Char(' '));
}

} // namespace shopdesk::store
