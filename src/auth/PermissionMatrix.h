#pragma once

#include <QString>

namespace shopdesk::auth {

/// docs/permissions.md, generated from the permission catalogue, the built-in roles and the central
/// operation table (shopdeskctl perm matrix). A test fails when the committed file differs.
QString permissionMatrixMarkdown();

} // namespace shopdesk::auth
