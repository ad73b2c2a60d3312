#pragma once

#include "core/Result.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace shopdesk {
class AccountRepository;
class AuditChain;
class AuditHead;
class AuditRepository;
class HistoryRepository;
class MessageRepository;
class OrderRepository;
class RoleRepository;
class RoutingRepository;
class SettingsRepository;
class ShopRepository;
class QuickReplyRepository;
class WorkbenchRepository;
class ReportRepository;
} // namespace shopdesk

namespace shopdesk::store {

class RecordWriter;
class SqliteConnection;
class StoreWriter;

/// The local SQLite store: one writer thread, one read connection per reading thread, and the
/// repositories the services use. Nothing outside src/store sees SQLite.
class SqliteStore {
public:
    struct Options {
        /// Create the file when it does not exist.
        bool create = false;
        /// How long the writer keeps retrying while another process writes; negative = forever.
        std::chrono::milliseconds busyGiveUp{-1};
    };

    static Result<std::unique_ptr<SqliteStore>> open(const QString& path, const Options& options);
    ~SqliteStore();

    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    const QString& path() const { return m_path; }

    ShopRepository& shop() { return *m_shop; }
    HistoryRepository& history() { return *m_history; }
    MessageRepository& messages() { return *m_messages; }
    AccountRepository& accounts() { return *m_accounts; }
    RoleRepository& roles() { return *m_roles; }
    AuditRepository& audit() { return *m_audit; }
    SettingsRepository& settings() { return *m_settings; }
    OrderRepository& orders() { return *m_orders; }
    RoutingRepository& routing() { return *m_routing; }
    QuickReplyRepository& quickReplies() { return *m_quickReplies; }
    WorkbenchRepository& workbench() { return *m_workbench; }
    ReportRepository& reports() { return *m_reports; }

    /// The chain audit entries are appended with and the head they must go on from (set once the
    /// master key is unlocked). Writes that carry audit entries fail until they are set.
    void setAudit(std::shared_ptr<const AuditChain> chain, std::shared_ptr<AuditHead> head);
    const AuditChain* auditChain() const;
    AuditHead* auditHead() const;

    StoreWriter& writer() { return *m_writer; }
    /// Writer-thread only: the record writer bound to the writer's connection.
    RecordWriter& recordWriter() { return *m_recordWriter; }
    /// The calling thread's read connection (opened on first use).
    Result<SqliteConnection*> reader();

    /// Runs `work` in the writer's next transaction and waits until it has committed.
    template <typename T>
    Result<T> writeAndWait(std::function<Result<T>(SqliteConnection&)> work);
    Status writeAndWait(std::function<void(SqliteConnection&)> work);

    /// Runs `work` on this thread's reader, turning database exceptions into an error saying what
    /// was being done.
    template <typename T>
    Result<T> read(const char* what, const std::function<Result<T>(SqliteConnection&)>& work);

private:
    SqliteStore(QString path, std::unique_ptr<StoreWriter> writer, std::unique_ptr<RecordWriter> recordWriter);

    QString m_path;
    std::unique_ptr<RecordWriter> m_recordWriter;
    std::unique_ptr<StoreWriter> m_writer;
    std::mutex m_readersMutex;
    std::unordered_map<std::thread::id, std::unique_ptr<SqliteConnection>> m_readers;
    mutable std::mutex m_chainMutex;
    std::shared_ptr<const AuditChain> m_chain;
    std::shared_ptr<AuditHead> m_head;
    std::unique_ptr<ShopRepository> m_shop;
    std::unique_ptr<HistoryRepository> m_history;
    std::unique_ptr<MessageRepository> m_messages;
    std::unique_ptr<AccountRepository> m_accounts;
    std::unique_ptr<RoleRepository> m_roles;
    std::unique_ptr<AuditRepository> m_audit;
    std::unique_ptr<SettingsRepository> m_settings;
    std::unique_ptr<OrderRepository> m_orders;
    std::unique_ptr<RoutingRepository> m_routing;
    std::unique_ptr<QuickReplyRepository> m_quickReplies;
    std::unique_ptr<WorkbenchRepository> m_workbench;
    std::unique_ptr<ReportRepository> m_reports;
};

} // namespace shopdesk::store

#include "store/StoreWriter.h"

namespace shopdesk::store {

template <typename T>
Result<T> SqliteStore::writeAndWait(std::function<Result<T>(SqliteConnection&)> work)
{
    auto future = m_writer->submit<T>(std::move(work));
    future.waitForFinished();
    return future.result();
}

template <typename T>
Result<T> SqliteStore::read(const char* what, const std::function<Result<T>(SqliteConnection&)>& work)
{
    auto conn = reader();
    if (!conn) {
        return conn.error();
    }
    try {
        return work(**conn);
    } catch (const std::exception& e) {
        return sqliteError(e, what);
    }
}

} // namespace shopdesk::store
