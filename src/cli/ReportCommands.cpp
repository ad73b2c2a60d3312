#include "cli/Commands.h"

#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "session/Reports.h"

#include <QDateTime>

namespace shopdesk::cli {

int runReportAgents(CliContext& ctx, Args& args)
{
    auto from = args.option(QStringLiteral("from"));
    auto to = args.option(QStringLiteral("to"));
    auto slow = args.integer(QStringLiteral("slow-seconds"), 1, 86400);
    for (const auto* r : {&from, &to}) {
        if (!*r) {
            return ctx.fail(r->error());
        }
    }
    if (!slow) {
        return ctx.fail(slow.error());
    }
    const bool json = args.flag(QStringLiteral("json"));
    const bool csv = args.flag(QStringLiteral("csv"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!*from || !*to) {
        return ctx.fail(Error::usage(QStringLiteral("report agents needs --from DATE and --to DATE (YYYY-MM-DD)")));
    }
    if (json && csv) {
        return ctx.fail(Error::usage(QStringLiteral("choose one of --json and --csv")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    const QTimeZone zone = (*session)->shop().timeZone;
    auto start = isotime::parseDateStart(**from, zone);
    if (!start) {
        return ctx.fail(start.error());
    }
    auto end = isotime::parseDateStart(**to, zone);
    if (!end) {
        return ctx.fail(end.error());
    }
    auto report = CliContext::wait((*session)->reports().agents(*start, *end, static_cast<int>(slow->value_or(120))));
    if (!report) {
        return ctx.fail(report.error());
    }
    const std::vector<AgentPerformance>* lines = &report->agents;
    QTextStream& out = ctx.io().out;
    if (json) {
        for (const AgentPerformance& p : *lines) {
            JsonWriter w;
            w.add(u"agent", p.agent)
                .add(u"conversations", p.conversations)
                .add(u"replies", p.replies)
                .add(u"turns_answered", p.turnsAnswered);
            p.firstResponseAvgSecs ? w.add(u"first_response_avg_s", *p.firstResponseAvgSecs, 1)
                                   : w.addNull(u"first_response_avg_s");
            p.responseAvgSecs ? w.add(u"response_avg_s", *p.responseAvgSecs, 1) : w.addNull(u"response_avg_s");
            w.add(u"slow_replies", p.slowReplies)
                .add(u"unanswered_30m", p.unanswered30m)
                .add(u"orders", p.orders)
                .add(u"sales_fen", p.salesFen)
                .add(u"inquiring_buyers", p.inquiringBuyers)
                .add(u"converted_buyers", p.convertedBuyers)
                .add(u"conversion_rate", p.conversionRate, 4);
            out << QString::fromUtf8(w.toJson()) << '\n';
        }
        return 0;
    }
    const QStringList& header = AgentPerformance::columns();
    if (csv) {
        out << QString::fromUtf8(agentReportCsv(AgentReport{*lines, {}}, false));
        return 0;
    }
    out << header.join(QLatin1Char('\t')) << '\n';
    for (const AgentPerformance& p : *lines) {
        out << p.cells(QStringLiteral("-")).join(QLatin1Char('\t')) << '\n';
    }
    if (lines->empty()) {
        ctx.io().err << "no agent was active in that window" << Qt::endl;
    }
    return 0;
}

} // namespace shopdesk::cli
