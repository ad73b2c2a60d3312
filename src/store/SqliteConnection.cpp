#include "store/SqliteConnection.h"

#include "core/Logging.h"
#include "store/FtsTokenizer.h"

#include <QFile>
#include <QFileInfo>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <mutex>

namespace shopdesk::store {

SqliteConnection::SqliteConnection(std::unique_ptr<SQLite::Database> db, QString path, Role role)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_role(role)
{
}

SqliteConnection::~SqliteConnection()
{
    // Statements must be finalised before the database handle closes.
    m_statements.clear();
}

sqlite3* SqliteConnection::handle() const
{
    return m_db->getHandle();
}

namespace {

void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Memory statistics take a global mutex on every allocation; ShopDesk never reads them.
        // (Must precede sqlite3_initialize(); if something initialised SQLite first, this is a no-op.)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

} // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const QString& path, const Options& options)
{
    configureSqliteOnce();
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (options.create) {
        flags |= SQLITE_OPEN_CREATE;
        // Readable by its owner only from the first byte; SQLite gives the WAL and shared-memory
        // files the database file's permissions.
        if (!QFileInfo::exists(path)) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
                file.close();
            }
        }
    }
    try {
        auto db = std::make_unique<SQLite::Database>(path.toStdString(), flags, options.busyTimeoutMs);
        auto conn = std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(db), path, options.role));
        if (auto st = registerShopdeskTokenizer(conn->handle()); !st) {
            return st.error();
        }
        conn->db().exec("PRAGMA foreign_keys=ON");
        if (options.role == Role::Reader) {
            conn->db().exec("PRAGMA query_only=ON");
        }
        return conn;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_CANTOPEN) {
            return Error::notFound(QStringLiteral("Cannot open the database %1: %2")
                                       .arg(path, options.create
                                                      ? QStringLiteral("the folder is missing or not writable")
                                                      : QStringLiteral("no such file (run init first)")));
        }
        return sqliteError(e, "open the database");
    }
}

void SqliteConnection::applyWriterPragmas()
{
    m_db->exec("PRAGMA journal_mode=WAL");
    // FULL: a commit that returned is on disk even after a power cut; batching keeps it cheap.
    m_db->exec("PRAGMA synchronous=FULL");
    m_db->exec("PRAGMA cache_size=-65536");
    m_db->exec("PRAGMA temp_store=MEMORY");
    // Keep the WAL from growing without bound when readers are busy.
    m_db->exec("PRAGMA journal_size_limit=67108864");
    // Deleted history is overwritten, not left readable in free pages.
    m_db->exec("PRAGMA secure_delete=ON");
}

CachedStatement SqliteConnection::statement(const char* sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, std::make_unique<SQLite::Statement>(*m_db, sql)).first;
    } else {
        it->second->tryReset();
        it->second->clearBindings();
    }
    return CachedStatement(*it->second);
}

Error sqliteError(int code, const char* what, const char* detail)
{
    const int primary = code & 0xFF;
    if (primary == SQLITE_FULL) {
        return Error::internal(QStringLiteral("Could not %1: the disk is full. Free some space and try again; nothing "
                                              "that was saved before was lost.")
                                   .arg(QString::fromUtf8(what)));
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return Error::busy(QStringLiteral("Could not %1: the database is busy (another program is writing to it). "
                                          "Try again in a moment.")
                               .arg(QString::fromUtf8(what)));
    }
    if (primary == SQLITE_READONLY) {
        return Error::internal(
            QStringLiteral("Could not %1: the database file is read-only.").arg(QString::fromUtf8(what)));
    }
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        return Error::internal(QStringLiteral("Could not %1: the file is not a ShopDesk database or it is damaged.")
                                   .arg(QString::fromUtf8(what)));
    }
    logging::get("store")->error("sqlite error {} while trying to {}: {}", code, what, detail ? detail : "");
    return Error::internal(QStringLiteral("Could not %1: database error %2 (%3).")
                               .arg(QString::fromUtf8(what))
                               .arg(code)
                               .arg(QString::fromUtf8(detail ? detail : "")));
}

Error sqliteError(const std::exception& e, const char* what)
{
    if (const auto* se = dynamic_cast<const SQLite::Exception*>(&e)) {
        return sqliteError(se->getExtendedErrorCode(), what, se->getErrorStr());
    }
    logging::get("store")->error("failure while trying to {}: {}", what, e.what());
    return Error::internal(
        QStringLiteral("Could not %1: %2").arg(QString::fromUtf8(what), QString::fromUtf8(e.what())));
}

} // namespace shopdesk::store
