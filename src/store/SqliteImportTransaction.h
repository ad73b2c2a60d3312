#pragma once

#include "services/history/HistoryRepository.h"

#include <condition_variable>
#include <deque>
#include <mutex>

namespace shopdesk::store {

class SqliteStore;

/// A history import as one exclusive writer transaction fed through a bounded buffer: the caller
/// parses on its thread while the writer thread stores, and memory stays flat for any file size.
class SqliteImportTransaction final : public ImportTransaction {
public:
    SqliteImportTransaction(SqliteStore& store, bool allOrNothing);
    ~SqliteImportTransaction() override;

    void add(qint64 line, ImportRecord record) override;
    Result<ImportSummary> commit(const AuditFor& audit) override;
    void rollback() override;

private:
    using Chunk = std::vector<std::pair<qint64, ImportRecord>>;

    /// Shared with the writer-thread job.
    struct Channel {
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<Chunk> chunks;
        bool closed = false;
        bool commit = false;
        AuditFor audit; ///< set with `commit`
        bool writerDone = false;
        ImportSummary summary;
    };

    void pushChunk();
    Status finish(bool commit, const AuditFor& audit = {});

    std::shared_ptr<Channel> m_channel;
    QFuture<Status> m_done;
    Chunk m_pending;
    bool m_finished = false;
};

} // namespace shopdesk::store
