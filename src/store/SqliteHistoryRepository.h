#pragma once

#include "services/history/HistoryRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteHistoryRepository final : public HistoryRepository {
public:
    explicit SqliteHistoryRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    std::unique_ptr<ImportTransaction> beginImport(bool allOrNothing) override;
    QFuture<Result<ImportSummary>> ingest(std::vector<ImportRecord> records) override;
    QFuture<Result<ImportSummary>> ingestStream(std::vector<ImportRecord> records, StreamCursor cursor) override;
    Result<StreamCursor> cursor(const QString& adapter) override;

private:
    QFuture<Result<ImportSummary>> ingestRecords(std::vector<ImportRecord> records, std::optional<StreamCursor> cursor);
    SqliteStore& m_store;
};

} // namespace shopdesk::store
