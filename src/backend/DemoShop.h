#pragma once

#include "core/Result.h"
#include "services/accounts/AccountService.h"

#include <vector>

namespace shopdesk {

class Backend;

/// The embedded demo shop: 果果旗舰店 with a main account, a supervisor and agents, and a history
/// built from the real dialogues.
namespace demoshop {

struct DemoAccount {
    QString fullName;
    QString password;
    QString roles;
};

/// The agent the app logs in as with --demo.
inline const QString kDemoAgent = QStringLiteral("小美");
inline const QString kDemoSupervisor = QStringLiteral("主管老李");

/// Seeds a store that has no shop yet; returns the accounts created with their (random) passwords,
/// to be shown once. A store that already has a shop is left alone (empty result).
Result<std::vector<DemoAccount>> seed(Backend& backend);

/// Logs in as the demo agent with the password kept beside the database key at seeding time.
Result<auth::Actor> loginDemoAgent(Backend& backend);
/// The demo supervisor (for screenshots of the management pages).
Result<auth::Actor> loginDemoSupervisor(Backend& backend);

} // namespace demoshop

} // namespace shopdesk
