#include "store/StoreWriter.h"

#include "core/Logging.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace shopdesk::store {

namespace {

template <typename F>
Status guarded(F&& f, const char* what)
{
    try {
        return f();
    } catch (const std::exception& e) {
        return sqliteError(e, what);
    }
}

bool isBusy(const SQLite::Exception& e)
{
    const int primary = e.getErrorCode() & 0xFF;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

} // namespace

StoreWriter::StoreWriter(std::unique_ptr<SqliteConnection> connection, Options options)
    : m_conn(std::move(connection))
    , m_options(options)
{
    m_thread = std::thread([this] { loop(); });
}

StoreWriter::~StoreWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void StoreWriter::setTransactionHooks(std::function<void()> onBegin, std::function<void(bool)> onRollback,
                                      std::function<void()> onCommit)
{
    std::lock_guard lock(m_mutex);
    m_beginHook = std::move(onBegin);
    m_rollbackHook = std::move(onRollback);
    m_commitHook = std::move(onCommit);
}

void StoreWriter::enqueue(std::unique_ptr<Job> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

QFuture<Status> StoreWriter::submitExclusive(std::function<Status(SqliteConnection&)> work)
{
    auto job = std::make_unique<TypedJob<std::monostate>>(
        [w = std::move(work)](SqliteConnection& c) -> Result<std::monostate> {
            Status st = w(c);
            if (!st) {
                return st.error();
            }
            return std::monostate{};
        });
    job->exclusive = true;
    auto typed = job->promise.future();
    enqueue(std::move(job));
    return typed.then(QtFuture::Launch::Sync, [](Result<std::monostate> r) -> Status {
        if (!r) {
            return r.error();
        }
        return {};
    });
}

void StoreWriter::flush()
{
    submit<std::monostate>([](SqliteConnection&) -> Result<std::monostate> {
        return std::monostate{};
    }).waitForFinished();
}

void StoreWriter::loop()
{
    for (;;) {
        std::vector<std::unique_ptr<Job>> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping) {
                return;
            }
            // An exclusive job runs on its own; otherwise take everything up to the batch limit.
            if (m_queue.front()->exclusive) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            } else {
                while (!m_queue.empty() && !m_queue.front()->exclusive &&
                       static_cast<int>(batch.size()) < m_options.maxBatchJobs) {
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
            }
        }
        m_inBatch.store(static_cast<int>(batch.size()));
        struct BatchEnds {
            std::atomic<int>& n;
            ~BatchEnds() { n.store(0); }
        } batchEnds{m_inBatch};
        try {
            runBatch(batch);
        } catch (const std::exception& e) {
            // Only a failing ROLLBACK/RELEASE gets here; report every unfinished job as failed.
            const Status err = sqliteError(e, "write to the database");
            if (sqlite3_get_autocommit(m_conn->handle()) == 0) {
                m_conn->db().tryExec("ROLLBACK");
            }
            rolledBack(false);
            for (auto& job : batch) {
                job->finish(err);
            }
        }
    }
}

namespace {
qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

std::optional<std::chrono::milliseconds> StoreWriter::waitingFor() const
{
    const qint64 since = m_busySinceMs.load();
    if (since == 0) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(std::max<qint64>(0, steadyMs() - since));
}

int StoreWriter::queued() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_queue.size()) + m_inBatch.load();
}

Status StoreWriter::begin()
{
    using clock = std::chrono::steady_clock;
    const auto started = clock::now();
    auto backoff = std::chrono::milliseconds(20);
    // From here until the lock is ours the writer waits (SQLite's busy handler included); callers
    // only speak of it once it has lasted (waitingFor()).
    m_busySinceMs.store(std::max<qint64>(1, steadyMs()));
    struct WaitEnds {
        std::atomic<qint64>& since;
        ~WaitEnds() { since.store(0); }
    } waitEnds{m_busySinceMs};
    bool said = false;
    for (;;) {
        try {
            m_conn->db().exec("BEGIN IMMEDIATE");
            std::function<void()> hook;
            {
                std::lock_guard lock(m_mutex);
                hook = m_beginHook;
            }
            if (hook) {
                hook();
            }
            return {};
        } catch (const SQLite::Exception& e) {
            if (!isBusy(e)) {
                return sqliteError(e, "start a transaction");
            }
            const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started);
            if (m_options.busyGiveUp.count() >= 0 && waited >= m_options.busyGiveUp) {
                return Error::busy(QStringLiteral("The database is busy: another program has been writing to it for "
                                                  "%1 s. Nothing was changed; try again when it has finished.")
                                       .arg(waited.count() / 1000.0, 0, 'f', 1));
            }
            if (!said) {
                // Logged once per wait (and shown in the workbench), not on every retry.
                said = true;
                logging::get("store")->warn("database busy (another process is writing); waiting");
            }
            std::this_thread::sleep_for(backoff);
            backoff = std::min(backoff * 2, std::chrono::milliseconds(1000));
        }
    }
}

void StoreWriter::rolledBack(bool transactionOpen)
{
    std::function<void(bool)> hook;
    {
        std::lock_guard lock(m_mutex);
        hook = m_rollbackHook;
    }
    if (hook) {
        hook(transactionOpen);
    }
}

void StoreWriter::runBatch(std::vector<std::unique_ptr<Job>>& jobs)
{
    Status txStatus = begin();
    if (!txStatus) {
        for (auto& job : jobs) {
            job->finish(txStatus);
        }
        return;
    }

    const bool exclusive = jobs.size() == 1 && jobs.front()->exclusive;
    bool anyJobFailed = false;
    for (auto& job : jobs) {
        if (exclusive) {
            Status st = guarded([&] { return job->run(*m_conn); }, "write to the database");
            job->failed = !st.ok();
            anyJobFailed = job->failed;
            break;
        }
        m_conn->db().exec("SAVEPOINT job");
        Status st = guarded([&] { return job->run(*m_conn); }, "write to the database");
        if (sqlite3_get_autocommit(m_conn->handle()) != 0) {
            // SQLite itself rolled the whole transaction back (disk full, I/O error): every job of the
            // batch is lost and must be reported as failed; callers still hold their data.
            txStatus = st.ok() ? Error::internal(QStringLiteral("The transaction was rolled back.")) : st;
            break;
        }
        if (st.ok()) {
            m_conn->db().exec("RELEASE job");
        } else {
            job->failed = true;
            anyJobFailed = true;
            m_conn->db().exec("ROLLBACK TO job");
            m_conn->db().exec("RELEASE job");
            rolledBack(true);
        }
    }

    if (txStatus.ok()) {
        if (exclusive && anyJobFailed) {
            m_conn->db().tryExec("ROLLBACK");
            rolledBack(false);
            jobs.front()->finish({});
            return;
        }
        txStatus = guarded(
            [&] {
                m_conn->db().exec("COMMIT");
                return Status();
            },
            "save to the database");
    }
    if (!txStatus.ok()) {
        if (sqlite3_get_autocommit(m_conn->handle()) == 0) {
            m_conn->db().tryExec("ROLLBACK");
        }
        rolledBack(false);
    } else {
        std::function<void()> hook;
        {
            std::lock_guard lock(m_mutex);
            hook = m_commitHook;
        }
        if (hook) {
            hook();
        }
    }
    for (auto& job : jobs) {
        job->finish(txStatus);
    }
}

} // namespace shopdesk::store
