#include "session/remote/DeskCache.h"

#include "core/Logging.h"
#include "crypto/AesGcm.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <SQLiteCpp/SQLiteCpp.h>

namespace shopdesk::session {

namespace {

constexpr const char* kCheck = "shopdesk desk copy v1";

QByteArray blobOf(const SQLite::Column& c)
{
    return QByteArray(static_cast<const char*>(c.getBlob()), c.getBytes());
}

} // namespace

QString DeskCache::pathFor(const QString& cacheDir, const QString& server, const QString& account)
{
    const QByteArray id =
        QCryptographicHash::hash((server + QChar(0x1F) + account).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    return QDir(cacheDir).filePath(QStringLiteral("copy-%1.db").arg(QString::fromLatin1(id)));
}

Result<std::unique_ptr<DeskCache>> DeskCache::open(const QString& path, const QString& password, bool offline,
                                                   Values* loaded)
{
    const bool existed = QFileInfo::exists(path);
    if (offline && !existed) {
        return Error::notFound(tr("This desktop has no copy of that account's work on that server."));
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error::internal(tr("The folder for this desktop's copy cannot be made."));
    }
    try {
        auto db = std::make_unique<SQLite::Database>(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                                                             SQLite::OPEN_FULLMUTEX);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                 "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);"
                 "CREATE TABLE IF NOT EXISTS kept(key TEXT PRIMARY KEY, operation INTEGER NOT NULL, "
                 "sealed BLOB NOT NULL, seq INTEGER NOT NULL)");
        crypto::PasswordHasher hasher;
        auto meta = [&](const char* k) -> QByteArray {
            SQLite::Statement q(*db, "SELECT v FROM meta WHERE k = ?");
            q.bind(1, k);
            return q.executeStep() ? blobOf(q.getColumn(0)) : QByteArray();
        };
        QByteArray salt = meta("salt");
        QByteArray key = salt.isEmpty() ? QByteArray() : hasher.deriveKey(password, salt);
        bool opens = false;
        if (!key.isEmpty()) {
            crypto::AesGcm check(key);
            auto c = check.open(meta("check"), QByteArray("check"));
            opens = c && *c == kCheck;
        }
        if (!opens) {
            if (offline) {
                return Error::notAllowed(
                    tr("The password does not open this desktop's copy (the one last used here on that server)."));
            }
            // A new copy: the first on this desktop, or the password changed elsewhere.
            salt = crypto::randomBytes(crypto::PasswordHasher::kSaltBytes);
            key = hasher.deriveKey(password, salt);
            if (key.isEmpty()) {
                return Error::internal(tr("The key for this desktop's copy could not be made."));
            }
            crypto::AesGcm seal(key);
            SQLite::Transaction t(*db);
            db->exec("DELETE FROM kept; DELETE FROM meta");
            SQLite::Statement put(*db, "INSERT INTO meta(k, v) VALUES(?, ?)");
            put.bind(1, "salt");
            put.bind(2, salt.constData(), static_cast<int>(salt.size()));
            put.exec();
            put.reset();
            const QByteArray check = seal.seal(QByteArray(kCheck), QByteArray("check"));
            put.bind(1, "check");
            put.bind(2, check.constData(), static_cast<int>(check.size()));
            put.exec();
            t.commit();
        }
        std::unique_ptr<DeskCache> cache(new DeskCache(path, std::move(db), key));
        crypto::wipe(key);
        // What it holds: opened (a value that does not open is left out), and its operations known.
        SQLite::Statement all(*cache->m_db, "SELECT key, operation, sealed FROM kept ORDER BY seq");
        while (all.executeStep()) {
            const QString k = QString::fromStdString(all.getColumn(0).getString());
            cache->m_operations[k] = all.getColumn(1).getInt();
            if (k.startsWith(QStringLiteral("timeline:"))) {
                cache->m_timelines.push_back(k);
            }
            if (loaded) {
                if (auto v = cache->m_seal->open(blobOf(all.getColumn(2)), k.toUtf8())) {
                    (*loaded)[k] = *v;
                }
            }
        }
        return cache;
    } catch (const SQLite::Exception& e) {
        return Error::internal(tr("This desktop's copy cannot be opened (%1).").arg(QString::fromUtf8(e.what())));
    }
}

DeskCache::DeskCache(QString path, std::unique_ptr<SQLite::Database> db, QByteArray key)
    : m_path(std::move(path))
    , m_db(std::move(db))
    , m_seal(std::make_unique<crypto::AesGcm>(std::move(key)))
{
    m_writer.setMaxThreadCount(1);
}

DeskCache::~DeskCache()
{
    flush();
}

void DeskCache::put(const QString& key, int operation, const QByteArray& json)
{
    m_operations[key] = operation;
    if (key.startsWith(QStringLiteral("timeline:"))) {
        if (std::find(m_timelines.begin(), m_timelines.end(), key) == m_timelines.end()) {
            m_timelines.push_back(key);
        }
        while (m_timelines.size() > kTimelines) {
            const QString oldest = m_timelines.front();
            m_timelines.pop_front();
            m_operations.erase(oldest);
            std::lock_guard lock(m_lock);
            m_pending[oldest] = std::nullopt;
        }
    }
    const QByteArray sealed = m_seal->seal(json, key.toUtf8());
    {
        std::lock_guard lock(m_lock);
        m_pending[key] = std::pair(operation, sealed);
    }
    schedule();
}

void DeskCache::purge(const std::function<bool(int operation)>& allowed)
{
    std::vector<QString> gone;
    for (const auto& [key, operation] : m_operations) {
        if (operation != kAnyone && !allowed(operation)) {
            gone.push_back(key);
        }
    }
    if (gone.empty()) {
        return;
    }
    {
        std::lock_guard lock(m_lock);
        for (const QString& key : gone) {
            m_pending[key] = std::nullopt;
        }
    }
    for (const QString& key : gone) {
        m_operations.erase(key);
        m_timelines.erase(std::remove(m_timelines.begin(), m_timelines.end(), key), m_timelines.end());
    }
    schedule();
}

void DeskCache::schedule()
{
    std::lock_guard lock(m_lock);
    if (!m_scheduled) {
        m_scheduled = true;
        m_writer.start([this] { drain(); });
    }
}

void DeskCache::drain()
{
    for (;;) {
        std::map<QString, std::optional<std::pair<int, QByteArray>>> batch;
        {
            std::lock_guard lock(m_lock);
            if (m_pending.empty()) {
                m_scheduled = false;
                return;
            }
            batch.swap(m_pending);
        }
        try {
            SQLite::Transaction t(*m_db);
            SQLite::Statement put(*m_db, "INSERT INTO kept(key, operation, sealed, seq) VALUES(?, ?, ?, "
                                         "(SELECT coalesce(max(seq), 0) + 1 FROM kept)) ON CONFLICT(key) DO UPDATE "
                                         "SET operation = excluded.operation, sealed = excluded.sealed, "
                                         "seq = excluded.seq");
            SQLite::Statement remove(*m_db, "DELETE FROM kept WHERE key = ?");
            for (const auto& [key, value] : batch) {
                const std::string k = key.toStdString();
                if (value) {
                    put.bind(1, k);
                    put.bind(2, value->first);
                    put.bind(3, value->second.constData(), static_cast<int>(value->second.size()));
                    put.exec();
                    put.reset();
                } else {
                    remove.bind(1, k);
                    remove.exec();
                    remove.reset();
                }
            }
            t.commit();
        } catch (const SQLite::Exception& e) {
            // The copy is a convenience: the server has everything. Said once per failure, no content.
            logging::get("session")->warn("this desktop's copy could not be written: {}", e.what());
        }
    }
}

void DeskCache::flush()
{
    m_writer.waitForDone();
}

} // namespace shopdesk::session
