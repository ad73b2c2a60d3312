#include "store/SqliteHistoryRepository.h"

#include "store/RecordWriter.h"
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
    RecordWriter* writer = &m_store.recordWriter();
    return m_store.writer().submit<ImportSummary>(
        [writer, records = std::move(records)](SqliteConnection&) -> Result<ImportSummary> {
            ImportSummary summary;
            qint64 index = 0;
            for (const ImportRecord& record : records) {
                ++index;
                if (Status st = writer->add(record, summary); !st) {
                    summary.rejected.push_back({index, st.error().message});
                }
            }
            writer->flush(summary);
            return summary;
        });
}

} // namespace shopdesk::store
