#include "common/Gates.h"

#include <QCoreApplication>
#include <QWidget>

namespace shopdesk::ui::gates {

namespace {
QString g_language = QStringLiteral("zh_CN");
}

void setLanguage(const QString& language)
{
    g_language = language;
}

const QString& language()
{
    return g_language;
}

QString missingPermissionText(auth::Permission permission)
{
    return QCoreApplication::translate("Gates", "Needs the permission %1")
        .arg(auth::permissionLabel(permission, g_language));
}

bool mirror(QWidget* w, const auth::Actor& actor, auth::Permission permission, const QString& enabledTip)
{
    const bool allowed = actor.can(permission);
    w->setEnabled(allowed);
    w->setToolTip(allowed ? enabledTip : missingPermissionText(permission));
    return allowed;
}

void disableUnless(QWidget* w, bool ok, const QString& reason)
{
    if (w->isEnabled() && !ok) {
        w->setEnabled(false);
        w->setToolTip(reason);
    }
}

bool offer(QWidget* w, const platform::Capabilities& capabilities, platform::Capability capability)
{
    const bool offered = platform::has(capabilities, capability);
    w->setVisible(offered);
    return offered;
}

} // namespace shopdesk::ui::gates
