#pragma once

#include "core/Result.h"
#include "store/SqliteConnection.h"

#include <QFuture>
#include <QPromise>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace shopdesk::store {

/// The store's single writer: a worker thread owning the only writing connection. Callers queue
/// work; the thread runs queued jobs together in one transaction (each under its own savepoint, so
/// one failing job does not undo the others) and resolves every job's future only after that
/// transaction has committed. When another process holds the write lock it waits and retries, so
/// nothing queued is lost.
class StoreWriter {
public:
    struct Options {
        int maxBatchJobs = 256;
        /// How long to keep retrying while another process holds the database; negative = forever
        /// (the app: queued work must never be dropped).
        std::chrono::milliseconds busyGiveUp{-1};
    };

    StoreWriter(std::unique_ptr<SqliteConnection> connection, Options options);
    /// Finishes every queued job, then stops the thread.
    ~StoreWriter();

    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    /// Called on the writer thread when a transaction starts, after any rollback (a job's savepoint,
    /// with the transaction still open, or the whole transaction), so caches of row ids and
    /// sequences can be dropped, and after each commit.
    void setTransactionHooks(std::function<void()> onBegin, std::function<void(bool transactionOpen)> onRollback,
                             std::function<void()> onCommit);

    template <typename T>
    QFuture<Result<T>> submit(std::function<Result<T>(SqliteConnection&)> work)
    {
        auto job = std::make_unique<TypedJob<T>>(std::move(work));
        QFuture<Result<T>> future = job->promise.future();
        enqueue(std::move(job));
        return future;
    }

    /// Runs `work` alone in one transaction held open for as long as it runs (a streaming import).
    /// It commits when `work` succeeds and rolls back otherwise.
    QFuture<Status> submitExclusive(std::function<Status(SqliteConnection&)> work);

    /// Blocks until everything queued before the call has been committed (or failed).
    void flush();

    /// How long the writer has been waiting for another process to release the database (nullopt
    /// when it is not waiting), and how many writes wait with it. Any thread; nothing blocks.
    std::optional<std::chrono::milliseconds> waitingFor() const;
    int queued() const;

private:
    struct Job {
        virtual ~Job() = default;
        virtual Status run(SqliteConnection& conn) = 0;
        /// Delivers the outcome: the job's own error, or `commit`'s when the transaction failed.
        virtual void deliver(const Status& commit) = 0;
        void finish(const Status& commit)
        {
            if (!done) {
                done = true;
                deliver(commit);
            }
        }
        bool exclusive = false;
        bool failed = false;
        bool done = false;
    };

    template <typename T>
    struct TypedJob final : Job {
        explicit TypedJob(std::function<Result<T>(SqliteConnection&)> w)
            : work(std::move(w))
        {
            promise.start();
        }
        Status run(SqliteConnection& conn) override
        {
            try {
                outcome = work(conn);
            } catch (const std::exception& e) {
                outcome = Result<T>(sqliteError(e, "write to the database"));
            }
            return outcome->ok() ? Status() : Status(outcome->error());
        }
        void deliver(const Status& commit) override
        {
            if (!commit.ok() && (!outcome || outcome->ok())) {
                promise.addResult(Result<T>(commit.error()));
            } else if (outcome) {
                promise.addResult(std::move(*outcome));
            } else {
                promise.addResult(Result<T>(Error::internal(QStringLiteral("The write did not run."))));
            }
            promise.finish();
        }
        std::function<Result<T>(SqliteConnection&)> work;
        QPromise<Result<T>> promise;
        std::optional<Result<T>> outcome;
    };

    void enqueue(std::unique_ptr<Job> job);
    void loop();
    void runBatch(std::vector<std::unique_ptr<Job>>& jobs);
    Status begin();
    void rolledBack(bool transactionOpen);

    std::unique_ptr<SqliteConnection> m_conn;
    Options m_options;
    std::function<void()> m_beginHook;
    std::function<void(bool)> m_rollbackHook;
    std::function<void()> m_commitHook;

    mutable std::mutex m_mutex;
    std::atomic<int> m_inBatch{0};
    std::atomic<qint64> m_busySinceMs{0}; ///< steady-clock ms when the current wait began, 0: none
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<Job>> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace shopdesk::store
