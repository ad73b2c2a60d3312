#include "cli/Commands.h"

#include "backend/Backend.h"
#include "backend/DemoShop.h"
#include "backend/SimSetup.h"
#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "platform/IngestPipeline.h"
#include "platform/sim/SimPlatform.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "services/settings/SimSettingsService.h"
#include "store/SqliteStore.h"

#include <QElapsedTimer>
#include <QThread>

#include <cmath>

namespace shopdesk::cli {

namespace {

struct SimRunOptions {
    SimSetup setup;
    qint64 minutes = 10;
    double speed = 60; ///< simulated seconds per real second; 0 = as fast as possible
    bool agentsGiven = false;
    bool buyersGiven = false;
};

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

Result<SimRunOptions> parseOptions(Args& args)
{
    SimRunOptions o;
    o.setup.start = SimSetup::defaultStart();
    o.setup.bots = 4;
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
        o.setup.start = *t;
    }
    o.minutes = minutes->value_or(10);
    o.setup.seed = static_cast<quint64>(seed->value_or(1));
    o.agentsGiven = agents->has_value();
    o.buyersGiven = *buyers >= 0;
    o.setup.bots = static_cast<int>(agents->value_or(4));
    o.setup.buyersPerMinute = std::max(0.0, *buyers);
    o.setup.malformedRate = *malformed;
    o.setup.transientErrorRate = *transient;
    return o;
}

QByteArray countsJson(const std::map<QString, qint64>& counts)
{
    JsonWriter w;
    for (const auto& [key, n] : counts) {
        if (n != 0) {
            w.add(key, n);
        }
    }
    return w.toJson();
}

/// A store that has no shop yet becomes the demo shop; its accounts are printed once on stderr.
Status ensureShop(CliContext& ctx, Backend& backend)
{
    auto created = demoshop::seed(backend);
    if (!created) {
        return created.error();
    }
    if (!created->empty()) {
        ctx.io().err << "Created the demo shop at " << ctx.databasePath() << "; accounts (shown once):\n";
        for (const auto& a : *created) {
            ctx.io().err << "  " << a.fullName << "  " << a.password << "  (" << a.roles << ")\n";
        }
        ctx.io().err.flush();
    }
    auto shop = backend.shop();
    if (!shop) {
        return shop.error();
    }
    if (shop->platform != QLatin1String("sim")) {
        return Error::invalid(QStringLiteral("shop %1 uses the '%2' platform; sim run only works on a store whose "
                                             "shop uses the simulated shop (sim)")
                                  .arg(shop->name, shop->platform));
    }
    return {};
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
    auto backend = ctx.backend(true);
    if (!backend) {
        return ctx.fail(backend.error());
    }
    Backend& b = **backend;
    if (Status st = ensureShop(ctx, b); !st) {
        return ctx.fail(st);
    }
    // What the options leave out comes from the store's simulated-shop settings.
    auto saved = b.simSettings().load();
    if (!saved) {
        return ctx.fail(saved.error());
    }
    if (!options->agentsGiven) {
        options->setup.bots = std::max(1, saved->bots);
    }
    if (!options->buyersGiven) {
        options->setup.buyersPerMinute = saved->buyersPerMinute;
    }
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        return ctx.fail(corpus.error());
    }
    auto config = simConfig(b, options->setup);
    if (!config) {
        return ctx.fail(config.error());
    }
    auto world = platform::sim::SimulatedShop::create(std::move(*config), *corpus);
    if (!world) {
        return ctx.fail(world.error());
    }
    platform::sim::SimPlatform sim(std::move(*world), {});
    platform::IngestPipeline pipeline(sim, b.store().history(), b.vault());
    if (Status st = pipeline.start(platform::IngestPipeline::Mode::Manual); !st) {
        return ctx.fail(st);
    }

    // Time moves in steps; each step's events are stored (and acknowledged) before the next.
    const qint64 end = options->minutes * 60;
    const double speed = options->speed;
    const qint64 step = speed > 0 ? std::max<qint64>(1, std::llround(speed / 10)) : 60;
    QElapsedTimer wall;
    wall.start();
    for (qint64 t = std::min(step, end);; t = std::min(t + step, end)) {
        sim.advanceTo(t);
        if (auto handled = pipeline.drain(); !handled) {
            return ctx.fail(handled.error());
        }
        if (speed > 0) {
            const qint64 due = std::llround(static_cast<double>(t) * 1000.0 / speed);
            if (const qint64 ahead = due - wall.elapsed(); ahead > 0) {
                QThread::msleep(static_cast<unsigned long>(ahead));
            }
        }
        if (t >= end) {
            break;
        }
    }
    const qint64 elapsedMs = wall.elapsed();

    // Cross-checks between the world and the store: with the whole stream stored, every message
    // the world produced is stored exactly once and every malformed event was rejected.
    (void)sim.checkInvariants(); // adds to the world's own count
    const platform::sim::SimStats stats = sim.stats();
    qint64 violations = stats.invariantViolations;
    QString prefix;
    qint64 lastCursor = 0;
    sim.inspect([&](const platform::sim::SimulatedShop& s) {
        prefix = s.messageIdPrefix();
        lastCursor = s.outbox().lastCursor();
    });
    auto stored = b.store().messages().countWithIdPrefix(QStringLiteral("sim"), prefix);
    auto cursor = b.store().history().cursor(sim.streamId());
    if (!stored || !cursor) {
        return ctx.fail(!stored ? stored.error() : cursor.error());
    }
    const qint64 worldMessages = stats.messagesIn + stats.messagesOut;
    if (cursor->cursor >= lastCursor) {
        violations += *stored != worldMessages ? 1 : 0;
        violations += cursor->rejected != stats.malformed ? 1 : 0;
    }
    violations += pipeline.stats().refused > 0 ? 1 : 0;

    qint64 refunds = 0;
    for (const auto& [status, n] : stats.refundsByStatus) {
        refunds += n;
    }
    JsonWriter w;
    w.add(u"seed", static_cast<qint64>(options->setup.seed))
        .add(u"stream", sim.streamId())
        .add(u"minutes", options->minutes)
        .add(u"agents", options->setup.bots)
        .add(u"buyers", stats.buyers)
        .add(u"visits", stats.visits)
        .add(u"messages_in", stats.messagesIn)
        .add(u"messages_out", stats.messagesOut)
        .add(u"conversations", stats.conversationsWithMessages)
        .addRaw(u"orders_by_state", countsJson(stats.ordersByState))
        .add(u"refunds", refunds)
        .addRaw(u"refunds_by_status", countsJson(stats.refundsByStatus))
        .addRaw(u"assignments_by_reason", countsJson(stats.assignmentsByReason))
        .add(u"queued", stats.queued)
        .add(u"left_queue", stats.left)
        .add(u"events", stats.events + stats.malformed)
        .add(u"events_stored", pipeline.stats().events - pipeline.stats().rejected)
        .add(u"events_rejected", cursor->rejected)
        .add(u"malformed_injected", stats.malformed)
        .add(u"records_refused", pipeline.stats().refused)
        .add(u"messages_stored", *stored)
        .add(u"transient_failures", stats.transientFailures)
        .add(u"invariant_violations", violations)
        .add(u"elapsed_ms", elapsedMs);
    ctx.printJson(w);
    return violations == 0 ? 0 : 1;
}

} // namespace shopdesk::cli
