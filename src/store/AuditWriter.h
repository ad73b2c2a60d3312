#pragma once

#include "domain/Account.h"

#include <vector>

namespace shopdesk::store {

class SqliteConnection;
class SqliteStore;

/// Appends entries to the audit chain inside the writer's open transaction (so they commit, or
/// roll back, with the action they describe). First it checks that the log still ends where this
/// program knows it to end (AuditHead): rows cut from the end, an altered last row or a table
/// wiped make the write fail, and with it the action. Throws when the store has no audit key:
/// nothing is written unaudited.
void appendAudit(SqliteConnection& c, SqliteStore& store, const std::vector<AuditEntry>& entries);

/// The last entry of the log as this connection sees it (id 0 and the genesis MAC when empty).
struct AuditTail {
    qint64 id = 0;
    QByteArray mac;
};
AuditTail readAuditTail(SqliteConnection& c);

} // namespace shopdesk::store
