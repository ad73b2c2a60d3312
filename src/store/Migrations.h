#pragma once

#include "core/Result.h"

#include <functional>
#include <vector>

namespace shopdesk::store {

class SqliteConnection;

/// One step of the schema history. Steps run in order, each in its own transaction, and are never
/// edited once released: a change to the schema is a new step.
struct Migration {
    int version;
    const char* name;
    std::function<void(SqliteConnection&)> apply;
};

/// ShopDesk's schema history, oldest first.
const std::vector<Migration>& migrations();

/// The version this build writes (the last step's).
int currentSchemaVersion();

/// "SHDK": PRAGMA application_id of every ShopDesk database.
constexpr int kApplicationId = 0x5348444B;

/// Reads the schema version without writing anything: 0 for an empty file, -1 when the file is
/// some other SQLite database. Errors for unreadable files.
Result<int> readSchemaVersion(SqliteConnection& conn);

/// Brings the database to the current version. A database from a newer ShopDesk is refused
/// before anything is written. `upTo` limits the steps (tests build old fixtures with it).
Status migrate(SqliteConnection& conn, int upTo = -1);

} // namespace shopdesk::store
