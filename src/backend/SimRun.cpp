#include "backend/SimRun.h"

#include "backend/Backend.h"
#include "core/JsonWriter.h"
#include "platform/IngestPipeline.h"
#include "platform/sim/SimPlatform.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "store/SqliteStore.h"

#include <QElapsedTimer>
#include <QThread>

#include <cmath>

namespace shopdesk {

namespace {

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

} // namespace

Result<SimRun::Summary> SimRun::run(Backend& b) const
{
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        return corpus.error();
    }
    auto config = simConfig(b, setup);
    if (!config) {
        return config.error();
    }
    auto world = platform::sim::SimulatedShop::create(std::move(*config), *corpus);
    if (!world) {
        return world.error();
    }
    platform::sim::SimPlatform sim(std::move(*world), {});
    platform::IngestPipeline pipeline(sim, b.store().history(), b.vault());
    if (Status st = pipeline.start(platform::IngestPipeline::Mode::Manual); !st) {
        return st.error();
    }

    // Time moves in steps; each step's events are stored (and acknowledged) before the next.
    const qint64 end = minutes * 60;

    const qint64 step = speed > 0 ? std::max<qint64>(1, std::llround(speed / 10)) : 60;
    QElapsedTimer wall;
    wall.start();
    for (qint64 t = std::min(step, end);; t = std::min(t + step, end)) {
        sim.advanceTo(t);
        if (auto handled = pipeline.drain(); !handled) {
            return handled.error();
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
        return !stored ? stored.error() : cursor.error();
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
    w.add(u"seed", static_cast<qint64>(setup.seed))
        .add(u"stream", sim.streamId())
        .add(u"minutes", minutes)
        .add(u"agents", setup.bots)
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
    return Summary{w.toJson(), violations};
}

} // namespace shopdesk
