#pragma once

namespace shopdesk {

/// How the embedded simulated shop runs for this store: how many colleague bots work beside the
/// logged-in agent, how busy the shop is, and how fast its time runs. Supervisors set it (with
/// routing.configure, as it shapes the team the queue sees); the workbench and `sim run` read it.
struct SimSettings {
    int bots = 4;
    double buyersPerMinute = 6;
    /// Simulated seconds per real second in the workbench (1 = real time).
    double speed = 1;

    static constexpr int kMaxBots = 500;
    static constexpr double kMaxBuyersPerMinute = 5000;
    static constexpr double kMaxSpeed = 3600;
};

} // namespace shopdesk
