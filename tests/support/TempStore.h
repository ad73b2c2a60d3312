#pragma once

#include "support/QtPrinters.h"

#include "domain/Message.h"
#include "services/history/HistoryRepository.h"
#include "services/history/ImportRecord.h"
#include "store/SqliteStore.h"

#include <QTemporaryDir>

#include <memory>

namespace shopdesk::test {

/// A fresh store in a temporary directory, initialised for a shop; removed with the object.
class TempStore {
public:
    TempStore();
    explicit TempStore(store::SqliteStore::Options options);

    store::SqliteStore& store() { return *m_store; }
    store::SqliteStore* operator->() { return m_store.get(); }
    QString path() const { return m_dir.filePath(QStringLiteral("shopdesk.db")); }
    QString dir() const { return m_dir.path(); }

    /// Closes and reopens the store (e.g. to check what survived).
    void reopen();
    void close() { m_store.reset(); }

    /// Writes records through the live ingest path and waits for the commit.
    ImportSummary ingest(std::vector<ImportRecord> records);

private:
    QTemporaryDir m_dir;
    store::SqliteStore::Options m_options;
    std::unique_ptr<store::SqliteStore> m_store;
};

/// Writes records through the live ingest path and waits for the commit.
ImportSummary ingestAndWait(HistoryRepository& history, std::vector<ImportRecord> records);

/// A buyer or agent message at `secs` seconds after a fixed day (2026-11-11 00:00 +08:00).
IncomingMessage message(const QString& conversation, const QString& buyer, Sender sender, qint64 secs,
                        const QString& text, const QString& agent = {});

/// A raw SQLite query against a database file, for assertions on what is really stored.
qint64 queryInt(const QString& path, const char* sql);
/// Every row of a raw query, cells joined with '|' (NULL for null).
QStringList queryRows(const QString& path, const char* sql);

/// Runs a program and returns (exit status, stdout, stderr); `stdinData` is written to its input.
struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};
ProcessResult runProcess(const QString& program, const QStringList& args, const QByteArray& stdinData = {},
                         int timeoutMs = 60000, const QStringList& extraEnv = {});

/// Path of a built executable (shopdeskctl, shopdesk, store_lock_helper).
QString binary(const char* name);

} // namespace shopdesk::test
