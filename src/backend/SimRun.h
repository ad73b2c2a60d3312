#pragma once

#include "backend/SimSetup.h"
#include "core/Result.h"

#include <QByteArray>

namespace shopdesk {

class Backend;

/// A headless run of the simulated shop over a store (shopdeskctl sim run): time moves in steps,
/// each step's events are stored through the ingest pipeline before the next, and the summary
/// cross-checks the world against the store.
struct SimRun {
    SimSetup setup;
    qint64 minutes = 10;
    double speed = 60; ///< simulated seconds per real second; 0 = as fast as possible

    struct Summary {
        QByteArray json;
        qint64 violations = 0;
    };
    /// Runs it to the end (the calling thread waits for every commit).
    Result<Summary> run(Backend& backend) const;
};

} // namespace shopdesk
