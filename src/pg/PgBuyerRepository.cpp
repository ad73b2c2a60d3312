#include "pg/PgBuyerRepository.h"

#include "pg/PgStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shopdesk::pg {

Result<BuyerNotes> PgBuyerRepository::buyerNotes(const QString& platform, const QString& nick)
{
    return m_store.read<BuyerNotes>("read a buyer's notes", [&](PgTx& tx) {
        auto r = tx.q("SELECT grade, array_to_json(tags)::text FROM buyer_notes WHERE shop_id = $1 AND platform = $2 "
                      "AND nick = $3",
                      {tx.shop(), param(platform), param(nick)});
        BuyerNotes notes;
        if (r.rows()) {
            notes.grade = r.text(0, 0);
            for (const QJsonValue& tag : QJsonDocument::fromJson(r.text(0, 1).toUtf8()).array()) {
                notes.tags << tag.toString();
            }
        }
        return notes;
    });
}

Status PgBuyerRepository::setBuyerNotes(const QString& platform, const QString& nick, const BuyerNotes& notes,
                                        std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("keep a buyer's notes", [&](PgTx& tx) {
        tx.q("INSERT INTO buyer_notes(shop_id, platform, nick, grade, tags) VALUES($1, $2, $3, $4, $5::text[]) "
             "ON CONFLICT(shop_id, platform, nick) DO UPDATE SET grade = excluded.grade, tags = excluded.tags",
             {tx.shop(), param(platform), param(nick), param(notes.grade), textArray(notes.tags)});
        tx.audit(std::move(audit));
        tx.change(QStringLiteral("buyer"),
                  QJsonDocument(QJsonObject{{QStringLiteral("platform"), platform}, {QStringLiteral("buyer"), nick}})
                      .toJson(QJsonDocument::Compact));
    });
}

Result<qint64> PgBuyerRepository::deleteMessages(const QString& platform, const QString& nick,
                                                 const std::vector<MessageId>& ids, std::vector<AuditEntry> audit)
{
    return remove(platform, nick, &ids, std::move(audit));
}

Result<qint64> PgBuyerRepository::deleteAllMessages(const QString& platform, const QString& nick,
                                                    std::vector<AuditEntry> audit)
{
    return remove(platform, nick, nullptr, std::move(audit));
}

Result<qint64> PgBuyerRepository::remove(const QString& platform, const QString& nick,
                                         const std::vector<MessageId>* ids, std::vector<AuditEntry> audit)
{
    std::vector<qint64> values;
    for (MessageId id : ids ? *ids : std::vector<MessageId>()) {
        values.push_back(id.value());
    }
    return m_store.write<qint64>("delete a buyer's messages", [&](PgTx& tx) {
        auto r = tx.q("DELETE FROM messages m USING conversations c WHERE c.id = m.conversation_id AND "
                      "c.shop_id = $1 AND c.platform = $2 AND c.buyer_nick = $3 AND ($4::bigint[] IS NULL OR "
                      "m.id = ANY($4::bigint[])) RETURNING c.key",
                      {tx.shop(), param(platform), param(nick), ids ? bigintArray(values) : Param()});
        const qint64 removed = r.rows();
        for (AuditEntry& e : audit) {
            e.detail = (ids ? QStringLiteral("%1 messages") : QStringLiteral("all %1 messages")).arg(removed);
        }
        tx.audit(std::move(audit));
        QStringList keys;
        for (int i = 0; i < r.rows(); ++i) {
            if (!keys.contains(r.text(i, 0))) {
                keys << r.text(i, 0);
            }
        }
        for (const QString& key : keys) {
            tx.change(QStringLiteral("message"),
                      QJsonDocument(QJsonObject{{QStringLiteral("platform"), platform}, {QStringLiteral("key"), key}})
                          .toJson(QJsonDocument::Compact));
        }
        return removed;
    });
}

} // namespace shopdesk::pg
