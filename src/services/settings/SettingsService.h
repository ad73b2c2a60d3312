#pragma once

#include "auth/Actor.h"
#include "core/Result.h"

#include <QString>

#include <vector>

namespace shopdesk {

class AccessGate;
class AccountService;
class FollowUpRulesService;
class ShopTextsService;
class SimSettingsService;

/// The shop's settings by key, as `shopdeskctl settings show|set` and the console list and change
/// them: login.* (lockout), sim.* (the simulated shop), followup.* (the chase rules). Each key's
/// own service checks the value and the permission and audits the change.
class SettingsService {
public:
    struct Entry {
        QString key;
        QString value;
    };

    SettingsService(AccountService& accounts, SimSettingsService& sim, FollowUpRulesService& followUps,
                    ShopTextsService& texts, AccessGate& gate);

    /// Every setting with its value now (settings.view).
    Result<std::vector<Entry>> list(const auth::Actor& actor);
    /// One setting from text; NotFound names the keys there are.
    Status set(const auth::Actor& actor, const QString& key, const QString& value);

private:
    AccountService& m_accounts;
    SimSettingsService& m_sim;
    FollowUpRulesService& m_followUps;
    ShopTextsService& m_texts;
    AccessGate& m_gate;
};

} // namespace shopdesk
