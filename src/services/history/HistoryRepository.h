#pragma once

#include "core/Result.h"
#include "services/history/ImportRecord.h"

#include <QFuture>

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

    /// Writes what is queued and commits. In all-or-nothing mode any rejected record rolls the
    /// whole transaction back and the result is the rejections; otherwise they are skipped.
    virtual Result<ImportSummary> commit() = 0;

    /// Discards everything queued and written so far.
    virtual void rollback() = 0;
};

/// Where history goes. Implemented by the store; services only see this interface.
class HistoryRepository {
public:
    virtual ~HistoryRepository() = default;

    virtual std::unique_ptr<ImportTransaction> beginImport(bool allOrNothing) = 0;

    /// Live ingest: the records are batched with other writers' work; the future resolves after the
    /// transaction that holds them has committed (only then may a platform event be acknowledged).
    virtual QFuture<Result<ImportSummary>> ingest(std::vector<ImportRecord> records) = 0;
};

} // namespace shopdesk
