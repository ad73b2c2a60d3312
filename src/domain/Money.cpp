#include "domain/Money.h"

#include <QRegularExpression>

namespace shopdesk {

QString formatYuan(Fen fen)
{
    const bool negative = fen < 0;
    const qint64 abs = negative ? -fen : fen;
    return QStringLiteral("%1¥%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(abs / 100)
        .arg(abs % 100, 2, 10, QLatin1Char('0'));
}

bool parseYuan(QStringView text, Fen& out)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*[¥￥]?\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return false;
    }
    qint64 fen = m.capturedView(1).toLongLong() * 100;
    if (m.hasCaptured(2)) {
        const QStringView frac = m.capturedView(2);
        fen += frac.size() == 1 ? frac.toInt() * 10 : frac.toInt();
    }
    out = fen;
    return true;
}

} // namespace shopdesk
