#pragma once

#include <QString>

namespace shopdesk {

/// Where ShopDesk keeps its files. Both the app and shopdeskctl use the same names so they find the
/// same default database.
namespace apppaths {

/// Sets QCoreApplication's application/organisation names (call once, right after creating the app).
void setApplicationIdentity();

/// Per-user data directory (QStandardPaths::AppDataLocation), created when missing.
QString dataDir();

/// The default database: <dataDir>/shopdesk.db.
QString defaultDatabase();

/// Log directory: <dataDir>/logs.
QString logDir();

} // namespace apppaths

} // namespace shopdesk
