#include "store/SqliteHistoryRepository.h"

#include "store/RecordWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteImportTransaction.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

namespace shopdesk::store {

std::unique_ptr<ImportTransaction> SqliteHistoryRepository::beginImport(bool allOrNothing)
{
    return std::make_unique<SqliteImportTransaction>(m_store, allOrNothing);
}

QFuture<Result<ImportSummary>> SqliteHistoryRepository::ingest(std::vector<ImportRecord> records)
{
    return ingestRecords(std::move(records), std::nullopt);
}

QFuture<Result<ImportSummary>> SqliteHistoryRepository::ingestStream(std::vector<ImportRecord> records,
                                                                     StreamCursor cursor)
{
    return ingestRecords(std::move(records), std::move(cursor));
}

Result<StreamCursor> SqliteHistoryRepository::cursor(const QString& adapter)
{
    return m_store.read<StreamCursor>("read the platform cursor", [&](SqliteConnection& c) -> Result<StreamCursor> {
        auto q = c.statement("SELECT cursor, rejected FROM platform_cursors WHERE adapter = ?1");
        sql::bind(*q, 1, adapter);
        StreamCursor sc;
        sc.adapter = adapter;
        if (q->executeStep()) {
            sc.cursor = sql::integer(*q, 0);
            sc.rejected = sql::integer(*q, 1);
        }
        return sc;
    });
}

QFuture<Result<ImportSummary>> SqliteHistoryRepository::ingestRecords(std::vector<ImportRecord> records,
                                                                      std::optional<StreamCursor> cursor)
{
    RecordWriter* writer = &m_store.recordWriter();
    return m_store.writer().submit<ImportSummary>([writer, records = std::move(records), cursor = std::move(cursor)](
                                                      SqliteConnection& c) -> Result<ImportSummary> {
        ImportSummary summary;
        qint64 index = 0;
        for (const ImportRecord& record : records) {
            ++index;
            if (Status st = writer->add(record, summary); !st) {
                summary.rejected.push_back({index, st.error().message});
            }
        }
        writer->flush(summary);
        if (cursor) {
            // Only forwards: a batch re-delivered after a restart must not move it back.
            auto q = c.statement("INSERT INTO platform_cursors(adapter, cursor, rejected) VALUES(?1, ?2, ?3) "
                                 "ON CONFLICT(adapter) DO UPDATE SET cursor = max(cursor, excluded.cursor), "
                                 "rejected = rejected + excluded.rejected");
            sql::bind(*q, 1, cursor->adapter);
            sql::bind(*q, 2, cursor->cursor);
            sql::bind(*q, 3, cursor->rejected);
            q->exec();
        }
        return summary;
    });
}

} // namespace shopdesk::store
