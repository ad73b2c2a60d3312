#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"

#include <QByteArray>
#include <QFuture>

#include <optional>

namespace shopdesk::session {

/// A headless run of the simulated shop with bot agents (shopdeskctl sim run).
struct SimRunOptions {
    qint64 minutes = 10;
    /// Simulated seconds per real second; 0: as fast as possible.
    double speed = 60;
    quint64 seed = 1;
    /// Bot agents and the pace of buyers: the shop's sim.* settings when not given.
    std::optional<int> agents;
    std::optional<double> buyersPerMinute;
    double malformedRate = 0;
    double transientErrorRate = 0;
    /// The real time of the world's second 0 (2026-11-11 09:00 Beijing time when not given, so that
    /// runs with one seed are identical).
    std::optional<Timestamp> start;
};

/// The simulated shop (sim.run): only on a store whose shop is the simulated one, audited, since it
/// writes thousands of invented buyers, orders and sessions.
class Simulation {
public:
    virtual ~Simulation() = default;
    /// Runs to the end and returns the run's summary as one JSON object; `ok` is false when the
    /// world and the store disagree (invariant violations).
    struct Outcome {
        QByteArray summary;
        bool ok = true;
    };
    virtual QFuture<Result<Outcome>> run(const SimRunOptions& options) = 0;
};

} // namespace shopdesk::session
