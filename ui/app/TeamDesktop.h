#pragma once

#include "session/RemoteShop.h"

#include <QApplication>

namespace shopdesk::ui {

/// The workbench in team mode: logs in to `server` (with the login dialog, or as `account` with
/// the password in SHOPDESK_PASSWORD), shows the same workbench over the remote session, and
/// brings the login back with the reason when the session ends. `screenshot`: save a PNG of the
/// window after `afterMs` and exit.
int runTeamDesktop(QApplication& app, const session::ServerOptions& server, const QString& account,
                   const QString& screenshot, const QString& show, int afterMs);

} // namespace shopdesk::ui
