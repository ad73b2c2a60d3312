#pragma once

#include "auth/Actor.h"

namespace shopdesk {
class Backend;
class LiveShop;
} // namespace shopdesk

namespace shopdesk::ui {

/// What every workbench widget is built with: the services (through the backend and the live
/// shop) and the logged-in agent. Passed by constructor; widgets keep references.
struct WorkbenchContext {
    Backend& backend;
    LiveShop& live;
    auth::Actor actor;
    QString shopName;
};

} // namespace shopdesk::ui
