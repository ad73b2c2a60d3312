#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QThreadPool>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace SQLite {
class Database;
}
namespace shopdesk::crypto {
class AesGcm;
}

namespace shopdesk::session {

/// This desktop's copy of what its account read from a team server (team.md, Offline): the
/// session to resume, who the person is, the chats list, the timelines opened, the phrases, the
/// team's accounts for a supervisor, a buyer's orders. It is what the desk shows when it starts
/// while the server cannot be reached.
///
/// One SQLite file per server and account. Every value is sealed (AES-256-GCM, the key name as
/// associated data) with a key derived from the account's password (Argon2id), so the file alone
/// reads nothing and opening it offline checks the password. Each value carries the operation it
/// was read under, and what the person may no longer do is purged. Writes go to a writer thread
/// of their own, the latest value per key: the desktop never waits on the disk.
class DeskCache {
    Q_DECLARE_TR_FUNCTIONS(shopdesk::session::DeskCache)
public:
    /// What an opened copy held, key by key (JSON text).
    using Values = std::map<QString, QByteArray>;
    /// An operation every person may read under (the identity, the session).
    static constexpr int kAnyone = -1;
    /// Timelines kept at most (the oldest kept goes first).
    static constexpr std::size_t kTimelines = 300;

    /// Where this desktop keeps the copy of `account` on `server` under `cacheDir`.
    static QString pathFor(const QString& cacheDir, const QString& server, const QString& account);

    /// Opens the copy at `path` with the account's password; Argon2id work, so never on the
    /// GUI thread. `offline`: the copy must exist and the password must open it (else a clear
    /// refusal), and `loaded` receives what it holds. Not offline (after a login the server
    /// accepted): a copy the password does not open (changed elsewhere) is started afresh.
    static Result<std::unique_ptr<DeskCache>> open(const QString& path, const QString& password, bool offline,
                                                   Values* loaded = nullptr);
    /// Waits for the last write.
    ~DeskCache();
    DeskCache(const DeskCache&) = delete;
    DeskCache& operator=(const DeskCache&) = delete;

    /// Keeps `json` under `key`, read under `operation` (kAnyone, or an auth::Operation).
    void put(const QString& key, int operation, const QByteArray& json);
    /// Forgets everything read under an operation `allowed` now says no to.
    void purge(const std::function<bool(int operation)>& allowed);
    /// Waits until what was put is on disk (tests, and the way out).
    void flush();
    const QString& path() const { return m_path; }

private:
    DeskCache(QString path, std::unique_ptr<SQLite::Database> db, QByteArray key);
    void schedule();
    void drain();

    QString m_path;
    std::unique_ptr<SQLite::Database> m_db; ///< used on the writer thread only, once open
    std::unique_ptr<crypto::AesGcm> m_seal;
    std::map<QString, int> m_operations;                                    ///< what each kept key was read under
    std::deque<QString> m_timelines;                                        ///< timeline keys, oldest first
    std::mutex m_lock;                                                      ///< guards m_pending and m_scheduled
    std::map<QString, std::optional<std::pair<int, QByteArray>>> m_pending; ///< nullopt: remove
    bool m_scheduled = false;
    QThreadPool m_writer;
};

} // namespace shopdesk::session
