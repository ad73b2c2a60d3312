#pragma once

#include "auth/Permission.h"
#include "domain/Capabilities.h"

class QWidget;

namespace shopdesk::session {
class ShopSession;
}

namespace shopdesk::ui {

/// The UI's mirror of the services' rules (the services check again): an action the person may
/// not do is disabled with a tooltip naming the missing permission; one the platform cannot do is
/// hidden. A mirrored control follows the session: when the account's permissions change, it is
/// mirrored again within a second, without a restart.
namespace gates {

/// The UI language ("zh_CN" or "en"), set once at start-up.
void setLanguage(const QString& language);
const QString& language();

/// "Needs the permission 同意退款 (refund.agree)".
QString missingPermissionText(auth::Permission permission);

/// Enables `w` when the session's account holds `permission`, else disables it with the tooltip
/// above; `enabledTip` is its tooltip when allowed. Re-applied whenever the session's authority
/// changes. Returns whether it is allowed now.
bool mirror(QWidget* w, session::ShopSession& session, auth::Permission permission, const QString& enabledTip = {});

/// After mirror(): also disables `w` with `reason` as its tooltip while the state does not allow
/// the action (`ok` false). A widget disabled for a permission keeps that tooltip.
void disableUnless(QWidget* w, bool ok, const QString& reason);

/// Hides `w` when the platform lacks `capability`; returns whether it is offered.
bool offer(QWidget* w, const platform::Capabilities& capabilities, platform::Capability capability);

} // namespace gates
} // namespace shopdesk::ui
