#include "store/RecordWriter.h"

#include "store/MessageKeys.h"
#include "store/Sql.h"
#include "store/SqliteConnection.h"

#include <algorithm>
#include <stdexcept>

namespace shopdesk::store {

namespace {

/// Binds the sealed receiver (NULL when none) and the three masked fields from `first` on.
void bindReceiver(SQLite::Statement& st, int first, const Order& o)
{
    if (o.receiverSealed.isEmpty()) {
        st.bind(first);
    } else {
        st.bind(first, o.receiverSealed.constData(), static_cast<int>(o.receiverSealed.size()));
    }
    sql::bind(st, first + 1, o.receiverMasked.name);
    sql::bind(st, first + 2, o.receiverMasked.phone);
    sql::bind(st, first + 3, o.receiverMasked.address);
}

QString cacheKey(const QString& platform, const QString& key)
{
    return platform + QChar(0x1F) + key;
}

} // namespace

namespace {

/// kind, deadline_at, evidence from parameter `first` on.
void bindRefundDetails(SQLite::Statement& q, int first, const Refund& r)
{
    sql::bind(q, first, static_cast<qint64>(r.kind == Refund::Kind::ReturnAndRefund ? 1 : 0));
    sql::bind(q, first + 1, r.deadline ? std::optional<qint64>(r.deadline->ms()) : std::nullopt);
    sql::bind(q, first + 2, static_cast<qint64>(r.evidenceCount));
}

} // namespace

RecordWriter::RecordWriter(SqliteConnection& connection)
    : m_conn(connection)
{
}

void RecordWriter::forgetRowIds()
{
    m_buyers.clear();
    m_conversations.clear();
    m_lastIdOfSecond.clear();
    m_pending.clear();
}

Status RecordWriter::add(const ImportRecord& record, ImportSummary& summary)
{
    return std::visit(
        [&](const auto& r) -> Status {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, IncomingMessage>) {
                return addMessage(r);
            } else if constexpr (std::is_same_v<T, Order>) {
                return writeOrder(r, summary);
            } else if constexpr (std::is_same_v<T, Refund>) {
                return writeRefund(r, summary);
            } else if constexpr (std::is_same_v<T, SessionEvent>) {
                return writeSession(r, summary);
            } else if constexpr (std::is_same_v<T, LogisticsEvent>) {
                return writeLogistics(r, summary);
            } else {
                return writeReview(r, summary);
            }
        },
        record);
}

qint64 RecordWriter::buyerId(const QString& platform, const QString& nick)
{
    const QString key = cacheKey(platform, nick);
    if (auto it = m_buyers.constFind(key); it != m_buyers.constEnd()) {
        return it.value();
    }
    auto findHandle = m_conn.statement("SELECT id FROM buyers WHERE platform = ?1 AND nick = ?2");
    auto& find = *findHandle;
    sql::bind(find, 1, platform);
    sql::bind(find, 2, nick);
    qint64 id = 0;
    if (find.executeStep()) {
        id = sql::integer(find, 0);
    } else {
        auto insertHandle = m_conn.statement("INSERT INTO buyers(platform, nick) VALUES(?1, ?2)");
        auto& insert = *insertHandle;
        sql::bind(insert, 1, platform);
        sql::bind(insert, 2, nick);
        insert.exec();
        id = m_conn.db().getLastInsertRowid();
    }
    m_buyers.insert(key, id);
    return id;
}

Result<RecordWriter::ConversationRow>
RecordWriter::conversation(const QString& platform, const QString& conversationKey, const QString& buyerNick)
{
    const QString key = cacheKey(platform, conversationKey);
    ConversationRow row;
    if (auto it = m_conversations.constFind(key); it != m_conversations.constEnd()) {
        row = it.value();
    } else {
        auto findHandle =
            m_conn.statement("SELECT id, buyer_id FROM conversations WHERE platform = ?1 AND platform_key = ?2");
        auto& find = *findHandle;
        sql::bind(find, 1, platform);
        sql::bind(find, 2, conversationKey);
        if (find.executeStep()) {
            row = {sql::integer(find, 0), sql::integer(find, 1)};
        } else {
            row.buyerId = buyerId(platform, buyerNick);
            auto insertHandle =
                m_conn.statement("INSERT INTO conversations(platform, platform_key, buyer_id) VALUES(?1, ?2, ?3)");
            auto& insert = *insertHandle;
            sql::bind(insert, 1, platform);
            sql::bind(insert, 2, conversationKey);
            sql::bind(insert, 3, row.buyerId);
            insert.exec();
            row.id = m_conn.db().getLastInsertRowid();
        }
        m_conversations.insert(key, row);
    }
    if (row.buyerId != buyerId(platform, buyerNick)) {
        return Error::invalid(QStringLiteral("conversation '%1' belongs to another buyer").arg(conversationKey));
    }
    return row;
}

qint64 RecordWriter::nextMessageId(qint64 secs)
{
    auto it = m_lastIdOfSecond.find(secs);
    qint64 last = 0;
    if (it != m_lastIdOfSecond.end()) {
        last = it->second;
    } else {
        auto qHandle = m_conn.statement("SELECT max(id) FROM messages WHERE id >= ?1 AND id < ?2");
        auto& q = *qHandle;
        sql::bind(q, 1, keys::firstIdOfSecond(secs));
        sql::bind(q, 2, keys::firstIdOfSecond(secs + 1));
        q.executeStep();
        last = sql::isNull(q, 0) ? keys::firstIdOfSecond(secs) : sql::integer(q, 0);
        if (m_lastIdOfSecond.size() > 100000) {
            m_lastIdOfSecond.clear();
        }
    }
    const qint64 id = last + 1;
    m_lastIdOfSecond[secs] = id;
    return id;
}

bool RecordWriter::sameMessage(qint64 dedup, const IncomingMessage& m, qint64 conversationId)
{
    auto qHandle =
        m_conn.statement("SELECT m.conversation_id, m.sender, m.agent, m.sent_at, m.text, m.platform_msg_id, "
                         "c.platform FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                         "WHERE m.dedup = ?1");
    auto& q = *qHandle;
    sql::bind(q, 1, dedup);
    if (!q.executeStep()) {
        return false;
    }
    if (!m.platformMessageId.isEmpty()) {
        return sql::text(q, 5) == m.platformMessageId && sql::text(q, 6) == m.platform;
    }
    return sql::integer(q, 0) == conversationId && sql::integer(q, 1) == static_cast<qint64>(m.sender) &&
           sql::text(q, 2) == m.agent && sql::integer(q, 3) == m.sentAt.ms() && sql::text(q, 4) == m.text &&
           sql::isNull(q, 5);
}

QString RecordWriter::canonicalAgent(const QString& name)
{
    if (!m_shopPrefix) {
        auto q = m_conn.statement("SELECT value FROM meta WHERE key = 'shop_name'");
        m_shopPrefix = q->executeStep() ? sql::text(*q, 0) + QLatin1Char(':') : QString();
    }
    const QString trimmed = name.trimmed();
    if (m_shopPrefix->size() > 1 && trimmed.startsWith(*m_shopPrefix)) {
        return trimmed.mid(m_shopPrefix->size());
    }
    return trimmed;
}

Status RecordWriter::addMessage(const IncomingMessage& m)
{
    const qint64 secs = m.sentAt.secs();
    if (secs < keys::kMinSecs || secs >= keys::kMaxSecs) {
        return Error::invalid(QStringLiteral("time is outside 2000-2099"));
    }
    auto conv = conversation(m.platform, m.conversationKey, m.buyerNick);
    if (!conv) {
        return conv.error();
    }
    m_pending.push_back({m, conv->id});
    if (m.sender == Sender::Agent) {
        m_pending.back().message.agent = canonicalAgent(m.agent);
    }
    return {};
}

void RecordWriter::flush(ImportSummary& summary)
{
    std::stable_sort(m_pending.begin(), m_pending.end(), [](const PendingMessage& a, const PendingMessage& b) {
        return a.message.sentAt < b.message.sentAt;
    });
    for (const PendingMessage& p : m_pending) {
        insertMessage(p, summary);
    }
    m_pending.clear();
}

void RecordWriter::insertMessage(const PendingMessage& p, ImportSummary& summary)
{
    const IncomingMessage& m = p.message;
    const qint64 secs = m.sentAt.secs();
    auto insertHandle =
        m_conn.statement("INSERT INTO messages(id, conversation_id, sender, agent, sent_at, text, "
                         "platform_msg_id, dedup, card_order_no) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                         "ON CONFLICT(dedup) DO NOTHING");
    auto& insert = *insertHandle;
    for (int salt = 0; salt < 16; ++salt) {
        const qint64 dedup = keys::dedupKey(m, salt);
        const qint64 id = nextMessageId(secs);
        insert.reset();
        sql::bind(insert, 1, id);
        sql::bind(insert, 2, p.conversationId);
        sql::bind(insert, 3, static_cast<qint64>(m.sender));
        sql::bindOrNull(insert, 4, m.sender == Sender::Agent ? m.agent : QString());
        sql::bind(insert, 5, m.sentAt.ms());
        sql::bind(insert, 6, m.text);
        sql::bindOrNull(insert, 7, m.platformMessageId);
        sql::bind(insert, 8, dedup);
        sql::bindOrNull(insert, 9, m.cardOrderNo);
        if (insert.exec() == 1) {
            auto indexHandle = m_conn.statement("INSERT INTO messages_fts(rowid, text) VALUES(?1, ?2)");
            auto& index = *indexHandle;
            sql::bind(index, 1, id);
            sql::bind(index, 2, m.text);
            index.exec();
            ++summary.messagesAdded;
            return;
        }
        // The id was not used after all.
        m_lastIdOfSecond[secs] = id - 1;
        if (sameMessage(dedup, m, p.conversationId)) {
            ++summary.messagesDuplicate;
            return;
        }
        // A 64-bit hash collision with a different message: try the next salt.
    }
    // Sixteen colliding 64-bit keys cannot happen by chance; treat it as a database fault.
    throw std::runtime_error("no free deduplication key");
}

Status RecordWriter::writeOrder(const Order& o, ImportSummary& summary)
{
    if (o.receiver) {
        // Buyer personal data reaches the store only sealed (services/privacy/PiiVault).
        throw std::logic_error("an order's receiver must be sealed before it is stored");
    }
    const qint64 buyer = buyerId(o.platform, o.buyerNick);
    auto findHandle = m_conn.statement("SELECT id FROM orders WHERE platform = ?1 AND order_no = ?2");
    auto& find = *findHandle;
    sql::bind(find, 1, o.platform);
    sql::bind(find, 2, o.orderNo);
    const bool exists = find.executeStep();
    qint64 orderId = exists ? sql::integer(find, 0) : 0;
    find.reset();

    if (exists) {
        auto updateHandle = m_conn.statement(
            "UPDATE orders SET buyer_id = ?2, status = ?3, created_at = ?4, paid_at = ?5, amount_fen = ?6, "
            "remark = ?7, flag = ?8, flagged_by = ?9, "
            "receiver_sealed = coalesce(?10, receiver_sealed), "
            "receiver_masked_name = CASE WHEN ?11 = '' THEN receiver_masked_name ELSE ?11 END, "
            "receiver_masked_phone = CASE WHEN ?12 = '' THEN receiver_masked_phone ELSE ?12 END, "
            "receiver_masked_address = CASE WHEN ?13 = '' THEN receiver_masked_address ELSE ?13 END "
            "WHERE id = ?1 AND (buyer_id IS NOT ?2 OR status IS NOT ?3 "
            "OR created_at IS NOT ?4 OR paid_at IS NOT ?5 OR amount_fen IS NOT ?6 OR remark IS NOT ?7 "
            "OR flag IS NOT ?8 OR flagged_by IS NOT ?9 OR (?10 IS NOT NULL AND receiver_sealed IS NOT ?10) "
            "OR (?11 <> '' AND receiver_masked_name IS NOT ?11) OR (?12 <> '' AND receiver_masked_phone IS NOT ?12) "
            "OR (?13 <> '' AND receiver_masked_address IS NOT ?13))");
        auto& update = *updateHandle;
        sql::bind(update, 1, orderId);
        sql::bind(update, 2, buyer);
        sql::bind(update, 3, orderStatusCode(o.status));
        sql::bind(update, 4, o.createdAt.ms());
        sql::bind(update, 5, o.paidAt ? std::optional<qint64>(o.paidAt->ms()) : std::nullopt);
        sql::bind(update, 6, o.amountFen);
        sql::bind(update, 7, o.remark);
        sql::bind(update, 8, static_cast<qint64>(o.flag));
        sql::bindOrNull(update, 9, o.flaggedBy);
        bindReceiver(update, 10, o);
        if (update.exec() > 0) {
            ++summary.ordersUpdated;
        }
    } else {
        auto insertHandle = m_conn.statement(
            "INSERT INTO orders(platform, order_no, buyer_id, status, created_at, paid_at, amount_fen, remark, flag, "
            "flagged_by, receiver_sealed, receiver_masked_name, receiver_masked_phone, receiver_masked_address) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        auto& insert = *insertHandle;
        sql::bind(insert, 1, o.platform);
        sql::bind(insert, 2, o.orderNo);
        sql::bind(insert, 3, buyer);
        sql::bind(insert, 4, orderStatusCode(o.status));
        sql::bind(insert, 5, o.createdAt.ms());
        sql::bind(insert, 6, o.paidAt ? std::optional<qint64>(o.paidAt->ms()) : std::nullopt);
        sql::bind(insert, 7, o.amountFen);
        sql::bind(insert, 8, o.remark);
        sql::bind(insert, 9, static_cast<qint64>(o.flag));
        sql::bindOrNull(insert, 10, o.flaggedBy);
        bindReceiver(insert, 11, o);
        insert.exec();
        orderId = m_conn.db().getLastInsertRowid();
        ++summary.ordersAdded;
    }

    auto clearHandle = m_conn.statement("DELETE FROM order_items WHERE order_id = ?1");
    auto& clear = *clearHandle;
    sql::bind(clear, 1, orderId);
    clear.exec();
    auto itemHandle = m_conn.statement(
        "INSERT INTO order_items(order_id, line, title, quantity, price_fen) VALUES(?1, ?2, ?3, ?4, ?5)");
    auto& item = *itemHandle;
    qint64 line = 0;
    for (const OrderItem& it : o.items) {
        item.reset();
        sql::bind(item, 1, orderId);
        sql::bind(item, 2, ++line);
        sql::bind(item, 3, it.title);
        sql::bind(item, 4, static_cast<qint64>(it.quantity));
        sql::bind(item, 5, it.priceFen);
        item.exec();
    }
    return {};
}

Status RecordWriter::writeRefund(const Refund& r, ImportSummary& summary)
{
    auto findHandle = m_conn.statement("SELECT id FROM refunds WHERE platform = ?1 AND refund_no = ?2");
    auto& find = *findHandle;
    sql::bind(find, 1, r.platform);
    sql::bind(find, 2, r.refundNo);
    const bool exists = find.executeStep();
    const qint64 id = exists ? sql::integer(find, 0) : 0;
    find.reset();
    if (exists) {
        auto updateHandle = m_conn.statement(
            "UPDATE refunds SET order_no = ?2, status = ?3, amount_fen = ?4, created_at = ?5, reason = ?6, "
            "refuse_reason = ?7, kind = ?8, deadline_at = ?9, evidence = ?10 WHERE id = ?1 AND (order_no IS NOT ?2 "
            "OR status IS NOT ?3 OR amount_fen IS NOT ?4 OR created_at IS NOT ?5 OR reason IS NOT ?6 OR "
            "refuse_reason IS NOT ?7 OR kind IS NOT ?8 OR deadline_at IS NOT ?9 OR evidence IS NOT ?10)");
        auto& update = *updateHandle;
        sql::bind(update, 1, id);
        sql::bind(update, 2, r.orderNo);
        sql::bind(update, 3, refundStatusCode(r.status));
        sql::bind(update, 4, r.amountFen);
        sql::bind(update, 5, r.createdAt.ms());
        sql::bind(update, 6, r.reason);
        sql::bind(update, 7, r.refuseReason);
        bindRefundDetails(update, 8, r);
        if (update.exec() > 0) {
            ++summary.refundsUpdated;
        }
        return {};
    }
    auto insertHandle = m_conn.statement("INSERT INTO refunds(platform, refund_no, order_no, status, amount_fen, "
                                         "created_at, reason, refuse_reason, kind, "
                                         "deadline_at, evidence) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    auto& insert = *insertHandle;
    sql::bind(insert, 1, r.platform);
    sql::bind(insert, 2, r.refundNo);
    sql::bind(insert, 3, r.orderNo);
    sql::bind(insert, 4, refundStatusCode(r.status));
    sql::bind(insert, 5, r.amountFen);
    sql::bind(insert, 6, r.createdAt.ms());
    sql::bind(insert, 7, r.reason);
    sql::bind(insert, 8, r.refuseReason);
    bindRefundDetails(insert, 9, r);
    insert.exec();
    ++summary.refundsAdded;
    return {};
}

Status RecordWriter::writeSession(const SessionEvent& e, ImportSummary& summary)
{
    if (e.eventId.isEmpty()) {
        return Error::invalid(QStringLiteral("a session event needs its platform id"));
    }
    auto conv = conversation(e.platform, e.conversationKey, e.buyerNick);
    if (!conv) {
        return conv.error();
    }
    auto q = m_conn.statement("INSERT INTO session_events(platform, event_id, conversation_id, kind, agent, reason, "
                              "position, wait_s, at, grp) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                              "ON CONFLICT(platform, event_id) DO NOTHING");
    sql::bind(*q, 1, e.platform);
    sql::bind(*q, 2, e.eventId);
    sql::bind(*q, 3, conv->id);
    sql::bind(*q, 4, static_cast<qint64>(e.kind));
    sql::bindOrNull(*q, 5, canonicalAgent(e.agent));
    sql::bind(*q, 6, e.reason);
    sql::bind(*q, 7, static_cast<qint64>(e.position));
    sql::bind(*q, 8, e.waitSecs ? std::optional<qint64>(*e.waitSecs) : std::nullopt);
    sql::bind(*q, 9, e.at.ms());
    sql::bindOrNull(*q, 10, e.group);
    summary.otherAdded += q->exec();
    return {};
}

Status RecordWriter::writeLogistics(const LogisticsEvent& e, ImportSummary& summary)
{
    auto q = m_conn.statement("INSERT INTO logistics_events(platform, order_no, at, carrier, tracking_no, description) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING");
    sql::bind(*q, 1, e.platform);
    sql::bind(*q, 2, e.orderNo);
    sql::bind(*q, 3, e.at.ms());
    sql::bind(*q, 4, e.carrier);
    sql::bind(*q, 5, e.trackingNo);
    sql::bind(*q, 6, e.description);
    summary.otherAdded += q->exec();
    return {};
}

Status RecordWriter::writeReview(const Review& r, ImportSummary& summary)
{
    if (r.rating < 1 || r.rating > 5) {
        return Error::invalid(QStringLiteral("a review's rating is from 1 to 5"));
    }
    const qint64 buyer = buyerId(r.platform, r.buyerNick);
    auto q = m_conn.statement(
        "INSERT INTO reviews(platform, order_no, buyer_id, rating, text, at, reply) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(platform, order_no) DO UPDATE SET "
        "rating = excluded.rating, text = excluded.text, at = excluded.at, reply = excluded.reply "
        "WHERE rating IS NOT excluded.rating OR text IS NOT excluded.text OR reply IS NOT excluded.reply");
    sql::bind(*q, 1, r.platform);
    sql::bind(*q, 2, r.orderNo);
    sql::bind(*q, 3, buyer);
    sql::bind(*q, 4, static_cast<qint64>(r.rating));
    sql::bind(*q, 5, r.text);
    sql::bind(*q, 6, r.at.ms());
    sql::bind(*q, 7, r.reply);
    summary.otherAdded += q->exec();
    return {};
}

} // namespace shopdesk::store
