#pragma once

#include "core/Result.h"
#include "platform/sim/SimulatedShop.h"

namespace shopdesk {

class Backend;

/// How a simulated shop is set up over a store: the store's routing settings and groups, colleague
/// bots spread over the groups, and optionally one person (the logged-in agent).
struct SimSetup {
    quint64 seed = 1;
    double buyersPerMinute = 6.0;
    /// The real time of simulated second 0; the backend clock's now when not given.
    std::optional<Timestamp> start;
    /// Bot agents "客服01", "客服02", ...
    int bots = 4;
    /// The account a person plays (empty: bots only). It starts offline; the workbench sets it online.
    QString person;
    /// The person is at the desk from the world's start (a workbench that opens on a shop that has
    /// been running); else offline until they set their status.
    bool personOnline = false;
    double malformedRate = 0;
    double transientErrorRate = 0;

    /// The fixed default start of headless runs (so that runs with one seed are identical):
    /// 2026-11-11 09:00 Beijing time.
    static Timestamp defaultStart();
    static QString botName(int i);

    /// The simulated shop's routing for the store's configuration: a group "presales" with limit 8
    /// when there is none, the person in a known group, the bots spread over the groups with their
    /// group's limit. Used when the world is made and again whenever the configuration changes.
    Result<RoutingConfig> routingFor(const RoutingConfig& stored) const;
};

/// The simulation's configuration: routing from the store (a group "presales" with limit 8 when it
/// has none), bots assigned to the groups round-robin with the group's limit.
Result<platform::sim::SimConfig> simConfig(Backend& backend, const SimSetup& setup);

} // namespace shopdesk
