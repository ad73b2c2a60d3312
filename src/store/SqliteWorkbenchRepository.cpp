#include "store/SqliteWorkbenchRepository.h"

#include "domain/Session.h"
#include "services/orders/OrderRepository.h"
#include "store/AuditWriter.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

constexpr int kPreviewChars = 60;

QString previewOf(const QString& text)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > kPreviewChars) {
        line = line.left(kPreviewChars - 1) + QChar(0x2026);
    }
    return line;
}

QStringList tagsFrom(const QString& stored)
{
    return stored.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/// Fills the message-derived fields of `s` (last message, unanswered since).
void addLastMessage(SqliteConnection& c, ConversationSummary& s)
{
    auto last = c.statement("SELECT id, sender, text, sent_at, card_order_no FROM messages "
                            "WHERE conversation_id = ?1 ORDER BY id DESC LIMIT 1");
    sql::bind(*last, 1, s.id.value());
    if (last->executeStep()) {
        s.lastMessageId = MessageId(sql::integer(*last, 0));
        s.lastSender = static_cast<Sender>(sql::integer(*last, 1));
        const QString card = sql::text(*last, 4);
        s.preview = card.isEmpty() ? previewOf(sql::text(*last, 2)) : QStringLiteral("[%1]").arg(card);
        s.lastMessageAt = Timestamp::fromMs(sql::integer(*last, 3));
    }
    last->tryReset();
    auto waiting = c.statement("SELECT min(sent_at) FROM messages WHERE conversation_id = ?1 AND sender = 0 AND id > "
                               "coalesce((SELECT max(id) FROM messages WHERE conversation_id = ?1 AND sender = 1), 0)");
    sql::bind(*waiting, 1, s.id.value());
    if (waiting->executeStep() && !sql::isNull(*waiting, 0)) {
        s.waitingSince = Timestamp::fromMs(sql::integer(*waiting, 0));
    }
    waiting->tryReset();
}

ConversationSummary::State stateOf(qint64 kind)
{
    switch (static_cast<SessionEvent::Kind>(kind)) {
    case SessionEvent::Kind::Assigned:
        return ConversationSummary::State::Active;
    case SessionEvent::Kind::Queued:
        return ConversationSummary::State::Queued;
    case SessionEvent::Kind::Closed:
        break;
    }
    return ConversationSummary::State::Closed;
}

/// The columns every summary query selects, read by summaryFrom(): the conversation, its buyer, and
/// its latest routing event `se` (NULL when it never had one). A macro so that queries stay string
/// literals (the connection caches statements by their text's address).
#define SHOPDESK_SUMMARY_COLUMNS                                                                                       \
    "c.id, c.platform, c.platform_key, b.nick, b.grade, b.tags, se.kind, se.agent, se.at, se.wait_s, se.grp, "         \
    "se.reason "

/// How many columns SHOPDESK_SUMMARY_COLUMNS selects (a query's own columns follow).
constexpr int kSummaryColumns = 12;

ConversationSummary summaryFrom(SQLite::Statement& q)
{
    ConversationSummary s;
    s.id = ConversationId(sql::integer(q, 0));
    s.platform = sql::text(q, 1);
    s.key = sql::text(q, 2);
    s.buyerNick = sql::text(q, 3);
    s.grade = sql::text(q, 4);
    s.tags = tagsFrom(sql::text(q, 5));
    if (!sql::isNull(q, 6)) {
        s.state = stateOf(sql::integer(q, 6));
        s.agent = sql::text(q, 7);
        s.stateSince = Timestamp::fromMs(sql::integer(q, 8));
    }
    if (!sql::isNull(q, 9)) {
        s.queueEstimateSecs = static_cast<int>(sql::integer(q, 9));
    }
    if (s.state == ConversationSummary::State::Queued) {
        s.queueGroup = sql::text(q, 10);
        s.queueReason = sql::text(q, 11);
    }
    return s;
}

} // namespace

Result<std::vector<ConversationSummary>> SqliteWorkbenchRepository::conversationsOf(const QString& agent,
                                                                                    Timestamp since)
{
    return m_store.read<std::vector<ConversationSummary>>(
        "list an agent's conversations", [&](SqliteConnection& c) -> Result<std::vector<ConversationSummary>> {
            // The unread counts come with the list: one query, not one per conversation.
            auto q = c.statement(
                "SELECT " SHOPDESK_SUMMARY_COLUMNS
                ", (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.sender = 0 AND m.id > "
                "coalesce((SELECT message_id FROM read_marks r WHERE r.account = ?1 AND r.conversation_id = c.id), 0)) "
                "FROM (SELECT conversation_id, max(id) AS id FROM session_events WHERE conversation_id IN "
                "(SELECT conversation_id FROM session_events WHERE agent = ?1 AND at >= ?2) GROUP BY conversation_id) "
                "l "
                "JOIN session_events se ON se.id = l.id JOIN conversations c ON c.id = se.conversation_id "
                "JOIN buyers b ON b.id = c.buyer_id");
            sql::bind(*q, 1, agent);
            sql::bind(*q, 2, since.ms());
            std::vector<ConversationSummary> out;
            while (q->executeStep()) {
                out.push_back(summaryFrom(*q));
                out.back().unread = static_cast<int>(sql::integer(*q, kSummaryColumns));
            }
            q->tryReset();
            for (ConversationSummary& s : out) {
                addLastMessage(c, s);
            }
            return out;
        });
}

Status SqliteWorkbenchRepository::setReadMark(const QString& account, ConversationId conversation, MessageId upTo)
{
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto q = c.statement("INSERT INTO read_marks(account, conversation_id, message_id) VALUES(?1, ?2, ?3) "
                             "ON CONFLICT(account, conversation_id) DO UPDATE SET "
                             "message_id = max(message_id, excluded.message_id)");
        sql::bind(*q, 1, account);
        sql::bind(*q, 2, conversation.value());
        sql::bind(*q, 3, upTo.value());
        q->exec();
    });
}

Result<QString> SqliteWorkbenchRepository::draft(const QString& account, const QString& platform, const QString& buyer)
{
    return m_store.read<QString>("read a draft", [&](SqliteConnection& c) -> Result<QString> {
        auto q = c.statement("SELECT text FROM drafts WHERE account = ?1 AND platform = ?2 AND buyer = ?3");
        sql::bind(*q, 1, account);
        sql::bind(*q, 2, platform);
        sql::bind(*q, 3, buyer);
        return q->executeStep() ? sql::text(*q, 0) : QString();
    });
}

Status SqliteWorkbenchRepository::saveDraft(const QString& account, const QString& platform, const QString& buyer,
                                            const QString& text, Timestamp at)
{
    return m_store.writeAndWait([=](SqliteConnection& c) {
        if (text.isEmpty()) {
            auto q = c.statement("DELETE FROM drafts WHERE account = ?1 AND platform = ?2 AND buyer = ?3");
            sql::bind(*q, 1, account);
            sql::bind(*q, 2, platform);
            sql::bind(*q, 3, buyer);
            q->exec();
            return;
        }
        auto q =
            c.statement("INSERT INTO drafts(account, platform, buyer, text, updated_at) VALUES(?1, ?2, ?3, ?4, ?5) "
                        "ON CONFLICT(account, platform, buyer) DO UPDATE SET text = excluded.text, "
                        "updated_at = excluded.updated_at");
        sql::bind(*q, 1, account);
        sql::bind(*q, 2, platform);
        sql::bind(*q, 3, buyer);
        sql::bind(*q, 4, text);
        sql::bind(*q, 5, at.ms());
        q->exec();
    });
}

Result<std::optional<ConversationSummary>> SqliteWorkbenchRepository::conversation(const QString& platform,
                                                                                   const QString& key)
{
    return m_store.read<std::optional<ConversationSummary>>(
        "read a conversation", [&](SqliteConnection& c) -> Result<std::optional<ConversationSummary>> {
            auto q = c.statement("SELECT " SHOPDESK_SUMMARY_COLUMNS "FROM conversations c "
                                 "JOIN buyers b ON b.id = c.buyer_id LEFT JOIN session_events se ON se.id = "
                                 "(SELECT max(id) FROM session_events WHERE conversation_id = c.id) "
                                 "WHERE c.platform = ?1 AND c.platform_key = ?2");
            sql::bind(*q, 1, platform);
            sql::bind(*q, 2, key);
            if (!q->executeStep()) {
                return std::optional<ConversationSummary>();
            }
            ConversationSummary s = summaryFrom(*q);
            q->tryReset();
            addLastMessage(c, s);
            return std::optional<ConversationSummary>(std::move(s));
        });
}

Result<std::optional<ConversationSummary>> SqliteWorkbenchRepository::conversationOfBuyer(const QString& platform,
                                                                                          const QString& nick)
{
    auto key = m_store.read<QString>("find a buyer's conversation", [&](SqliteConnection& c) -> Result<QString> {
        auto q = c.statement("SELECT c.platform_key FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
                             "WHERE b.platform = ?1 AND b.nick = ?2 ORDER BY c.id DESC LIMIT 1");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, nick);
        return q->executeStep() ? sql::text(*q, 0) : QString();
    });
    if (!key) {
        return key.error();
    }
    if (key->isEmpty()) {
        return std::optional<ConversationSummary>();
    }
    return conversation(platform, *key);
}

Result<qint64> SqliteWorkbenchRepository::endSessionsOutside(const QString& platform, const QString& keepPrefix,
                                                             Timestamp at, const QString& reason)
{
    return m_store.writeAndWait<qint64>([=](SqliteConnection& c) -> Result<qint64> {
        // The closing event's id is derived from the one it closes, so that doing it twice is harmless.
        auto q = c.statement(
            "INSERT INTO session_events(platform, event_id, conversation_id, kind, agent, reason, position, at) "
            "SELECT se.platform, 'end:' || se.event_id, se.conversation_id, 2, se.agent, ?3, 0, ?4 "
            "FROM session_events se JOIN (SELECT max(id) AS id FROM session_events WHERE platform = ?1 "
            "GROUP BY conversation_id) l ON l.id = se.id "
            "WHERE se.kind IN (0, 1) AND substr(se.event_id, 1, length(?2)) <> ?2 "
            "ON CONFLICT(platform, event_id) DO NOTHING");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, keepPrefix);
        sql::bind(*q, 3, reason);
        sql::bind(*q, 4, at.ms());
        return static_cast<qint64>(q->exec());
    });
}

Result<std::vector<ConversationSummary>> SqliteWorkbenchRepository::openSessions(Timestamp since)
{
    return m_store.read<std::vector<ConversationSummary>>(
        "list open sessions", [&](SqliteConnection& c) -> Result<std::vector<ConversationSummary>> {
            auto q =
                c.statement("SELECT " SHOPDESK_SUMMARY_COLUMNS
                            "FROM (SELECT max(id) AS id FROM session_events WHERE at >= ?1 GROUP BY conversation_id) l "
                            "JOIN session_events se ON se.id = l.id JOIN conversations c ON c.id = se.conversation_id "
                            "JOIN buyers b ON b.id = c.buyer_id WHERE se.kind IN (0, 1) ORDER BY se.at, se.id");
            sql::bind(*q, 1, since.ms());
            std::vector<ConversationSummary> out;
            while (q->executeStep()) {
                out.push_back(summaryFrom(*q));
            }
            return out;
        });
}

Result<QueueSnapshot> SqliteWorkbenchRepository::queue(Timestamp since)
{
    return m_store.read<QueueSnapshot>("read the queue", [&](SqliteConnection& c) -> Result<QueueSnapshot> {
        auto q = c.statement("SELECT count(*), min(se.at), max(se.id) FROM session_events se JOIN "
                             "(SELECT max(id) AS id FROM session_events WHERE at >= ?1 GROUP BY conversation_id) l "
                             "ON l.id = se.id WHERE se.kind = 1");
        sql::bind(*q, 1, since.ms());
        QueueSnapshot snap;
        qint64 latest = 0;
        if (q->executeStep()) {
            snap.length = static_cast<int>(sql::integer(*q, 0));
            if (!sql::isNull(*q, 1)) {
                snap.oldestSince = Timestamp::fromMs(sql::integer(*q, 1));
                latest = sql::integer(*q, 2);
            }
        }
        q->tryReset();
        if (latest > 0) {
            auto w = c.statement("SELECT wait_s FROM session_events WHERE id = ?1");
            sql::bind(*w, 1, latest);
            if (w->executeStep() && !sql::isNull(*w, 0)) {
                snap.latestEstimateSecs = static_cast<int>(sql::integer(*w, 0));
            }
            w->tryReset();
        }
        return snap;
    });
}

Result<BuyerNotes> SqliteWorkbenchRepository::buyerNotes(const QString& platform, const QString& nick)
{
    return m_store.read<BuyerNotes>("read a buyer's notes", [&](SqliteConnection& c) -> Result<BuyerNotes> {
        auto q = c.statement("SELECT grade, tags FROM buyers WHERE platform = ?1 AND nick = ?2");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, nick);
        BuyerNotes notes;
        if (q->executeStep()) {
            notes.grade = sql::text(*q, 0);
            notes.tags = tagsFrom(sql::text(*q, 1));
        }
        return notes;
    });
}

Status SqliteWorkbenchRepository::setBuyerNotes(const QString& platform, const QString& nick, const BuyerNotes& notes,
                                                std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait([=](SqliteConnection& c) {
        auto q = c.statement("INSERT INTO buyers(platform, nick, grade, tags) VALUES(?1, ?2, ?3, ?4) "
                             "ON CONFLICT(platform, nick) DO UPDATE SET grade = excluded.grade, tags = excluded.tags");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, nick);
        sql::bind(*q, 3, notes.grade);
        sql::bind(*q, 4, notes.tags.join(QLatin1Char('\n')));
        q->exec();
        appendAudit(c, *store, audit);
    });
}

Result<std::vector<FollowUp>> SqliteWorkbenchRepository::followUps(const QString& agent, Timestamp servedSince,
                                                                   Timestamp unpaidBefore, Timestamp unshippedBefore,
                                                                   Timestamp staleBefore)
{
    return m_store.read<
        std::vector<FollowUp>>("list follow-ups", [&](SqliteConnection& c) -> Result<std::vector<FollowUp>> {
        auto q = c.statement(
            "WITH mine AS (SELECT DISTINCT c.buyer_id FROM session_events se "
            "JOIN conversations c ON c.id = se.conversation_id WHERE se.agent = ?1 AND se.at >= ?2), "
            "traced AS (SELECT platform, order_no, max(at) AS last FROM logistics_events GROUP BY platform, order_no) "
            "SELECT o.status, o.platform, o.order_no, b.nick, o.amount_fen, o.created_at, o.paid_at, t.last "
            "FROM orders o JOIN mine ON mine.buyer_id = o.buyer_id JOIN buyers b ON b.id = o.buyer_id "
            "LEFT JOIN traced t ON t.platform = o.platform AND t.order_no = o.order_no "
            "WHERE (o.status = 'WAIT_BUYER_PAY' AND o.created_at <= ?3) "
            "OR (o.status = 'WAIT_SELLER_SEND_GOODS' AND o.paid_at <= ?4) "
            "OR (o.status = 'WAIT_BUYER_CONFIRM_GOODS' AND coalesce(t.last, o.paid_at) <= ?5) "
            "ORDER BY o.created_at");
        sql::bind(*q, 1, agent);
        sql::bind(*q, 2, servedSince.ms());
        sql::bind(*q, 3, unpaidBefore.ms());
        sql::bind(*q, 4, unshippedBefore.ms());
        sql::bind(*q, 5, staleBefore.ms());
        std::vector<FollowUp> out;
        while (q->executeStep()) {
            FollowUp f;
            const QString status = sql::text(*q, 0);
            f.platform = sql::text(*q, 1);
            f.orderNo = sql::text(*q, 2);
            f.buyerNick = sql::text(*q, 3);
            f.amountFen = sql::integer(*q, 4);
            if (status == u"WAIT_BUYER_PAY") {
                f.kind = FollowUp::Kind::Unpaid;
                f.since = Timestamp::fromMs(sql::integer(*q, 5));
            } else if (status == u"WAIT_SELLER_SEND_GOODS") {
                f.kind = FollowUp::Kind::Unshipped;
                f.since = Timestamp::fromMs(sql::integer(*q, 6));
            } else {
                f.kind = FollowUp::Kind::StaleTrace;
                f.since = Timestamp::fromMs(sql::isNull(*q, 7) ? sql::integer(*q, 6) : sql::integer(*q, 7));
            }
            out.push_back(std::move(f));
        }
        return out;
    });
}

Result<qint64> SqliteWorkbenchRepository::deleteMessages(const QString& platform, const QString& nick,
                                                         const std::vector<MessageId>& ids,
                                                         std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<qint64>([=](SqliteConnection& c) -> Result<qint64> {
        qint64 removed = 0;
        auto q =
            c.statement("DELETE FROM messages WHERE id = ?1 AND conversation_id IN (SELECT c.id FROM "
                        "conversations c JOIN buyers b ON b.id = c.buyer_id WHERE b.platform = ?2 AND b.nick = ?3)");
        for (MessageId id : ids) {
            q->reset();
            sql::bind(*q, 1, id.value());
            sql::bind(*q, 2, platform);
            sql::bind(*q, 3, nick);
            removed += q->exec();
        }
        std::vector<AuditEntry> entries = audit;
        for (AuditEntry& e : entries) {
            e.detail = QStringLiteral("%1 messages").arg(removed);
        }
        appendAudit(c, *store, entries);
        return removed;
    });
}

Result<qint64> SqliteWorkbenchRepository::deleteAllMessages(const QString& platform, const QString& nick,
                                                            std::vector<AuditEntry> audit)
{
    SqliteStore* store = &m_store;
    return m_store.writeAndWait<qint64>([=](SqliteConnection& c) -> Result<qint64> {
        auto q = c.statement("DELETE FROM messages WHERE conversation_id IN (SELECT c.id FROM conversations c "
                             "JOIN buyers b ON b.id = c.buyer_id WHERE b.platform = ?1 AND b.nick = ?2)");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, nick);
        const qint64 removed = q->exec();
        std::vector<AuditEntry> entries = audit;
        for (AuditEntry& e : entries) {
            e.detail = QStringLiteral("all %1 messages").arg(removed);
        }
        appendAudit(c, *store, entries);
        return removed;
    });
}

} // namespace shopdesk::store
