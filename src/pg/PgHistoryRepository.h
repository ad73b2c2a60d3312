#pragma once

#include "services/history/HistoryRepository.h"

namespace shopdesk::pg {

class PgStore;

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
    /// Bulk import goes to a desktop's store for now; refused here with that sentence.
    std::unique_ptr<ImportTransaction> beginImport(bool allOrNothing) override;
    QFuture<Result<ImportSummary>> ingest(std::vector<ImportRecord> records) override;
    QFuture<Result<ImportSummary>> ingestStream(std::vector<ImportRecord> records, StreamCursor cursor) override;
    Result<StreamCursor> cursor(const QString& adapter) override;

private:
    Result<ImportSummary> store(std::vector<ImportRecord> records, const StreamCursor* cursor);
    PgStore& m_store;
};

} // namespace shopdesk::pg
