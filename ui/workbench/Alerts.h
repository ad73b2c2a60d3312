#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace shopdesk::ui {

/// New buyers and messages while the window is not in front: taskbar flash, tray message and a
/// short sound, each of which the agent can turn off (kept in the settings).
class Alerts : public QObject {
    Q_OBJECT
public:
    explicit Alerts(QWidget* window);

    bool flash() const { return m_flash; }
    bool sound() const { return m_sound; }
    bool tray() const { return m_tray; }
    void setFlash(bool on);
    void setSound(bool on);
    void setTray(bool on);
    /// Seconds after which an unanswered buyer counts as slow (amber in the list).
    int slowSeconds() const { return m_slowSeconds; }
    void setSlowSeconds(int secs);

    void notify(const QString& title, const QString& text);
    /// How many alerts were raised (tests and the status bar).
    int raised() const { return m_raised; }

private:
    QWidget* m_window;
    QSystemTrayIcon* m_trayIcon = nullptr;
    bool m_flash;
    bool m_sound;
    bool m_tray;
    int m_slowSeconds;
    int m_raised = 0;
};

} // namespace shopdesk::ui
