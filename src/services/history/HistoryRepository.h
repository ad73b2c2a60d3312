#pragma once

#include "core/Result.h"
#include "domain/Audit.h"
#include "services/history/ImportRecord.h"

#include <QFuture>

#include <functional>
#include <memory>

namespace shopdesk {

/// A streaming, all-or-nothing write of many records (a history import): nothing is visible to
/// readers before commit(), and a crash before commit leaves the store as it was.
class ImportTransaction {
public:
    /// Rolls back unless committed.
    virtual ~ImportTransaction() = default;

    /// Queues one record; `line` names it in rejections. Blocks only while the writer catches up
    /// (a bounded buffer keeps memory flat for files of any size).
    virtual void add(qint64 line, ImportRecord record) = 0;

    /// The import's audit entry, made from what was stored: committed in the import's own
    /// transaction (an import the audit cannot record is not stored).
    using AuditFor = std::function<AuditEntry(const ImportSummary&)>;

    /// Writes what is queued and commits with its audit entry. In all-or-nothing mode any rejected
    /// record rolls the whole transaction back and the result is the rejections; otherwise they are
    /// skipped.
    virtual Result<ImportSummary> commit(const AuditFor& audit) = 0;

    /// Discards everything queued and written so far.
    virtual void rollback() = 0;
};

/// A platform stream position stored with the events up to it (so a restart resumes after it).
struct StreamCursor {
    QString adapter;
    qint64 cursor = 0;
    qint64 rejected = 0; ///< malformed events skipped in this batch
};

/// Where history goes. Implemented by the store; services only see this interface.
class HistoryRepository {
public:
    virtual ~HistoryRepository() = default;

    virtual std::unique_ptr<ImportTransaction> beginImport(bool allOrNothing) = 0;

    /// Live ingest: the records are batched with other writers' work; the future resolves after the
    /// transaction that holds them has committed (only then may a platform event be acknowledged).
    virtual QFuture<Result<ImportSummary>> ingest(std::vector<ImportRecord> records) = 0;

    /// Like ingest(), and moves the adapter's stored cursor in the same transaction: the events up
    /// to the cursor are stored exactly when the cursor says so.
    virtual QFuture<Result<ImportSummary>> ingestStream(std::vector<ImportRecord> records, StreamCursor cursor) = 0;
    /// The last stored cursor of an adapter (0 when none) and its count of rejected events.
    virtual Result<StreamCursor> cursor(const QString& adapter) = 0;
};

} // namespace shopdesk
