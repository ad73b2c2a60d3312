#include "store/AuditWriter.h"

#include "services/audit/AuditChain.h"
#include "services/audit/AuditHead.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

#include <stdexcept>

namespace shopdesk::store {

namespace {

QByteArray blob(SQLite::Statement& q, int column)
{
    const SQLite::Column c = q.getColumn(column);
    return QByteArray(static_cast<const char*>(c.getBlob()), c.getBytes());
}

[[noreturn]] void refuse(const QString& why)
{
    throw std::runtime_error(
        QStringLiteral("the audit log was tampered with (%1); nothing is written to it until the owner has checked "
                       "it (shopdeskctl audit verify) and accepted it (shopdeskctl audit reanchor --yes)")
            .arg(why)
            .toStdString());
}

/// Checks that the log goes on from `expected`: the same last entry, or entries written since by
/// another program that chain from it.
void checkContinues(SqliteConnection& c, const AuditChain& chain, const AuditHead::Mark& expected,
                    const AuditTail& tail)
{
    if (tail.id < expected.id) {
        refuse(QStringLiteral("it ends at entry %1 but entry %2 was written").arg(tail.id).arg(expected.id));
    }
    if (tail.id == expected.id) {
        if (expected.id > 0 && tail.mac != expected.mac) {
            refuse(QStringLiteral("entry %1 was replaced").arg(tail.id));
        }
        return;
    }
    auto q = c.statement("SELECT id, at, actor, action, target, detail, mac FROM audit WHERE id > ?1 ORDER BY id");
    sql::bind(*q, 1, expected.id);
    QByteArray previous = expected.id == 0 ? AuditChain::genesis() : expected.mac;
    qint64 previousId = expected.id;
    while (q->executeStep()) {
        const qint64 id = sql::integer(*q, 0);
        AuditEntry e{Timestamp::fromMs(sql::integer(*q, 1)), sql::text(*q, 2), sql::text(*q, 3), sql::text(*q, 4),
                     sql::text(*q, 5)};
        const QByteArray mac = blob(*q, 6);
        if (id != previousId + 1 || chain.link(previous, id, e) != mac) {
            refuse(QStringLiteral("entry %1 does not follow entry %2").arg(id).arg(previousId));
        }
        previous = mac;
        previousId = id;
    }
}

} // namespace

AuditTail readAuditTail(SqliteConnection& c)
{
    AuditTail tail;
    tail.mac = AuditChain::genesis();
    auto lastHandle = c.statement("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1");
    if (lastHandle->executeStep()) {
        tail.id = sql::integer(*lastHandle, 0);
        tail.mac = blob(*lastHandle, 1);
    }
    return tail;
}

void appendAudit(SqliteConnection& c, SqliteStore& store, const std::vector<AuditEntry>& entries)
{
    if (entries.empty()) {
        return;
    }
    const AuditChain* chain = store.auditChain();
    AuditHead* head = store.auditHead();
    if (!chain || !head) {
        throw std::runtime_error("the audit key is not loaded");
    }
    if (auto why = head->broken()) {
        refuse(*why);
    }
    const AuditTail tail = readAuditTail(c);
    checkContinues(c, *chain, head->expected(), tail);
    qint64 id = tail.id;
    QByteArray previous = tail.mac;
    auto insertHandle =
        c.statement("INSERT INTO audit(id, at, actor, action, target, detail, mac) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    auto& insert = *insertHandle;
    for (const AuditEntry& e : entries) {
        ++id;
        const QByteArray mac = chain->link(previous, id, e);
        insert.reset();
        sql::bind(insert, 1, id);
        sql::bind(insert, 2, e.at.ms());
        sql::bind(insert, 3, e.actor);
        sql::bind(insert, 4, e.action);
        sql::bind(insert, 5, e.target);
        sql::bind(insert, 6, e.detail);
        insert.bind(7, mac.constData(), static_cast<int>(mac.size()));
        insert.exec();
        previous = mac;
    }
    auto headHandle = c.statement("INSERT INTO meta(key, value) VALUES('audit_head', ?1) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    sql::bind(*headHandle, 1, QString::fromLatin1(chain->head(id, previous).toHex()));
    headHandle->exec();
    head->appended({id, previous});
}

} // namespace shopdesk::store
