#include "domain/AgentReport.h"

#include "core/Csv.h"

namespace shopdesk {

const std::array<qint64, 5>& AgentPerformance::bucketLimitsSecs()
{
    static const std::array<qint64, 5> limits{30, 60, 120, 300, 1800};
    return limits;
}

const QStringList& AgentPerformance::columns()
{
    static const QStringList c{
        QStringLiteral("agent"),          QStringLiteral("conversations"),        QStringLiteral("replies"),
        QStringLiteral("turns_answered"), QStringLiteral("first_response_avg_s"), QStringLiteral("response_avg_s"),
        QStringLiteral("slow_replies"),   QStringLiteral("unanswered_30m"),       QStringLiteral("orders"),
        QStringLiteral("sales_fen"),      QStringLiteral("inquiring_buyers"),     QStringLiteral("converted_buyers"),
        QStringLiteral("conversion_rate")};
    return c;
}

QStringList AgentPerformance::cells(const QString& none) const
{
    auto mean = [&](const std::optional<double>& v) { return v ? QString::number(*v, 'f', 1) : none; };
    return {agent,
            QString::number(conversations),
            QString::number(replies),
            QString::number(turnsAnswered),
            mean(firstResponseAvgSecs),
            mean(responseAvgSecs),
            QString::number(slowReplies),
            QString::number(unanswered30m),
            QString::number(orders),
            QString::number(salesFen),
            QString::number(inquiringBuyers),
            QString::number(convertedBuyers),
            QString::number(conversionRate, 'f', 4)};
}

QByteArray agentReportCsv(const AgentReport& report, bool forSpreadsheet)
{
    QStringList lines;
    lines << AgentPerformance::columns().join(QLatin1Char(','));
    for (const AgentPerformance& a : report.agents) {
        QStringList cells = a.cells(QString());
        for (QString& cell : cells) {
            cell = csv::field(cell);
        }
        lines << cells.join(QLatin1Char(','));
    }
    const QString eol = forSpreadsheet ? QStringLiteral("\r\n") : QStringLiteral("\n");
    return (forSpreadsheet ? csv::kBom : QByteArray()) + (lines.join(eol) + eol).toUtf8();
}

} // namespace shopdesk
