#include "store/SqliteMessageRepository.h"

#include "core/Logging.h"
#include "domain/TextMatch.h"
#include "store/FtsQuery.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

#include <limits>

namespace shopdesk::store {

namespace {

constexpr const char* kHitColumns = "m.id, m.conversation_id, m.sender, m.agent, m.sent_at, m.text, m.platform_msg_id, "
                                    "m.card_order_no, c.platform, c.platform_key, b.nick";

Message readMessage(SQLite::Statement& q)
{
    Message m;
    m.id = MessageId(sql::integer(q, 0));
    m.conversationId = ConversationId(sql::integer(q, 1));
    m.sender = static_cast<Sender>(sql::integer(q, 2));
    m.agent = sql::text(q, 3);
    m.sentAt = Timestamp::fromMs(sql::integer(q, 4));
    m.text = sql::text(q, 5);
    m.platformMessageId = sql::text(q, 6);
    m.cardOrderNo = sql::text(q, 7);
    return m;
}

MessageHit readHit(SQLite::Statement& q)
{
    MessageHit h;
    h.message = readMessage(q);
    h.platform = sql::text(q, 8);
    h.conversationKey = sql::text(q, 9);
    h.buyerNick = sql::text(q, 10);
    return h;
}

qint64 beforeId(MessageId before)
{
    return before.isValid() ? before.value() : std::numeric_limits<qint64>::max();
}

QString idList(const std::vector<ConversationId>& ids)
{
    QStringList parts;
    for (ConversationId id : ids) {
        parts << QString::number(id.value());
    }
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

Result<std::vector<MessageHit>> SqliteMessageRepository::search(const MessageQuery& query)
{
    if (query.terms.isEmpty() || query.limit <= 0) {
        return std::vector<MessageHit>();
    }
    auto conn = m_store.reader();
    if (!conn) {
        return conn.error();
    }
    QStringList folded;
    for (const QString& t : query.terms) {
        folded << textmatch::foldString(t);
    }
    try {
        SqliteConnection& c = **conn;
        // How many messages the filters leave, capped: a small set is cheaper to read than the index.
        qint64 candidates = std::numeric_limits<qint64>::max();
        if (!query.conversations.empty()) {
            auto nHandle = c.statement("SELECT count(*) FROM (SELECT 1 FROM messages WHERE conversation_id IN "
                                       "(SELECT value FROM json_each(?1)) LIMIT 5001)");
            auto& n = *nHandle;
            sql::bind(n, 1, idList(query.conversations));
            n.executeStep();
            candidates = sql::integer(n, 0);
        } else if (query.buyerNick) {
            auto nHandle = c.statement("SELECT count(*) FROM (SELECT 1 FROM messages m JOIN conversations c ON "
                                       "c.id = m.conversation_id JOIN buyers b ON b.id = c.buyer_id WHERE b.nick = ?1 "
                                       "LIMIT 5001)");
            auto& n = *nHandle;
            sql::bind(n, 1, *query.buyerNick);
            n.executeStep();
            candidates = sql::integer(n, 0);
        }
        if (candidates <= kScanThreshold) {
            return searchScan(c, query, folded);
        }
        return searchIndex(c, query, folded);
    } catch (const std::exception& e) {
        return sqliteError(e, "search messages");
    }
}

std::vector<MessageHit> SqliteMessageRepository::searchIndex(SqliteConnection& c, const MessageQuery& q,
                                                             const QStringList& folded)
{
    static const std::string all =
        std::string("SELECT ") + kHitColumns +
        " FROM messages_fts f JOIN messages m ON m.id = f.rowid "
        "JOIN conversations c ON c.id = m.conversation_id JOIN buyers b ON b.id = c.buyer_id "
        "WHERE messages_fts MATCH ?1 AND f.rowid < ?2 "
        "AND (?4 IS NULL OR b.nick = ?4) "
        "AND (?5 IS NULL OR m.conversation_id IN (SELECT value FROM json_each(?5))) "
        "ORDER BY f.rowid DESC LIMIT ?3";
    auto stHandle = c.statement(all.c_str());
    auto& st = *stHandle;
    sql::bind(st, 1, ftsMatchExpression(q.terms));
    sql::bind(st, 2, beforeId(q.before));
    sql::bind(st, 3, static_cast<qint64>(q.limit));
    if (q.buyerNick) {
        sql::bind(st, 4, *q.buyerNick);
    }
    if (!q.conversations.empty()) {
        sql::bind(st, 5, idList(q.conversations));
    }
    std::vector<MessageHit> hits;
    while (st.executeStep()) {
        MessageHit hit = readHit(st);
        // The index is exact by construction; this check only guards against a damaged index.
        if (!textmatch::containsAll(hit.message.text, folded)) {
            logging::get("search")->error("full-text index returned a non-matching message {}; run a rebuild",
                                          hit.message.id.value());
            continue;
        }
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<MessageHit> SqliteMessageRepository::searchScan(SqliteConnection& c, const MessageQuery& q,
                                                            const QStringList& folded)
{
    static const std::string sqlText = std::string("SELECT ") + kHitColumns +
                                       " FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                       "JOIN buyers b ON b.id = c.buyer_id "
                                       "WHERE m.id < ?1 AND (?2 IS NULL OR b.nick = ?2) "
                                       "AND (?3 IS NULL OR m.conversation_id IN (SELECT value FROM json_each(?3))) "
                                       "ORDER BY m.id DESC";
    auto stHandle = c.statement(sqlText.c_str());
    auto& st = *stHandle;
    sql::bind(st, 1, beforeId(q.before));
    if (q.buyerNick) {
        sql::bind(st, 2, *q.buyerNick);
    }
    if (!q.conversations.empty()) {
        sql::bind(st, 3, idList(q.conversations));
    }
    std::vector<MessageHit> hits;
    while (static_cast<int>(hits.size()) < q.limit && st.executeStep()) {
        if (textmatch::containsAll(sql::text(st, 5), folded)) {
            hits.push_back(readHit(st));
        }
    }
    return hits;
}

Result<std::vector<Message>> SqliteMessageRepository::page(ConversationId conversation, int limit, MessageId before)
{
    auto conn = m_store.reader();
    if (!conn) {
        return conn.error();
    }
    try {
        auto qHandle = (*conn)->statement(
            "SELECT id, conversation_id, sender, agent, sent_at, text, platform_msg_id, "
            "card_order_no FROM messages WHERE conversation_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3");
        auto& q = *qHandle;
        sql::bind(q, 1, conversation.value());
        sql::bind(q, 2, beforeId(before));
        sql::bind(q, 3, static_cast<qint64>(limit));
        std::vector<Message> out;
        out.reserve(static_cast<std::size_t>(std::max(limit, 0)));
        while (q.executeStep()) {
            out.push_back(readMessage(q));
        }
        std::reverse(out.begin(), out.end());
        return out;
    } catch (const std::exception& e) {
        return sqliteError(e, "read a conversation");
    }
}

Result<std::vector<Message>> SqliteMessageRepository::pageAfter(ConversationId conversation, int limit, MessageId after)
{
    return m_store.read<std::vector<Message>>(
        "read new messages", [&](SqliteConnection& c) -> Result<std::vector<Message>> {
            auto q =
                c.statement("SELECT id, conversation_id, sender, agent, sent_at, text, platform_msg_id, "
                            "card_order_no FROM messages WHERE conversation_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3");
            sql::bind(*q, 1, conversation.value());
            sql::bind(*q, 2, after.isValid() ? after.value() : qint64(0));
            sql::bind(*q, 3, static_cast<qint64>(limit));
            std::vector<Message> out;
            while (q->executeStep()) {
                out.push_back(readMessage(*q));
            }
            return out;
        });
}

Result<qint64> SqliteMessageRepository::buyerMessagesAfter(ConversationId conversation, MessageId after)
{
    return m_store.read<qint64>("count unread messages", [&](SqliteConnection& c) -> Result<qint64> {
        auto q = c.statement("SELECT count(*) FROM messages WHERE conversation_id = ?1 AND id > ?2 AND sender = 0");
        sql::bind(*q, 1, conversation.value());
        sql::bind(*q, 2, after.isValid() ? after.value() : qint64(0));
        q->executeStep();
        return sql::integer(*q, 0);
    });
}

Result<std::optional<Conversation>> SqliteMessageRepository::findConversation(QStringView platform, QStringView key)
{
    auto conn = m_store.reader();
    if (!conn) {
        return conn.error();
    }
    try {
        auto qHandle = (*conn)->statement(
            "SELECT c.id, c.platform, c.platform_key, c.buyer_id, b.nick, "
            "(SELECT max(sent_at) FROM messages WHERE conversation_id = c.id), "
            "(SELECT count(*) FROM messages WHERE conversation_id = c.id) "
            "FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE c.platform = ?1 AND c.platform_key = ?2");
        auto& q = *qHandle;
        sql::bind(q, 1, platform);
        sql::bind(q, 2, key);
        if (!q.executeStep()) {
            return std::optional<Conversation>();
        }
        Conversation conv;
        conv.id = ConversationId(sql::integer(q, 0));
        conv.platform = sql::text(q, 1);
        conv.platformKey = sql::text(q, 2);
        conv.buyerId = BuyerId(sql::integer(q, 3));
        conv.buyerNick = sql::text(q, 4);
        conv.lastMessageAt = Timestamp::fromMs(sql::integer(q, 5));
        conv.messageCount = sql::integer(q, 6);
        return std::optional<Conversation>(conv);
    } catch (const std::exception& e) {
        return sqliteError(e, "read a conversation");
    }
}

Result<std::vector<Conversation>> SqliteMessageRepository::recentConversations(int limit)
{
    auto conn = m_store.reader();
    if (!conn) {
        return conn.error();
    }
    try {
        auto qHandle = (*conn)->statement(
            "SELECT c.id, c.platform, c.platform_key, c.buyer_id, b.nick, last.id, "
            "(SELECT count(*) FROM messages WHERE conversation_id = c.id) "
            "FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
            "JOIN (SELECT conversation_id, max(id) AS id FROM messages GROUP BY conversation_id) last "
            "ON last.conversation_id = c.id ORDER BY last.id DESC LIMIT ?1");
        auto& q = *qHandle;
        sql::bind(q, 1, static_cast<qint64>(limit));
        std::vector<Conversation> out;
        while (q.executeStep()) {
            Conversation conv;
            conv.id = ConversationId(sql::integer(q, 0));
            conv.platform = sql::text(q, 1);
            conv.platformKey = sql::text(q, 2);
            conv.buyerId = BuyerId(sql::integer(q, 3));
            conv.buyerNick = sql::text(q, 4);
            conv.lastMessageAt = Timestamp::fromSecs(sql::integer(q, 5) >> 31);
            conv.messageCount = sql::integer(q, 6);
            out.push_back(conv);
        }
        return out;
    } catch (const std::exception& e) {
        return sqliteError(e, "list conversations");
    }
}

Result<qint64> SqliteMessageRepository::messageCount()
{
    auto conn = m_store.reader();
    if (!conn) {
        return conn.error();
    }
    try {
        auto qHandle = (*conn)->statement("SELECT count(*) FROM messages");
        auto& q = *qHandle;
        q.executeStep();
        return sql::integer(q, 0);
    } catch (const std::exception& e) {
        return sqliteError(e, "count messages");
    }
}

Result<qint64> SqliteMessageRepository::countWithIdPrefix(const QString& platform, const QString& prefix)
{
    return m_store.read<qint64>("count messages", [&](SqliteConnection& c) -> Result<qint64> {
        auto q = c.statement("SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                             "WHERE c.platform = ?1 AND substr(m.platform_msg_id, 1, length(?2)) = ?2");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, prefix);
        q->executeStep();
        return sql::integer(*q, 0);
    });
}

Result<std::vector<ConversationId>> SqliteMessageRepository::conversationsOfBuyer(const QString& platform,
                                                                                  const QString& nick)
{
    return m_store.read<std::vector<ConversationId>>(
        "list a buyer's conversations", [&](SqliteConnection& c) -> Result<std::vector<ConversationId>> {
            auto q = c.statement("SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
                                 "WHERE b.platform = ?1 AND b.nick = ?2 ORDER BY c.id DESC");
            sql::bind(*q, 1, platform);
            sql::bind(*q, 2, nick);
            std::vector<ConversationId> out;
            while (q->executeStep()) {
                out.emplace_back(sql::integer(*q, 0));
            }
            return out;
        });
}

} // namespace shopdesk::store
