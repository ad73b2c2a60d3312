#pragma once

#include "core/Result.h"

#include <QString>

namespace shopdesk::auth {

/// A new password: at least 8 characters and not the account's name (short or full).
Status checkNewPassword(const QString& password, const QString& shortName, const QString& fullName);

/// Sub-account short names: 1-32 characters, no ':' (it separates shop and name), no white space
/// or control characters.
Status checkAccountName(const QString& name);

} // namespace shopdesk::auth
