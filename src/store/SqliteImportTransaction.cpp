#include "store/SqliteImportTransaction.h"

#include "core/Logging.h"
#include "store/AuditWriter.h"
#include "store/RecordWriter.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include <QScopeGuard>

namespace shopdesk::store {

namespace {

constexpr std::size_t kChunkRecords = 512;
constexpr std::size_t kMaxQueuedChunks = 8;

} // namespace

SqliteImportTransaction::SqliteImportTransaction(SqliteStore& store, bool allOrNothing)
    : m_channel(std::make_shared<Channel>())
{
    m_pending.reserve(kChunkRecords);
    RecordWriter* records = &store.recordWriter();
    SqliteStore* shop = &store;
    m_done = store.writer().submitExclusive(
        [channel = m_channel, records, shop, allOrNothing](SqliteConnection& c) -> Status {
            auto markDone = qScopeGuard([&] {
                std::lock_guard lock(channel->mutex);
                channel->writerDone = true;
                channel->changed.notify_all();
            });
            ImportSummary summary;
            for (;;) {
                Chunk chunk;
                {
                    std::unique_lock lock(channel->mutex);
                    channel->changed.wait(lock, [&] { return !channel->chunks.empty() || channel->closed; });
                    if (channel->chunks.empty()) {
                        break;
                    }
                    chunk = std::move(channel->chunks.front());
                    channel->chunks.pop_front();
                }
                channel->changed.notify_all();
                for (auto& [line, record] : chunk) {
                    Status st = records->add(record, summary);
                    if (!st) {
                        summary.rejected.push_back({line, st.error().message});
                    }
                    if (records->blockFull()) {
                        records->flush(summary);
                    }
                }
            }
            records->flush(summary);
            bool commit = false;
            AuditFor audit;
            {
                std::lock_guard lock(channel->mutex);
                commit = channel->commit;
                audit = channel->audit;
                channel->summary = summary;
            }
            if (!commit) {
                return Error::invalid(QStringLiteral("import cancelled"));
            }
            if (allOrNothing && !summary.rejected.empty()) {
                return Error::invalid(QStringLiteral("records rejected"));
            }
            if (audit) {
                appendAudit(c, *shop, {audit(summary)}); // throws: the import is not stored unaudited
            }
            return {};
        });
}

SqliteImportTransaction::~SqliteImportTransaction()
{
    if (!m_finished) {
        (void)finish(false); // a rollback has nothing to report
    }
}

void SqliteImportTransaction::add(qint64 line, ImportRecord record)
{
    m_pending.emplace_back(line, std::move(record));
    if (m_pending.size() >= kChunkRecords) {
        pushChunk();
    }
}

void SqliteImportTransaction::pushChunk()
{
    if (m_pending.empty()) {
        return;
    }
    std::unique_lock lock(m_channel->mutex);
    m_channel->changed.wait(lock, [&] { return m_channel->chunks.size() < kMaxQueuedChunks || m_channel->writerDone; });
    if (!m_channel->writerDone) {
        m_channel->chunks.push_back(std::move(m_pending));
    }
    m_pending = Chunk();
    m_pending.reserve(kChunkRecords);
    lock.unlock();
    m_channel->changed.notify_all();
}

Status SqliteImportTransaction::finish(bool commit, const AuditFor& audit)
{
    m_finished = true;
    if (commit) {
        pushChunk();
    }
    {
        std::lock_guard lock(m_channel->mutex);
        m_channel->closed = true;
        m_channel->commit = commit;
        m_channel->audit = audit;
        if (!commit) {
            m_channel->chunks.clear();
        }
    }
    m_channel->changed.notify_all();
    m_done.waitForFinished();
    return m_done.result();
}

Result<ImportSummary> SqliteImportTransaction::commit(const AuditFor& audit)
{
    Status st = finish(true, audit);
    ImportSummary summary;
    {
        std::lock_guard lock(m_channel->mutex);
        summary = m_channel->summary;
    }
    if (!st && st.error().code != ErrorCode::Invalid) {
        return st.error();
    }
    if (!st) {
        // Rejected records in all-or-nothing mode: nothing was stored.
        ImportSummary none;
        none.rejected = std::move(summary.rejected);
        return none;
    }
    return summary;
}

void SqliteImportTransaction::rollback()
{
    if (!m_finished) {
        (void)finish(false); // a rollback has nothing to report
    }
}

} // namespace shopdesk::store
