#include "server/ChatQueries.h"

#include "pg/PgMessageRepository.h"
#include "pg/PgStore.h"

namespace shopdesk::server {

namespace {

using pg::param;

// One row per conversation with its owner, last message and the first unanswered buyer message.
constexpr const char* kSummary = R"sql(
SELECT c.id, c.platform, c.key, c.buyer_nick, c.state, COALESCE(o.name, ''),
       COALESCE((SELECT max(s.started_at) FROM assignments s WHERE s.conversation_id = c.id), c.opened_at),
       COALESCE(m.id, 0), COALESCE(m.sent_at, 0), COALESCE(m.sender, 2), COALESCE(m.text, ''),
       (SELECT min(b.sent_at) FROM messages b WHERE b.conversation_id = c.id AND b.sender = 0 AND b.id >
            COALESCE((SELECT max(a.id) FROM messages a WHERE a.conversation_id = c.id AND a.sender = 1), 0)),
       c.queue_group, c.queue_reason
FROM conversations c
LEFT JOIN accounts o ON o.id = c.owner_id
LEFT JOIN LATERAL (SELECT id, sent_at, sender, text FROM messages WHERE conversation_id = c.id
                   ORDER BY id DESC LIMIT 1) m ON true
)sql";

ConversationSummary readSummary(const pg::PgResult& r, int i)
{
    ConversationSummary c;
    c.id = ConversationId(r.integer(i, 0));
    c.platform = r.text(i, 1);
    c.key = r.text(i, 2);
    c.buyerNick = r.text(i, 3);
    const QString state = r.text(i, 4);
    c.state = state == u"active"   ? ConversationSummary::State::Active
              : state == u"queued" ? ConversationSummary::State::Queued
                                   : ConversationSummary::State::Closed;
    c.agent = r.text(i, 5);
    c.stateSince = Timestamp::fromMs(r.integer(i, 6));
    c.lastMessageId = MessageId(r.integer(i, 7));
    c.lastMessageAt = Timestamp::fromMs(r.integer(i, 8));
    c.lastSender = static_cast<Sender>(r.integer(i, 9));
    c.preview = r.text(i, 10).section(QLatin1Char('\n'), 0, 0).left(60);
    if (!r.isNull(i, 11)) {
        c.waitingSince = Timestamp::fromMs(r.integer(i, 11));
    }
    c.queueGroup = r.text(i, 12);
    c.queueReason = r.text(i, 13);
    return c;
}

} // namespace

Result<std::vector<ConversationSummary>> ChatQueries::summaries(const char* where,
                                                                const std::vector<std::optional<QByteArray>>& params)
{
    return m_store.read<std::vector<ConversationSummary>>("read conversations", [&](pg::PgTx& tx) {
        const QByteArray sql = QByteArray(kSummary) + where;
        std::vector<pg::Param> all{tx.shop()};
        all.insert(all.end(), params.begin(), params.end());
        auto r = tx.q(sql.constData(), all);
        std::vector<ConversationSummary> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readSummary(r, i));
        }
        return out;
    });
}

Result<std::vector<ConversationSummary>> ChatQueries::mine(AccountId account, Timestamp since)
{
    return summaries("WHERE c.shop_id = $1 AND (c.owner_id = $2 OR (c.last_message_at >= $3 AND EXISTS "
                     "(SELECT 1 FROM assignments s WHERE s.conversation_id = c.id AND s.account_id = $2))) "
                     "ORDER BY c.last_message_at DESC LIMIT 500",
                     {param(account.value()), param(since.ms())});
}

Result<std::vector<ConversationSummary>> ChatQueries::open()
{
    return summaries("WHERE c.shop_id = $1 AND c.state IN ('active', 'queued') ORDER BY c.opened_at LIMIT 2000", {});
}

Result<std::optional<ConversationSummary>> ChatQueries::byKey(const QString& platform, const QString& key)
{
    auto r = summaries("WHERE c.shop_id = $1 AND c.platform = $2 AND c.key = $3", {param(platform), param(key)});
    if (!r) {
        return r.error();
    }
    return r->empty() ? std::optional<ConversationSummary>() : std::optional<ConversationSummary>(r->front());
}

Result<std::optional<ConversationSummary>> ChatQueries::byId(ConversationId id)
{
    auto r = summaries("WHERE c.shop_id = $1 AND c.id = $2", {param(id.value())});
    if (!r) {
        return r.error();
    }
    return r->empty() ? std::optional<ConversationSummary>() : std::optional<ConversationSummary>(r->front());
}

Result<std::optional<ConversationSummary>> ChatQueries::heldBy(AccountId account, const QString& buyerNick)
{
    auto r = summaries("WHERE c.shop_id = $1 AND c.owner_id = $2 AND c.buyer_nick = $3 AND c.state = 'active' "
                       "ORDER BY c.id DESC LIMIT 1",
                       {param(account.value()), param(buyerNick)});
    if (!r) {
        return r.error();
    }
    return r->empty() ? std::optional<ConversationSummary>() : std::optional<ConversationSummary>(r->front());
}

Result<std::optional<ConversationSummary>> ChatQueries::conversationOfBuyer(const QString& platform,
                                                                            const QString& nick)
{
    auto r = summaries("WHERE c.shop_id = $1 AND c.platform = $2 AND c.buyer_nick = $3 ORDER BY c.id DESC LIMIT 1",
                       {pg::param(platform), pg::param(nick)});
    if (!r) {
        return r.error();
    }
    return r->empty() ? std::optional<ConversationSummary>() : std::optional<ConversationSummary>(r->front());
}

Result<bool> ChatQueries::everHeld(AccountId account, ConversationId id)
{
    return m_store.read<bool>("read an assignment", [&](pg::PgTx& tx) {
        auto r =
            tx.q("SELECT 1 FROM assignments s JOIN conversations c ON c.id = s.conversation_id WHERE c.shop_id = $1 "
                 "AND s.conversation_id = $2 AND s.account_id = $3 LIMIT 1",
                 {tx.shop(), param(id.value()), param(account.value())});
        return r.rows() > 0;
    });
}

Result<std::vector<Message>> ChatQueries::messages(ConversationId id, int limit, std::optional<qint64> before,
                                                   std::optional<qint64> after)
{
    pg::PgMessageRepository messages(m_store);
    const int n = std::clamp(limit <= 0 ? 200 : limit, 1, 1000);
    return after ? messages.pageAfter(id, n, MessageId(*after)) : messages.page(id, n, MessageId(before.value_or(0)));
}

Result<std::vector<AgentLoad>> ChatQueries::loads()
{
    return m_store.read<std::vector<AgentLoad>>("read agents' load", [](pg::PgTx& tx) {
        auto r =
            tx.q("SELECT a.name, COALESCE(l.status, 'offline'), COALESCE(l.active, 0) FROM accounts a LEFT JOIN "
                 "agent_load l ON l.account_id = a.id WHERE a.shop_id = $1 AND a.deleted_at IS NULL ORDER BY a.name",
                 {tx.shop()});
        std::vector<AgentLoad> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back({r.text(i, 0), r.text(i, 1), static_cast<int>(r.integer(i, 2))});
        }
        return out;
    });
}

} // namespace shopdesk::server
