#pragma once

#include "domain/Money.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace shopdesk {

/// One agent's line of the performance report (definitions: docs/reports.md).
struct AgentPerformance {
    QString agent;
    qint64 conversations = 0;
    qint64 replies = 0;
    qint64 turnsAnswered = 0;
    std::optional<double> firstResponseAvgSecs;
    std::optional<double> responseAvgSecs;
    qint64 slowReplies = 0;
    qint64 unanswered30m = 0;
    qint64 orders = 0;
    Fen salesFen = 0;
    qint64 inquiringBuyers = 0;
    qint64 convertedBuyers = 0;
    double conversionRate = 0;
    /// Answered turns by response time: ≤30 s, ≤60 s, ≤120 s, ≤300 s, ≤1,800 s, longer.
    std::array<qint64, 6> responseBuckets{};

    static const std::array<qint64, 5>& bucketLimitsSecs();
    /// The report's columns, as in `--csv` and `--json`.
    static const QStringList& columns();
    /// The line's cells in column order; `none` stands for a mean with nothing to average.
    QStringList cells(const QString& none) const;
};

/// The report: a line per agent and the turns that started in each hour of the day (shop time).
struct AgentReport {
    std::vector<AgentPerformance> agents;
    std::array<qint64, 24> turnsByHour{};
};

/// The report as CSV, a header and a line per agent in the columns above; cells a spreadsheet would
/// run as a formula are neutralised (core/Csv.h). For a spreadsheet: UTF-8 with a byte-order mark
/// and CRLF; else plain lines (a pipe, a script).
QByteArray agentReportCsv(const AgentReport& report, bool forSpreadsheet);

} // namespace shopdesk
