#pragma once

#include "services/history/HistoryRepository.h"

#include <set>

namespace shopdesk::pg {

class PgStore;
class PgTx;

/// The team server's store of what the shop's platform reports: buyer and agent messages, and
/// routing decisions, which go through the claim path (PgAssignments) in the same transaction
/// as the messages and the stream cursor. A decision the claim path refuses (an owner or a limit
/// another writer got first) is counted as rejected; the rest of the batch is stored.
class PgHistoryRepository final : public HistoryRepository {
public:
    explicit PgHistoryRepository(PgStore& store)
        : m_store(store)
    {
    }
    /// A history import (PgImportTransaction): it holds this store until it ends, so the
    /// repository given to an importer is over a store of its own.
    std::unique_ptr<ImportTransaction> beginImport(bool allOrNothing) override;
    QFuture<Result<ImportSummary>> ingest(std::vector<ImportRecord> records) override;
    QFuture<Result<ImportSummary>> ingestStream(std::vector<ImportRecord> records, StreamCursor cursor) override;
    Result<StreamCursor> cursor(const QString& adapter) override;

    /// One record written in `tx`; a decision the claim path refuses or a review out of range
    /// is a rejection of `line`; conversations given a message are added to `touched`.
    static void storeRecord(PgTx& tx, const ImportRecord& record, ImportSummary& summary, qint64 line,
                            std::set<std::pair<QString, QString>>& touched);

private:
    Result<ImportSummary> store(std::vector<ImportRecord> records, const StreamCursor* cursor);
    PgStore& m_store;
};

} // namespace shopdesk::pg
