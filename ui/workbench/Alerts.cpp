#include "workbench/Alerts.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

namespace shopdesk::ui {

Alerts::Alerts(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    QSettings s;
    m_flash = s.value(QStringLiteral("alerts/flash"), true).toBool();
    m_sound = s.value(QStringLiteral("alerts/sound"), true).toBool();
    m_tray = s.value(QStringLiteral("alerts/tray"), true).toBool();
    m_slowSeconds = std::max(10, s.value(QStringLiteral("alerts/slowSeconds"), 100).toInt());
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayIcon = new QSystemTrayIcon(window->windowIcon(), this);
        m_trayIcon->show();
    }
}

void Alerts::setFlash(bool on)
{
    m_flash = on;
    QSettings().setValue(QStringLiteral("alerts/flash"), on);
}

void Alerts::setSound(bool on)
{
    m_sound = on;
    QSettings().setValue(QStringLiteral("alerts/sound"), on);
}

void Alerts::setTray(bool on)
{
    m_tray = on;
    QSettings().setValue(QStringLiteral("alerts/tray"), on);
}

void Alerts::setSlowSeconds(int secs)
{
    m_slowSeconds = std::max(10, secs);
    QSettings().setValue(QStringLiteral("alerts/slowSeconds"), m_slowSeconds);
}

void Alerts::notify(const QString& title, const QString& text)
{
    if (m_window->isActiveWindow()) {
        return;
    }
    ++m_raised;
    if (m_flash) {
        QApplication::alert(m_window);
    }
    if (m_sound) {
        QApplication::beep();
    }
    if (m_tray && m_trayIcon) {
        m_trayIcon->showMessage(title, text, QSystemTrayIcon::Information, 4000);
    }
}

} // namespace shopdesk::ui
