#include "store/AuditWriter.h"

#include "services/audit/AuditChain.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"

#include <stdexcept>

namespace shopdesk::store {

void appendAudit(SqliteConnection& c, const AuditChain* chain, const std::vector<AuditEntry>& entries)
{
    if (entries.empty()) {
        return;
    }
    if (!chain) {
        throw std::runtime_error("the audit key is not loaded");
    }
    qint64 id = 0;
    QByteArray previous = AuditChain::genesis();
    {
        auto lastHandle = c.statement("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1");
        auto& last = *lastHandle;
        if (last.executeStep()) {
            id = sql::integer(last, 0);
            const SQLite::Column mac = last.getColumn(1);
            previous = QByteArray(static_cast<const char*>(mac.getBlob()), mac.getBytes());
        }
    }
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
}

} // namespace shopdesk::store
