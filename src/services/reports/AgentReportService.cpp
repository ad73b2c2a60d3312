#include "services/reports/AgentReportService.h"

#include "services/auth/AccessGate.h"
#include "services/reports/AgentReportCalculator.h"

#include <QCoreApplication>

namespace shopdesk {

AgentReportService::AgentReportService(ReportRepository& repository, AccessGate& gate)
    : m_repository(repository)
    , m_gate(gate)
{
}

Result<QString> AgentReportService::attribute(const ReportOrder& order)
{
    if (!order.flaggedBy.isEmpty()) {
        return order.flaggedBy;
    }
    auto last = m_repository.lastAgentMessageTo(order.buyer, Timestamp::fromMs(order.paidAtMs - kAttributionWindowMs),
                                                Timestamp::fromMs(order.paidAtMs));
    if (!last) {
        return last.error();
    }
    return last->value_or(QString());
}

Result<AgentReport> AgentReportService::agents(const auth::Actor& actor, Timestamp from, Timestamp to, int slowSeconds,
                                               const QTimeZone& zone)
{
    if (Status st = m_gate.check(actor, auth::Operation::ReportAgents); !st) {
        return st.error();
    }
    if (!(from < to)) {
        return Error::invalid(
            QCoreApplication::translate("shopdesk::AgentReportService", "The report's end must be after its start."));
    }
    if (slowSeconds < 1) {
        return Error::invalid(
            QCoreApplication::translate("shopdesk::AgentReportService", "Slow replies are slower than 1 s or more."));
    }
    AgentReportCalculator calc(from, to, slowSeconds, zone);
    if (Status st = m_repository.scanConversationsActiveIn(from, to, [&](const ReportMessage& m) { calc.add(m); });
        !st) {
        return st.error();
    }
    auto paid = m_repository.ordersPaidIn(from, to);
    if (!paid) {
        return paid.error();
    }
    for (const ReportOrder& o : *paid) {
        auto agent = attribute(o);
        if (!agent) {
            return agent.error();
        }
        calc.addPaidOrder(o, *agent);
    }
    auto refunds = m_repository.successfulRefundsCreatedIn(from, to);
    if (!refunds) {
        return refunds.error();
    }
    for (const ReportRefund& r : *refunds) {
        auto agent = attribute(r.order);
        if (!agent) {
            return agent.error();
        }
        calc.addRefund(r, *agent);
    }
    return calc.finish();
}

} // namespace shopdesk
