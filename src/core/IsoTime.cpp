#include "core/IsoTime.h"

#include <QDateTime>
#include <QRegularExpression>

namespace shopdesk::isotime {

Result<Timestamp> parse(QStringView text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return Error::invalid(
            QStringLiteral("bad time (expected ISO 8601 with offset, e.g. 2026-11-11T10:00:00+08:00)"));
    }
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    const int hour = m.capturedView(4).toInt();
    const int minute = m.capturedView(5).toInt();
    const int second = m.capturedView(6).toInt();
    if (!date.isValid() || hour > 23 || minute > 59 || second > 59) {
        return Error::invalid(QStringLiteral("bad time (no such date or time of day)"));
    }
    int ms = 0;
    if (m.hasCaptured(7)) {
        QString frac = m.captured(7).left(3);
        while (frac.size() < 3) {
            frac += QLatin1Char('0');
        }
        ms = frac.toInt();
    }
    int offsetSecs = 0;
    const QStringView zone = m.capturedView(8);
    if (zone != u"Z") {
        QString digits = zone.mid(1).toString().remove(QLatin1Char(':'));
        const int oh = digits.left(2).toInt();
        const int om = digits.mid(2, 2).toInt();
        if (oh > 14 || om > 59) {
            return Error::invalid(QStringLiteral("bad time (UTC offset out of range)"));
        }
        offsetSecs = (oh * 3600 + om * 60) * (zone.front() == u'-' ? -1 : 1);
    }
    const QDateTime dt(date, QTime(hour, minute, second, ms), QTimeZone(offsetSecs));
    return Timestamp::fromMs(dt.toMSecsSinceEpoch());
}

QString format(Timestamp t, const QTimeZone& zone)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(t.ms(), zone);
    QString out = dt.toString(dt.time().msec() != 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")
                                                    : QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const int offset = dt.offsetFromUtc();
    const int abs = offset < 0 ? -offset : offset;
    out += (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'));
    out += QStringLiteral("%1:%2")
               .arg(abs / 3600, 2, 10, QLatin1Char('0'))
               .arg((abs % 3600) / 60, 2, 10, QLatin1Char('0'));
    return out;
}

Result<Timestamp> parseDateStart(QStringView text, const QTimeZone& zone)
{
    static const QRegularExpression re(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    if (!re.match(text).hasMatch()) {
        return Error::invalid(QStringLiteral("bad date '%1' (expected YYYY-MM-DD)").arg(text));
    }
    const QDate date = QDate::fromString(text.toString(), Qt::ISODate);
    if (!date.isValid()) {
        return Error::invalid(QStringLiteral("bad date '%1' (no such day)").arg(text));
    }
    return Timestamp::fromMs(QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch());
}

} // namespace shopdesk::isotime
