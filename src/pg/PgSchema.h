#pragma once

#include "core/Result.h"

namespace shopdesk::pg {

class PgConnection;

/// The team server's schema in PostgreSQL, in versioned steps (each in its own transaction,
/// serialised by an advisory lock so that two servers starting together do not race). A database
/// of a newer ShopDesk is refused and never modified.
namespace schema {

int currentVersion();
/// The version the database is at (0: empty).
Result<int> version(PgConnection& c);
/// Brings the database to currentVersion().
Status migrate(PgConnection& c);

} // namespace schema

} // namespace shopdesk::pg
