// Routing benchmark (issue 4): a burst of 100,000 buyers with their agents' replies, timeouts and
// returning buyers, routed across 10 groups; decisions per second and per-event latency, at 100,
// 1,000 and 10,000 agents (the cost must not grow with the number of agents).
//
//   routing_bench [--buyers N]

#include "routing/RoutingEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <queue>
#include <random>

using namespace shopdesk::routing;

namespace {

struct Pending {
    std::int64_t t;
    std::int64_t seq;
    enum Kind { Arrive, Reply, BuyerAgain } kind;
    BuyerIdx buyer;
    GroupIdx group;
    bool operator>(const Pending& o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

/// Schedules each assigned buyer's agent reply, and sometimes a buyer follow-up.
class Driver final : public DecisionSink {
public:
    explicit Driver(std::mt19937_64& rng)
        : m_rng(rng)
    {
    }
    void decided(const Decision& d) override
    {
        ++decisions;
        if (d.kind == Decision::Kind::Assigned) {
            push(d.t + 3 + static_cast<std::int64_t>(m_rng() % 10), Pending::Reply, d.buyer, kNoGroup);
        } else if (d.kind == Decision::Kind::Closed && m_rng() % 10 == 0) {
            // One buyer in ten comes back within the repeat-entry window.
            push(d.t + 30 + static_cast<std::int64_t>(m_rng() % 300), Pending::BuyerAgain, d.buyer, kNoGroup);
        }
    }
    void push(std::int64_t t, Pending::Kind k, BuyerIdx b, GroupIdx g) { queue.push({t, ++m_seq, k, b, g}); }

    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> queue;
    std::int64_t decisions = 0;

private:
    std::mt19937_64& m_rng;
    std::int64_t m_seq = 0;
};

struct Figures {
    double decisionsPerSec;
    double eventsPerSec;
    double p50us;
    double p99us;
    double maxus;
    std::int64_t decisions;
    std::int64_t events;
    std::int64_t peakQueue;
};

Figures run(int agents, int buyers)
{
    Settings s;
    s.queue = Settings::Queue::Shop;
    s.sessionEndMinutes = 2;
    s.repeatEntryMinutes = 10;
    s.handlingMinutes = 3;
    std::vector<GroupConfig> groups;
    for (int g = 0; g < 10; ++g) {
        groups.push_back({QStringLiteral("group%1").arg(g), 5});
    }
    std::vector<AgentConfig> agentConfigs;
    for (int a = 0; a < agents; ++a) {
        agentConfigs.push_back({QStringLiteral("agent%1").arg(a, 5, 10, QLatin1Char('0')),
                                QStringLiteral("group%1").arg(a % 10), std::nullopt, AgentStatus::Online});
    }
    auto engine = RoutingEngine::create(s, groups, agentConfigs);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        std::exit(1);
    }
    std::mt19937_64 rng(7);
    Driver driver(rng);
    std::vector<BuyerIdx> ids(static_cast<std::size_t>(buyers));
    for (int i = 0; i < buyers; ++i) {
        ids[static_cast<std::size_t>(i)] = (*engine)->buyer(QStringLiteral("b%1").arg(i));
        // A burst: 200 new buyers a second; 80% enter from a group's page, 20% shop-wide.
        driver.push(i / 200, Pending::Arrive, ids[static_cast<std::size_t>(i)],
                    rng() % 5 == 0 ? kNoGroup : static_cast<GroupIdx>(rng() % 10));
    }
    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(buyers) * 3);
    std::int64_t peakQueue = 0;
    QElapsedTimer total;
    total.start();
    std::int64_t lastT = 0;
    while (!driver.queue.empty()) {
        const Pending p = driver.queue.top();
        driver.queue.pop();
        lastT = p.t;
        const auto start = std::chrono::steady_clock::now();
        shopdesk::Status st;
        switch (p.kind) {
        case Pending::Arrive:
        case Pending::BuyerAgain:
            st = (*engine)->buyerMessage(p.t, p.buyer, p.group, driver);
            break;
        case Pending::Reply:
            if ((*engine)->sessionAgent(p.buyer) < 0) {
                continue; // closed before the reply was due
            }
            st = (*engine)->agentMessage(p.t, p.buyer, driver);
            break;
        }
        latencies.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
        if (!st) {
            std::fprintf(stderr, "engine refused an event: %s\n", qPrintable(st.error().message));
            std::exit(1);
        }
        if ((latencies.size() & 1023) == 0) {
            peakQueue = std::max<std::int64_t>(peakQueue, (*engine)->queueLength());
        }
    }
    // Let every session time out.
    const auto start = std::chrono::steady_clock::now();
    (void)(*engine)->advance(lastT + 3600, driver);
    latencies.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    const double secs = total.nsecsElapsed() / 1e9;
    std::vector<double> sorted = latencies;
    std::sort(sorted.begin(), sorted.end());
    auto pct = [&](double p) {
        return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()))];
    };
    return {driver.decisions / secs,
            latencies.size() / secs,
            pct(0.5),
            pct(0.99),
            sorted.back(),
            driver.decisions,
            static_cast<std::int64_t>(latencies.size()),
            peakQueue};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int buyers = 100000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--buyers") {
            buyers = args[++i].toInt();
        }
    }
    std::printf("routing: %d buyers arriving 200/s across 10 groups, replies, 2-minute session end, 10%% return\n\n",
                buyers);
    std::printf("  %7s %10s %12s %12s %9s %9s %9s %11s\n", "agents", "decisions", "decisions/s", "events/s", "p50 us",
                "p99 us", "max us", "peak queue");
    bool ok = true;
    for (int agents : {100, 1000, 10000}) {
        const Figures f = run(agents, buyers);
        std::printf("  %7d %10lld %12.0f %12.0f %9.2f %9.2f %9.1f %11lld\n", agents,
                    static_cast<long long>(f.decisions), f.decisionsPerSec, f.eventsPerSec, f.p50us, f.p99us, f.maxus,
                    static_cast<long long>(f.peakQueue));
        if (agents == 1000) {
            ok = f.decisionsPerSec >= 500000 && f.p99us <= 20;
        }
    }
    std::printf("\ntarget at 1,000 agents: >= 500,000 decisions/s and p99 <= 20 us: %s\n", ok ? "PASS" : "MISS");
    return 0;
}
