#pragma once

#include "core/Result.h"

#include <QString>

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace shopdesk {
class HistoryRepository;
class MessageRepository;
class ShopRepository;
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

    StoreWriter& writer() { return *m_writer; }
    /// Writer-thread only: the record writer bound to the writer's connection.
    RecordWriter& recordWriter() { return *m_recordWriter; }
    /// The calling thread's read connection (opened on first use).
    Result<SqliteConnection*> reader();

private:
    SqliteStore(QString path, std::unique_ptr<StoreWriter> writer, std::unique_ptr<RecordWriter> recordWriter);

    QString m_path;
    std::unique_ptr<RecordWriter> m_recordWriter;
    std::unique_ptr<StoreWriter> m_writer;
    std::mutex m_readersMutex;
    std::unordered_map<std::thread::id, std::unique_ptr<SqliteConnection>> m_readers;
    std::unique_ptr<ShopRepository> m_shop;
    std::unique_ptr<HistoryRepository> m_history;
    std::unique_ptr<MessageRepository> m_messages;
};

} // namespace shopdesk::store
