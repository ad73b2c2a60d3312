#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/AgentReport.h"
#include "services/reports/ReportRepository.h"

#include <QTimeZone>

namespace shopdesk {

class AccessGate;

/// The performance report (team.performance.view): the same numbers for `shopdeskctl report
/// agents` and the performance page.
class AgentReportService {
public:
    static constexpr qint64 kAttributionWindowMs = 24LL * 3600 * 1000;

    AgentReportService(ReportRepository& repository, AccessGate& gate);

    /// The window [from, to); answered turns slower than `slowSeconds` count as slow.
    /// `zone`: the shop's time zone, for the turns-by-hour count.
    Result<AgentReport> agents(const auth::Actor& actor, Timestamp from, Timestamp to, int slowSeconds = 120,
                               const QTimeZone& zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai")));

private:
    /// The agent an order's sale counts for: who flagged it, else who last wrote to the buyer in
    /// the 24 hours up to payment, else nobody.
    Result<QString> attribute(const ReportOrder& order);

    ReportRepository& m_repository;
    AccessGate& m_gate;
};

} // namespace shopdesk
