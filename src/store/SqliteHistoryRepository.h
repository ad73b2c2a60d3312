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

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
