// The audit trail, the reports and the simulated shop's headless run of a LocalSession.

#include "backend/Backend.h"
#include "backend/SimRun.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/reports/AgentReportService.h"
#include "services/settings/SimSettingsService.h"
#include "session/local/LocalDesks.h"
#include "session/local/LocalSession.h"

#include <QCoreApplication>

namespace shopdesk::session {

Result<std::vector<AuditRecord>> LocalAuditTrail::list(const AuditQuery& query)
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().audit().list(*a, m_s.backend().gate(), query);
}

QFuture<Result<AuditVerification>> LocalAuditTrail::verify()
{
    LocalSession& s = m_s;
    return s.laterRead<Result<AuditVerification>>([&s]() -> Result<AuditVerification> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().audit().verify(*a, s.backend().gate());
    });
}

QFuture<Status> LocalAuditTrail::reanchor(bool confirmed)
{
    LocalSession& s = m_s;
    return s.later<Status>([&s, confirmed]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        if (Status st = s.backend().audit().reanchor(*a, s.backend().gate(), confirmed); !st) {
            return st;
        }
        return s.backend().recheckAudit();
    });
}

QFuture<Result<AgentReport>> LocalReports::agents(Timestamp from, Timestamp to, int slowSeconds)
{
    LocalSession& s = m_s;
    const QTimeZone zone = s.shop().timeZone;
    return s.laterRead<Result<AgentReport>>([&s, from, to, slowSeconds, zone]() -> Result<AgentReport> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().reports().agents(*a, from, to, slowSeconds, zone);
    });
}

QFuture<Result<Simulation::Outcome>> LocalSimulation::run(const SimRunOptions& options)
{
    LocalSession& s = m_s;
    return s.later<Result<Outcome>>([&s, options]() -> Result<Outcome> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        Backend& b = s.backend();
        if (Status st = b.gate().check(*a, auth::Operation::SimRun); !st) {
            return st.error();
        }
        auto shop = b.shop();
        if (!shop) {
            return shop.error();
        }
        if (shop->platform != u"sim") {
            return Error::invalid(QCoreApplication::translate("LocalSession",
                                                              "The shop %1 sells on the '%2' platform: sim run writes "
                                                              "invented buyers and orders, and only runs on a store "
                                                              "whose shop is the simulated one (sim).")
                                      .arg(shop->name, shop->platform));
        }
        // What the options leave out comes from the shop's simulated-shop settings.
        auto saved = b.simSettings().load();
        if (!saved) {
            return saved.error();
        }
        SimRun run;
        run.minutes = options.minutes;
        run.speed = options.speed;
        run.setup.seed = options.seed;
        run.setup.start = options.start.value_or(SimSetup::defaultStart());
        run.setup.bots = options.agents.value_or(std::max(1, saved->bots));
        run.setup.buyersPerMinute = options.buyersPerMinute.value_or(saved->buyersPerMinute);
        run.setup.malformedRate = options.malformedRate;
        run.setup.transientErrorRate = options.transientErrorRate;
        if (Status st =
                b.audit().recordNow(b.audit().entry(a->fullName(), QStringLiteral("sim.run"), QStringLiteral("sim"),
                                                    QStringLiteral("seed=%1 minutes=%2 agents=%3")
                                                        .arg(run.setup.seed)
                                                        .arg(run.minutes)
                                                        .arg(run.setup.bots)));
            !st) {
            return st.error();
        }
        auto summary = run.run(b);
        if (!summary) {
            return summary.error();
        }
        return Outcome{summary->json, summary->violations == 0};
    });
}

} // namespace shopdesk::session
