#pragma once

#include "session/ShopSession.h"

namespace shopdesk::ui {

/// What every workbench widget is built with: the session of the person logged in, the one door to
/// the shop. Passed by constructor; widgets keep the reference (the session outlives the window).
struct WorkbenchContext {
    session::ShopSession& session;

    const QString& shopName() const { return session.shop().name; }
    const session::Identity& me() const { return session.me(); }
};

} // namespace shopdesk::ui
