#include "store/SqliteAuditRepository.h"

#include "services/audit/AuditHead.h"
#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

AuditRecord readRecord(SQLite::Statement& q)
{
    AuditRecord r;
    r.id = sql::integer(q, 0);
    r.entry.at = Timestamp::fromMs(sql::integer(q, 1));
    r.entry.actor = sql::text(q, 2);
    r.entry.action = sql::text(q, 3);
    r.entry.target = sql::text(q, 4);
    r.entry.detail = sql::text(q, 5);
    const SQLite::Column mac = q.getColumn(6);
    r.mac = QByteArray(static_cast<const char*>(mac.getBlob()), mac.getBytes());
    return r;
}

} // namespace

QFuture<Status> SqliteAuditRepository::append(std::vector<AuditEntry> entries)
{
    SqliteStore* store = &m_store;
    return m_store.writer()
        .submit<std::monostate>([store, entries = std::move(entries)](SqliteConnection& c) -> Result<std::monostate> {
            appendAudit(c, *store, entries);
            return std::monostate{};
        })
        .then(QtFuture::Launch::Sync, [](Result<std::monostate> r) { return r ? Status() : Status(r.error()); });
}

Result<std::vector<AuditRecord>> SqliteAuditRepository::list(const AuditQuery& query)
{
    return m_store.read<std::vector<AuditRecord>>(
        "read the audit log", [&](SqliteConnection& c) -> Result<std::vector<AuditRecord>> {
            auto qHandle =
                c.statement("SELECT id, at, actor, action, target, detail, mac FROM audit "
                            "WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR substr(action, 1, length(?2)) = ?2) "
                            "AND (?3 IS NULL OR at >= ?3) ORDER BY id DESC LIMIT ?4");
            auto& q = *qHandle;
            if (!query.actor.isEmpty()) {
                sql::bind(q, 1, query.actor);
            }
            if (!query.actionPrefix.isEmpty()) {
                sql::bind(q, 2, query.actionPrefix);
            }
            if (query.since) {
                sql::bind(q, 3, query.since->ms());
            }
            sql::bind(q, 4, static_cast<qint64>(query.limit));
            std::vector<AuditRecord> out;
            while (q.executeStep()) {
                out.push_back(readRecord(q));
            }
            return out;
        });
}

Status SqliteAuditRepository::scan(const std::function<bool(const AuditRecord&)>& visit)
{
    auto r = m_store.read<std::monostate>("read the audit log", [&](SqliteConnection& c) -> Result<std::monostate> {
        // One read transaction: the chain is checked against one consistent snapshot.
        auto qHandle = c.statement("SELECT id, at, actor, action, target, detail, mac FROM audit ORDER BY id");
        while (qHandle->executeStep()) {
            if (!visit(readRecord(*qHandle))) {
                break;
            }
        }
        return std::monostate{};
    });
    return r ? Status() : Status(r.error());
}

Result<QByteArray> SqliteAuditRepository::head()
{
    return m_store.read<QByteArray>("read the audit log", [](SqliteConnection& c) -> Result<QByteArray> {
        auto qHandle = c.statement("SELECT value FROM meta WHERE key = 'audit_head'");
        if (!qHandle->executeStep()) {
            return QByteArray();
        }
        return QByteArray::fromHex(sql::text(*qHandle, 0).toLatin1());
    });
}

Result<std::pair<qint64, QByteArray>> SqliteAuditRepository::tail()
{
    return m_store.read<std::pair<qint64, QByteArray>>(
        "read the audit log", [](SqliteConnection& c) -> Result<std::pair<qint64, QByteArray>> {
            auto q = c.statement("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1");
            if (!q->executeStep()) {
                return std::pair<qint64, QByteArray>(0, QByteArray());
            }
            const SQLite::Column mac = q->getColumn(1);
            return std::pair<qint64, QByteArray>(sql::integer(*q, 0),
                                                 QByteArray(static_cast<const char*>(mac.getBlob()), mac.getBytes()));
        });
}

Result<std::optional<QByteArray>> SqliteAuditRepository::macAt(qint64 id)
{
    return m_store.read<std::optional<QByteArray>>(
        "read the audit log", [id](SqliteConnection& c) -> Result<std::optional<QByteArray>> {
            auto q = c.statement("SELECT mac FROM audit WHERE id = ?1");
            sql::bind(*q, 1, id);
            if (!q->executeStep()) {
                return std::optional<QByteArray>();
            }
            const SQLite::Column mac = q->getColumn(0);
            return std::optional<QByteArray>(QByteArray(static_cast<const char*>(mac.getBlob()), mac.getBytes()));
        });
}

Result<bool> SqliteAuditRepository::anchored()
{
    return m_store.read<bool>("read the audit log", [](SqliteConnection& c) -> Result<bool> {
        auto q = c.statement("SELECT value FROM meta WHERE key = 'audit_anchored'");
        return q->executeStep() && sql::text(*q, 0) == u"1";
    });
}

Status SqliteAuditRepository::markAnchored()
{
    return m_store.writeAndWait([](SqliteConnection& c) {
        c.db().exec("INSERT INTO meta(key, value) VALUES('audit_anchored', '1') "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    });
}

Status SqliteAuditRepository::appendUnchecked(std::vector<AuditEntry> entries)
{
    SqliteStore* store = &m_store;
    auto r = m_store.writeAndWait<std::monostate>(
        [store, entries = std::move(entries)](SqliteConnection& c) -> Result<std::monostate> {
            const AuditTail tail = readAuditTail(c);
            if (AuditHead* head = store->auditHead()) {
                head->trust({tail.id, tail.mac});
            }
            appendAudit(c, *store, entries);
            return std::monostate{};
        });
    return r ? Status() : Status(r.error());
}

} // namespace shopdesk::store
