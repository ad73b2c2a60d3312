#pragma once

#include "auth/Actor.h"
#include "core/Result.h"

namespace shopdesk {

class AccessGate;
class AuditLog;
class SettingsRepository;

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

class SimSettingsService {
public:
    SimSettingsService(SettingsRepository& settings, AccessGate& gate, AuditLog& audit);

    /// The stored settings (defaults where unset); readable without a permission.
    Result<SimSettings> load();
    Status save(const auth::Actor& actor, const SimSettings& settings);
    /// Sets one key ("sim.bots", "sim.buyers_per_minute", "sim.speed") from text.
    Status set(const auth::Actor& actor, const QString& key, const QString& value);

    static const QStringList& keys();

private:
    SettingsRepository& m_settings;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
