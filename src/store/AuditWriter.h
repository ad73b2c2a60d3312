#pragma once

#include "domain/Account.h"

#include <vector>

namespace shopdesk {
class AuditChain;
}

namespace shopdesk::store {

class SqliteConnection;

/// Appends entries to the audit chain inside the writer's open transaction (so they commit, or
/// roll back, with the action they describe) and moves the head MAC. Throws when `chain` is null:
/// nothing is written unaudited.
void appendAudit(SqliteConnection& c, const AuditChain* chain, const std::vector<AuditEntry>& entries);

} // namespace shopdesk::store
