#include "pg/PgMessageRepository.h"

#include "domain/SearchTokens.h"
#include "domain/TextMatch.h"
#include "pg/PgStore.h"

#include <algorithm>

namespace shopdesk::pg {

namespace {

constexpr const char* kMessageColumns = "m.id, m.conversation_id, m.sender, m.agent_name, m.text, m.sent_at, "
                                        "COALESCE(m.platform_message_id, ''), m.card_order_no";

Message readMessage(const PgResult& r, int i)
{
    Message m;
    m.id = MessageId(r.integer(i, 0));
    m.conversationId = ConversationId(r.integer(i, 1));
    m.sender = static_cast<Sender>(r.integer(i, 2));
    m.agent = r.text(i, 3);
    m.text = r.text(i, 4);
    m.sentAt = Timestamp::fromMs(r.integer(i, 5));
    m.platformMessageId = r.text(i, 6);
    m.cardOrderNo = r.text(i, 7);
    return m;
}

std::vector<Message> readMessages(const PgResult& r)
{
    std::vector<Message> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(readMessage(r, i));
    }
    return out;
}

/// The conversations a search is kept to (null: all of them).
Param idArray(const std::vector<ConversationId>& ids)
{
    std::vector<qint64> values;
    values.reserve(ids.size());
    for (ConversationId id : ids) {
        values.push_back(id.value());
    }
    return ids.empty() ? Param() : bigintArray(values);
}

Conversation readConversation(const PgResult& r, int i)
{
    Conversation c;
    c.id = ConversationId(r.integer(i, 0));
    c.platform = r.text(i, 1);
    c.platformKey = r.text(i, 2);
    c.buyerNick = r.text(i, 3);
    c.lastMessageAt = Timestamp::fromMs(r.integer(i, 4));
    c.messageCount = r.integer(i, 5);
    return c;
}

constexpr const char* kConversationColumns = "c.id, c.platform, c.key, c.buyer_nick, c.last_message_at, "
                                             "(SELECT count(*) FROM messages n WHERE n.conversation_id = c.id)";

} // namespace

Result<std::vector<MessageHit>> PgMessageRepository::search(const MessageQuery& query)
{
    if (query.terms.isEmpty() || query.limit <= 0) {
        return std::vector<MessageHit>();
    }
    QStringList folded;
    for (const QString& t : query.terms) {
        folded << textmatch::foldString(t);
    }
    const Param tokens = textArray(searchtokens::queryTokens(query.terms));
    static const QByteArray sql = QByteArray("SELECT ") + kMessageColumns +
                                  ", c.platform, c.key, c.buyer_nick FROM messages m JOIN conversations c ON "
                                  "c.id = m.conversation_id WHERE c.shop_id = $1 AND m.tokens @> $2::text[] AND "
                                  "($3::bigint = 0 OR m.id < $3) AND ($4::text IS NULL OR c.buyer_nick = $4) AND "
                                  "($5::bigint[] IS NULL OR m.conversation_id = ANY($5::bigint[])) "
                                  "ORDER BY m.id DESC LIMIT $6";
    return m_store.read<std::vector<MessageHit>>("search messages", [&](PgTx& tx) {
        std::vector<MessageHit> hits;
        // The index finds every message holding the terms' tokens; the few whose tokens are apart
        // are dropped here, and the next candidates read until the page is full.
        const qint64 batch = std::max<qint64>(2 * query.limit, 100);
        qint64 before = query.before.isValid() ? query.before.value() : 0;
        for (;;) {
            auto r = tx.prepared("msg_search", sql.constData(),
                                 {tx.shop(), tokens, param(before), query.buyerNick ? param(*query.buyerNick) : Param(),
                                  idArray(query.conversations), param(batch)});
            for (int i = 0; i < r.rows() && static_cast<int>(hits.size()) < query.limit; ++i) {
                MessageHit hit;
                hit.message = readMessage(r, i);
                if (!textmatch::containsAll(hit.message.text, folded)) {
                    continue;
                }
                hit.platform = r.text(i, 8);
                hit.conversationKey = r.text(i, 9);
                hit.buyerNick = r.text(i, 10);
                hits.push_back(std::move(hit));
            }
            if (r.rows() < batch || static_cast<int>(hits.size()) >= query.limit) {
                return hits;
            }
            before = r.integer(r.rows() - 1, 0);
        }
    });
}

Result<std::vector<Message>> PgMessageRepository::page(ConversationId conversation, int limit, MessageId before)
{
    static const QByteArray sql = QByteArray("SELECT * FROM (SELECT ") + kMessageColumns +
                                  " FROM messages m WHERE m.conversation_id = $1 AND ($2::bigint = 0 OR m.id < $2) "
                                  "ORDER BY m.id DESC LIMIT $3) page ORDER BY id";
    return m_store.read<std::vector<Message>>("read messages", [&](PgTx& tx) {
        return readMessages(tx.prepared(
            "msg_page", sql.constData(),
            {param(conversation.value()), param(before.isValid() ? before.value() : 0), param(std::max(limit, 0))}));
    });
}

Result<std::vector<Message>> PgMessageRepository::pageAfter(ConversationId conversation, int limit, MessageId after)
{
    static const QByteArray sql = QByteArray("SELECT ") + kMessageColumns +
                                  " FROM messages m WHERE m.conversation_id = $1 AND m.id > $2 ORDER BY m.id LIMIT $3";
    return m_store.read<std::vector<Message>>("read messages", [&](PgTx& tx) {
        return readMessages(tx.prepared(
            "msg_page_after", sql.constData(),
            {param(conversation.value()), param(after.isValid() ? after.value() : 0), param(std::max(limit, 0))}));
    });
}

Result<qint64> PgMessageRepository::buyerMessagesAfter(ConversationId conversation, MessageId after)
{
    return m_store.read<qint64>("count unread messages", [&](PgTx& tx) {
        return tx
            .q("SELECT count(*) FROM messages WHERE conversation_id = $1 AND sender = 0 AND id > $2",
               {param(conversation.value()), param(after.isValid() ? after.value() : 0)})
            .integer(0, 0);
    });
}

Result<std::vector<ConversationId>> PgMessageRepository::conversationsOfBuyer(const QString& platform,
                                                                              const QString& nick)
{
    return m_store.read<std::vector<ConversationId>>("list a buyer's conversations", [&](PgTx& tx) {
        auto r = tx.q("SELECT id FROM conversations WHERE shop_id = $1 AND platform = $2 AND buyer_nick = $3 "
                      "ORDER BY id DESC",
                      {tx.shop(), param(platform), param(nick)});
        std::vector<ConversationId> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.emplace_back(r.integer(i, 0));
        }
        return out;
    });
}

Result<std::optional<Conversation>> PgMessageRepository::findConversation(QStringView platform, QStringView key)
{
    static const QByteArray sql = QByteArray("SELECT ") + kConversationColumns +
                                  " FROM conversations c WHERE c.shop_id = $1 AND c.platform = $2 AND c.key = $3";
    return m_store.read<std::optional<Conversation>>("find a conversation", [&](PgTx& tx) {
        auto r = tx.q(sql.constData(), {tx.shop(), param(platform.toString()), param(key.toString())});
        return r.rows() ? std::optional<Conversation>(readConversation(r, 0)) : std::nullopt;
    });
}

Result<std::vector<Conversation>> PgMessageRepository::recentConversations(int limit)
{
    static const QByteArray sql = QByteArray("SELECT ") + kConversationColumns +
                                  " FROM conversations c WHERE c.shop_id = $1 ORDER BY c.last_message_at DESC, "
                                  "c.id DESC LIMIT $2";
    return m_store.read<std::vector<Conversation>>("read conversations", [&](PgTx& tx) {
        auto r = tx.q(sql.constData(), {tx.shop(), param(std::max(limit, 0))});
        std::vector<Conversation> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readConversation(r, i));
        }
        return out;
    });
}

Result<qint64> PgMessageRepository::messageCount()
{
    return m_store.read<qint64>("count messages", [](PgTx& tx) {
        return tx
            .q("SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.shop_id = $1",
               {tx.shop()})
            .integer(0, 0);
    });
}

Result<qint64> PgMessageRepository::countWithIdPrefix(const QString& platform, const QString& prefix)
{
    return m_store.read<qint64>("count messages", [&](PgTx& tx) {
        return tx
            .q("SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.shop_id = $1 "
               "AND c.platform = $2 AND starts_with(m.platform_message_id, $3)",
               {tx.shop(), param(platform), param(prefix)})
            .integer(0, 0);
    });
}

} // namespace shopdesk::pg
