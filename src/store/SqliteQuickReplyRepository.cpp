#include "store/SqliteQuickReplyRepository.h"

#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

QuickReply phraseFrom(SQLite::Statement& q)
{
    QuickReply p;
    p.id = QuickReplyId(sql::integer(q, 0));
    p.scope = sql::integer(q, 1) == 0 ? QuickReply::Scope::Team : QuickReply::Scope::Personal;
    p.owner = sql::text(q, 2);
    p.group = sql::text(q, 3);
    p.code = sql::text(q, 4);
    p.text = sql::text(q, 5);
    p.sortOrder = static_cast<int>(sql::integer(q, 6));
    p.usageCount = sql::integer(q, 7);
    return p;
}

qint64 write(SqliteConnection& c, const QuickReply& phrase)
{
    if (phrase.id.isValid()) {
        auto q = c.statement("UPDATE quick_replies SET scope = ?2, owner = ?3, grp = ?4, code = ?5, text = ?6, "
                             "sort_order = ?7 WHERE id = ?1");
        sql::bind(*q, 1, phrase.id.value());
        sql::bind(*q, 2, static_cast<qint64>(phrase.scope == QuickReply::Scope::Team ? 0 : 1));
        sql::bind(*q, 3, phrase.owner);
        sql::bind(*q, 4, phrase.group);
        sql::bind(*q, 5, phrase.code);
        sql::bind(*q, 6, phrase.text);
        sql::bind(*q, 7, static_cast<qint64>(phrase.sortOrder));
        q->exec();
        return phrase.id.value();
    }
    auto q = c.statement("INSERT INTO quick_replies(scope, owner, grp, code, text, sort_order, usage_count) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    sql::bind(*q, 1, static_cast<qint64>(phrase.scope == QuickReply::Scope::Team ? 0 : 1));
    sql::bind(*q, 2, phrase.owner);
    sql::bind(*q, 3, phrase.group);
    sql::bind(*q, 4, phrase.code);
    sql::bind(*q, 5, phrase.text);
    sql::bind(*q, 6, static_cast<qint64>(phrase.sortOrder));
    sql::bind(*q, 7, phrase.usageCount);
    q->exec();
    return c.db().getLastInsertRowid();
}

} // namespace

Result<std::vector<QuickReply>> SqliteQuickReplyRepository::phrasesFor(const QString& owner)
{
    return m_store.read<std::vector<QuickReply>>(
        "read quick replies", [&](SqliteConnection& c) -> Result<std::vector<QuickReply>> {
            auto q = c.statement("SELECT id, scope, owner, grp, code, text, sort_order, usage_count FROM quick_replies "
                                 "WHERE scope = 0 OR (scope = 1 AND owner = ?1) ORDER BY scope, grp, sort_order, id");
            sql::bind(*q, 1, owner);
            std::vector<QuickReply> out;
            while (q->executeStep()) {
                out.push_back(phraseFrom(*q));
            }
            return out;
        });
}

Result<std::optional<QuickReply>> SqliteQuickReplyRepository::find(QuickReplyId id)
{
    return m_store.read<std::optional<QuickReply>>(
        "read a quick reply", [&](SqliteConnection& c) -> Result<std::optional<QuickReply>> {
            auto q = c.statement("SELECT id, scope, owner, grp, code, text, sort_order, usage_count FROM quick_replies "
                                 "WHERE id = ?1");
            sql::bind(*q, 1, id.value());
            if (!q->executeStep()) {
                return std::optional<QuickReply>();
            }
            return std::optional<QuickReply>(phraseFrom(*q));
        });
}

Result<QuickReplyId> SqliteQuickReplyRepository::save(const QuickReply& phrase, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<QuickReplyId>([=](SqliteConnection& c) -> Result<QuickReplyId> {
        const qint64 id = write(c, phrase);
        appendAudit(c, *store, audit);
        return QuickReplyId(id);
    });
}

Status SqliteQuickReplyRepository::saveMany(const std::vector<QuickReply>& phrases, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait([=](SqliteConnection& c) {
        for (const QuickReply& p : phrases) {
            write(c, p);
        }
        appendAudit(c, *store, audit);
    });
}

Status SqliteQuickReplyRepository::remove(QuickReplyId id, std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto q = c.statement("DELETE FROM quick_replies WHERE id = ?1");
        sql::bind(*q, 1, id.value());
        q->exec();
        appendAudit(c, *store, audit);
    });
}

Status SqliteQuickReplyRepository::recordUse(QuickReplyId id)
{
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto q = c.statement("UPDATE quick_replies SET usage_count = usage_count + 1 WHERE id = ?1");
        sql::bind(*q, 1, id.value());
        q->exec();
    });
}

} // namespace shopdesk::store
