#pragma once

#include "core/Result.h"

#include <QString>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

struct sqlite3;

namespace shopdesk::store {

/// A cached prepared statement for the length of one use: reset when it goes out of scope, so a
/// finished query never keeps a read transaction (an old snapshot, a WAL that cannot restart) open.
class CachedStatement {
public:
    explicit CachedStatement(SQLite::Statement& st)
        : m_st(&st)
    {
    }
    ~CachedStatement()
    {
        if (m_st) {
            m_st->tryReset();
        }
    }
    CachedStatement(CachedStatement&& other) noexcept
        : m_st(std::exchange(other.m_st, nullptr))
    {
    }
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    CachedStatement& operator=(CachedStatement&&) = delete;

    SQLite::Statement& operator*() { return *m_st; }
    SQLite::Statement* operator->() { return m_st; }

private:
    SQLite::Statement* m_st;
};

/// One SQLite connection with ShopDesk's settings (WAL, foreign keys, busy timeout, the "shopdesk"
/// FTS5 tokenizer) and a cache of prepared statements. A connection belongs to one thread.
class SqliteConnection {
public:
    enum class Role {
        Writer, ///< the single writer thread's connection
        Reader, ///< query_only: a reader can never modify the file
    };

    struct Options {
        Role role = Role::Reader;
        bool create = false;
        int busyTimeoutMs = 2000;
    };

    static Result<std::unique_ptr<SqliteConnection>> open(const QString& path, const Options& options);

    SQLite::Database& db() { return *m_db; }
    sqlite3* handle() const;
    const QString& path() const { return m_path; }
    Role role() const { return m_role; }

    /// A prepared statement for `sql`, compiled on first use; reset when the handle is dropped.
    /// `sql` must outlive the connection (a string literal).
    CachedStatement statement(const char* sql);

    /// Turns WAL on and sets the pragmas of a writable connection (after the schema version was
    /// checked: a newer database must not be touched).
    void applyWriterPragmas();

    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;
    ~SqliteConnection();

private:
    SqliteConnection(std::unique_ptr<SQLite::Database> db, QString path, Role role);

    std::unique_ptr<SQLite::Database> m_db;
    QString m_path;
    Role m_role;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
};

/// A readable sentence for a failed SQLite call; disk full and busy get their own advice.
Error sqliteError(int code, const char* what, const char* detail);
Error sqliteError(const std::exception& e, const char* what);

} // namespace shopdesk::store
