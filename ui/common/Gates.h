#pragma once

#include "auth/Actor.h"
#include "platform/PlatformTypes.h"

class QWidget;

namespace shopdesk::ui {

/// The UI's mirror of the services' rules (the services check again): an action the agent may not
/// do is disabled with a tooltip naming the missing permission; one the adapter cannot do is hidden.
namespace gates {

/// The UI language ("zh_CN" or "en"), set once at start-up.
void setLanguage(const QString& language);
const QString& language();

/// "Needs the permission 同意退款 (refund.agree)".
QString missingPermissionText(auth::Permission permission);

/// Enables `w` when the actor holds `permission`, else disables it with the tooltip above. Keeps
/// `enabledTip` as the tooltip when allowed.
bool mirror(QWidget* w, const auth::Actor& actor, auth::Permission permission, const QString& enabledTip = {});

/// After mirror(): also disables `w` with `reason` as its tooltip when the state does not allow
/// the action (`ok` false). A widget already disabled keeps its permission tooltip.
void disableUnless(QWidget* w, bool ok, const QString& reason);

/// Hides `w` when the platform lacks `capability`; returns whether it is offered.
bool offer(QWidget* w, const platform::Capabilities& capabilities, platform::Capability capability);

} // namespace gates
} // namespace shopdesk::ui
