#pragma once

#include <QString>

namespace shopdesk::ui {

/// `shopdesk --bench-ui`: builds a store with a million cached messages (a 10,000-message
/// conversation among them) in a child process, then measures in this one, offscreen: cold start to
/// first paint, tab switches with 50 open tabs, scrolling the long conversation end to end, event-
/// loop stalls while the simulated shop runs at 双11 load, and peak RSS with 100 open tabs. Each
/// figure is printed next to its budget with the ratio. SHOPDESK_BENCH_MESSAGES and
/// SHOPDESK_BENCH_STALL_SECONDS shrink the run (the test suite's smoke run).
int runUiBench(const QString& keepDir);

} // namespace shopdesk::ui
