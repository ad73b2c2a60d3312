#include "common/Gates.h"

#include "session/ShopSession.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

namespace shopdesk::ui::gates {

namespace {

QString g_language = QStringLiteral("zh_CN");

/// What a mirrored widget obeys: a permission, and the state of what it acts on.
class Binding final : public QObject {
public:
    Binding(QWidget* w, session::ShopSession& session)
        : QObject(w)
        , m_widget(w)
        , m_session(session)
    {
        setObjectName(QStringLiteral("gateBinding"));
        connect(&session, &session::ShopSession::authorityChanged, this, &Binding::apply);
    }

    void require(auth::Permission permission, const QString& enabledTip)
    {
        m_permission = permission;
        m_enabledTip = enabledTip;
        m_stateOk = true;
        m_stateReason.clear();
    }
    void setState(bool ok, const QString& reason)
    {
        m_stateOk = ok;
        m_stateReason = reason;
    }
    bool allowed() const { return m_session.can(m_permission); }
    void apply()
    {
        if (!m_widget) {
            return;
        }
        const bool permitted = allowed();
        m_widget->setEnabled(permitted && m_stateOk);
        m_widget->setToolTip(!permitted   ? missingPermissionText(m_permission)
                             : !m_stateOk ? m_stateReason
                                          : m_enabledTip);
    }

private:
    QPointer<QWidget> m_widget;
    session::ShopSession& m_session;
    auth::Permission m_permission = auth::Permission::ChatRead;
    QString m_enabledTip;
    bool m_stateOk = true;
    QString m_stateReason;
};

Binding* bindingOf(QWidget* w)
{
    return w->findChild<Binding*>(QStringLiteral("gateBinding"), Qt::FindDirectChildrenOnly);
}

} // namespace

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

bool mirror(QWidget* w, session::ShopSession& session, auth::Permission permission, const QString& enabledTip)
{
    Binding* b = bindingOf(w);
    if (!b) {
        b = new Binding(w, session);
    }
    b->require(permission, enabledTip);
    b->apply();
    return b->allowed();
}

void disableUnless(QWidget* w, bool ok, const QString& reason)
{
    if (Binding* b = bindingOf(w)) {
        b->setState(ok, reason);
        b->apply();
        return;
    }
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
