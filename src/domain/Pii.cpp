#include "domain/Pii.h"

#include <QStringList>

namespace shopdesk::pii {

QString maskPhone(QStringView phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit()) {
            digits += c;
        }
    }
    if (digits.size() <= 7) {
        return QStringLiteral("****");
    }
    return digits.left(3) + QStringLiteral("****") + digits.right(4);
}

QString maskName(QStringView name)
{
    const QString n = name.trimmed().toString();
    if (n.isEmpty()) {
        return {};
    }
    const qsizetype first = n.at(0).isHighSurrogate() && n.size() > 1 ? 2 : 1;
    return n.left(first) + QString(std::max<qsizetype>(1, n.size() - first), QLatin1Char('*'));
}

QString maskAddress(QStringView address)
{
    const QString a = address.trimmed().toString();
    static const QStringList municipalities = {QStringLiteral("北京"), QStringLiteral("上海"), QStringLiteral("天津"),
                                               QStringLiteral("重庆")};
    for (const QString& m : municipalities) {
        if (a.startsWith(m)) {
            return m + QStringLiteral("市****");
        }
    }
    qsizetype end = -1;
    for (const QString& marker : {QStringLiteral("自治区"), QStringLiteral("特别行政区"), QStringLiteral("省")}) {
        const qsizetype at = a.indexOf(marker);
        if (at > 0 && (end < 0 || at + marker.size() < end)) {
            end = at + marker.size();
        }
    }
    if (end > 0) {
        // The city ends at the first 市 within a few characters (杭州市: 州 is part of the name);
        // prefectures without 市 end at 自治州, 地区 or 盟.
        qsizetype cityEnd = -1;
        const qsizetype shi = a.indexOf(QStringLiteral("市"), end);
        if (shi > end && shi - end <= 8) {
            cityEnd = shi + 1;
        } else {
            for (const QString& marker : {QStringLiteral("自治州"), QStringLiteral("地区"), QStringLiteral("盟")}) {
                const qsizetype at = a.indexOf(marker, end);
                if (at > end && at - end <= 8 && (cityEnd < 0 || at + marker.size() < cityEnd)) {
                    cityEnd = at + marker.size();
                }
            }
        }
        return a.left(cityEnd > 0 ? cityEnd : end) + QStringLiteral("****");
    }
    // Not a recognisable Chinese address: keep nothing that could locate the buyer.
    return QStringLiteral("****");
}

} // namespace shopdesk::pii
