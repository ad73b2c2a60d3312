#include "cli/Commands.h"

#include "core/IsoTime.h"
#include "session/Simulation.h"

#include <cmath>
#include <limits>

namespace shopdesk::cli {

namespace {

Result<double> number(Args& args, const QString& name, double fallback, double min, double max)
{
    auto text = args.option(name);
    if (!text) {
        return text.error();
    }
    if (!*text) {
        return fallback;
    }
    bool ok = false;
    const double v = (*text)->toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max) {
        return Error::usage(QStringLiteral("--%1 must be a number from %2 to %3").arg(name).arg(min).arg(max));
    }
    return v;
}

Result<session::SimRunOptions> parseOptions(Args& args)
{
    session::SimRunOptions o;
    auto minutes = args.integer(QStringLiteral("minutes"), 1, 7 * 24 * 60);
    auto seed = args.integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max());
    auto agents = args.integer(QStringLiteral("agents"), 1, 5000);
    auto speedText = args.option(QStringLiteral("speed"));
    auto start = args.option(QStringLiteral("start"));
    for (const auto* r : {&minutes, &seed, &agents}) {
        if (!*r) {
            return r->error();
        }
    }
    for (const auto* r : {&speedText, &start}) {
        if (!*r) {
            return r->error();
        }
    }
    auto buyers = number(args, QStringLiteral("buyers-per-minute"), -1, 0, 100'000);
    if (!buyers) {
        return buyers.error();
    }
    auto malformed = number(args, QStringLiteral("malformed-rate"), 0, 0, 1);
    if (!malformed) {
        return malformed.error();
    }
    auto transient = number(args, QStringLiteral("transient-error-rate"), 0, 0, 1);
    if (!transient) {
        return transient.error();
    }
    if (*speedText && **speedText != QLatin1String("max")) {
        bool ok = false;
        o.speed = (*speedText)->toDouble(&ok);
        if (!ok || !std::isfinite(o.speed) || o.speed <= 0 || o.speed > 1e9) {
            return Error::usage(QStringLiteral("--speed must be 'max' or a positive number (simulated seconds per "
                                               "second)"));
        }
    } else if (*speedText) {
        o.speed = 0;
    }
    if (*start) {
        auto t = isotime::parse(**start);
        if (!t) {
            return Error::usage(QStringLiteral("--start: %1").arg(t.error().message));
        }
        o.start = *t;
    }
    o.minutes = minutes->value_or(10);
    o.seed = static_cast<quint64>(seed->value_or(1));
    if (*agents) {
        o.agents = static_cast<int>(**agents);
    }
    if (*buyers >= 0) {
        o.buyersPerMinute = *buyers;
    }
    o.malformedRate = *malformed;
    o.transientErrorRate = *transient;
    return o;
}

} // namespace

int runSimRun(CliContext& ctx, Args& args)
{
    auto options = parseOptions(args);
    if (!options) {
        return ctx.fail(options.error());
    }
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    // It writes thousands of invented buyers, orders and sessions: an account must answer for it.
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto outcome = CliContext::wait((*session)->simulation().run(*options));
    if (!outcome) {
        return ctx.fail(outcome.error());
    }
    ctx.io().out << QString::fromUtf8(outcome->summary) << '\n';
    ctx.io().out.flush();
    return outcome->ok ? 0 : 1;
}

} // namespace shopdesk::cli
