// Ingest pipeline benchmark (issue 5): the simulated shop at 双11 load (≥ 1,000 buyer messages a
// minute) through the whole pipeline (fetch, decode, seal buyers' personal data, store with the
// cursor in the same transaction, acknowledge), against the store's raw ingest of the same records
// decoded and sealed beforehand. Also: the run as `sim run` does it (the world generated step by
// step, each minute stored before the next) and the commit latency per step.
//
//   pipeline_bench [--minutes M] [--buyers-per-minute B] [--agents N]

#include "backend/Backend.h"
#include "backend/SimSetup.h"
#include "crypto/KeyStore.h"
#include "platform/IngestPipeline.h"
#include "platform/sim/SimPlatform.h"
#include "services/demo/EcdCorpus.h"
#include "services/privacy/PiiVault.h"
#include "store/SqliteStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace shopdesk;

namespace {

struct Options {
    int minutes = 30;
    double buyersPerMinute = 400;
    int agents = 400;
};

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "pipeline_bench: %s failed\n", what);
        std::exit(1);
    }
}

std::unique_ptr<Backend> openBackend(const QTemporaryDir& dir, const QString& name)
{
    Backend::Options o;
    o.databasePath = dir.filePath(name + QStringLiteral(".db"));
    o.create = true;
    o.keyStores.push_back(std::make_unique<crypto::FileKeyStore>(dir.filePath(name + QStringLiteral("-keys"))));
    o.passwordParams = {1, 8 * 1024};
    auto b = Backend::open(std::move(o));
    check(b.ok(), "open a store");
    Shop shop;
    shop.name = QStringLiteral("果果旗舰店");
    check((*b)->initialise(shop, QStringLiteral("店长"), QStringLiteral("bench-pass-1")).ok(), "initialise");
    return std::move(*b);
}

platform::sim::SimConfig config(const Options& o)
{
    platform::sim::SimConfig c;
    c.seed = 1111;
    c.buyersPerMinute = o.buyersPerMinute;
    c.start = SimSetup::defaultStart();
    c.groups = {{QStringLiteral("presales"), 8}, {QStringLiteral("aftersales"), 5}};
    for (int i = 0; i < o.agents; ++i) {
        c.agents.push_back({SimSetup::botName(i), c.groups[static_cast<std::size_t>(i % 2)].name, std::nullopt,
                            routing::AgentStatus::Offline});
        c.botAgents << SimSetup::botName(i);
    }
    return c;
}

std::unique_ptr<platform::sim::SimPlatform> world(const Options& o, const EcdCorpus& corpus)
{
    auto shop = platform::sim::SimulatedShop::create(config(o), corpus);
    check(shop.ok(), "create the simulated shop");
    return std::make_unique<platform::sim::SimPlatform>(std::move(*shop), platform::sim::SimPlatform::Pacing{});
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--minutes")) {
            o.minutes = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--buyers-per-minute")) {
            o.buyersPerMinute = args[i + 1].toDouble();
        } else if (args[i] == QLatin1String("--agents")) {
            o.agents = args[i + 1].toInt();
        }
    }
    check(o.minutes > 0 && o.buyersPerMinute > 0 && o.agents > 0, "options");
    auto corpus = EcdCorpus::embedded();
    check(corpus.ok(), "load the dialogues");
    QTemporaryDir dir;
    check(dir.isValid(), "temporary directory");
    const qint64 end = o.minutes * 60LL;

    // 0. The world alone.
    QElapsedTimer t;
    t.start();
    auto sim = world(o, *corpus);
    sim->advanceTo(end);
    const double worldSecs = t.nsecsElapsed() / 1e9;
    const auto stats = sim->stats();
    const auto events = sim->fetch(0, 100'000'000);
    const qint64 n = static_cast<qint64>(events.size());
    std::printf("world: %d simulated minutes, %lld buyer messages (%.0f a minute), %lld agent messages, %lld events; "
                "generated in %.2f s\n",
                o.minutes, static_cast<long long>(stats.messagesIn), static_cast<double>(stats.messagesIn) / o.minutes,
                static_cast<long long>(stats.messagesOut), static_cast<long long>(n), worldSecs);

    // 1. Baseline: the store's raw ingest of the same records, decoded and sealed beforehand.
    auto raw = openBackend(dir, QStringLiteral("raw"));
    std::vector<std::vector<ImportRecord>> batches(1);
    for (const auto& e : events) {
        auto records = sim->decode(e);
        check(records.ok(), "decode");
        for (auto& r : *records) {
            if (auto* order = std::get_if<Order>(&r)) {
                raw->vault().seal(*order);
            }
            batches.back().push_back(std::move(r));
        }
        if (batches.back().size() >= static_cast<std::size_t>(platform::IngestPipeline::kBatchEvents)) {
            batches.emplace_back();
        }
    }
    t.restart();
    for (auto& batch : batches) {
        auto f = raw->store().history().ingest(std::move(batch));
        f.waitForFinished();
        check(f.result().ok(), "raw ingest");
    }
    const double rawSecs = t.nsecsElapsed() / 1e9;
    const double rawRate = static_cast<double>(n) / rawSecs;
    std::printf("store raw ingest (records ready):  %9.0f events/s  (%.2f s)\n", rawRate, rawSecs);

    // 2. The pipeline over the same, already generated stream.
    auto piped = openBackend(dir, QStringLiteral("pipeline"));
    platform::IngestPipeline pipeline(*sim, piped->store().history(), piped->vault());
    check(pipeline.start(platform::IngestPipeline::Mode::Manual).ok(), "start the pipeline");
    t.restart();
    auto handled = pipeline.drain();
    const double pipeSecs = t.nsecsElapsed() / 1e9;
    check(handled.ok() && *handled == n, "pipeline drain");
    const double pipeRate = static_cast<double>(n) / pipeSecs;
    std::printf("pipeline (fetch+decode+seal+store+ack): %9.0f events/s  (%.2f s)  ratio to raw %.2f\n", pipeRate,
                pipeSecs, pipeRate / rawRate);

    // 3. As `sim run` runs it: a fresh world stepped a minute at a time, each minute stored and
    // acknowledged before the next; per-step commit latency.
    auto stepped = openBackend(dir, QStringLiteral("stepped"));
    auto live = world(o, *corpus);
    platform::IngestPipeline stepPipeline(*live, stepped->store().history(), stepped->vault());
    check(stepPipeline.start(platform::IngestPipeline::Mode::Manual).ok(), "start the stepped pipeline");
    std::vector<double> stepMs;
    QElapsedTimer step;
    t.restart();
    for (qint64 s = 60; s <= end; s += 60) {
        live->advanceTo(s);
        step.start();
        check(stepPipeline.drain().ok(), "stepped drain");
        stepMs.push_back(step.nsecsElapsed() / 1e6);
    }
    const double stepSecs = t.nsecsElapsed() / 1e9;
    const double perMinute = static_cast<double>(n) / o.minutes;
    std::printf(
        "end to end (world + pipeline, a minute per step): %9.0f events/s; store a minute of 双11: p50 %.1f ms, "
        "p99 %.1f ms; %.0fx faster than real time\n",
        static_cast<double>(n) / stepSecs, percentile(stepMs, 0.5), percentile(stepMs, 0.99),
        (o.minutes * 60.0) / stepSecs);
    std::printf("headroom: the pipeline stores %.0f events/s; this load makes %.0f events/s (%.0fx)\n", pipeRate,
                perMinute / 60.0, pipeRate / (perMinute / 60.0));

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS %.0f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
