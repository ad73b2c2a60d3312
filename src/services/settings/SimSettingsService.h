#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/SimSettings.h"

namespace shopdesk {

class AccessGate;
class AuditLog;
class SettingsRepository;

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
