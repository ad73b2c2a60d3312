#pragma once

#include <QString>

namespace shopdesk::ui {

class MainWindow;

/// After `afterMs`, opens the busiest chat, shows `what` (a side tab, the picker or follow-ups),
/// saves the window as a PNG and quits (for the docs and for looking at the app headless).
void scheduleScreenshot(MainWindow& window, const QString& path, const QString& what, int afterMs);

} // namespace shopdesk::ui
