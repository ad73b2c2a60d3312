#pragma once

#include <optional>

#include "core/Result.h"
#include "services/history/ImportRecord.h"

#include <QHash>
#include <QString>

#include <unordered_map>
#include <vector>

namespace shopdesk::store {

class SqliteConnection;

/// Writes history records (messages, orders, refunds) into the writer connection's open
/// transaction. Lives on the writer thread. Idempotent: a record delivered again is recognised
/// (dedup key for messages, platform number for orders and refunds) and not stored twice.
///
/// Messages are checked and their conversation resolved as they are added, so that rejections
/// follow the input order, but they are inserted in blocks sorted by time: message ids (and so
/// the full-text index's rowids) then rise within a block. FTS5 flushes its pending terms whenever
/// a rowid goes backwards, and history grouped by conversation goes backwards at almost every
/// conversation; sorting halves the work of a bulk import (docs/search.md, docs/performance.md).
class RecordWriter {
public:
    /// Messages held before they are inserted in time order.
    static constexpr std::size_t kBlockMessages = 32768;

    explicit RecordWriter(SqliteConnection& connection);

    /// Takes `record`: orders and refunds are written at once, messages at the next flush(). An
    /// Invalid error rejects this record only (the caller decides whether that aborts the
    /// transaction). Database failures throw SQLite::Exception.
    Status add(const ImportRecord& record, ImportSummary& summary);
    /// Inserts the held messages, oldest first. Must be called before the transaction commits.
    void flush(ImportSummary& summary);
    bool blockFull() const { return m_pending.size() >= kBlockMessages; }

    /// Row ids cached from a rolled-back transaction are gone (and so are held messages);
    /// sequences may have moved on since the last transaction.
    void forgetRowIds();
    void forgetSequences() { m_lastIdOfSecond.clear(); }

private:
    struct ConversationRow {
        qint64 id = 0;
        qint64 buyerId = 0;
    };
    struct PendingMessage {
        IncomingMessage message;
        qint64 conversationId = 0;
    };

    /// An agent's name in the one canonical form the store keeps: "shop:name" of this shop becomes
    /// "name", as account names are compared everywhere.
    QString canonicalAgent(const QString& name);

    Status addMessage(const IncomingMessage& m);
    Status writeSession(const SessionEvent& e, ImportSummary& summary);
    Status writeLogistics(const LogisticsEvent& e, ImportSummary& summary);
    Status writeReview(const Review& r, ImportSummary& summary);
    void insertMessage(const PendingMessage& p, ImportSummary& summary);
    Status writeOrder(const Order& o, ImportSummary& summary);
    Status writeRefund(const Refund& r, ImportSummary& summary);

    qint64 buyerId(const QString& platform, const QString& nick);
    Result<ConversationRow> conversation(const QString& platform, const QString& key, const QString& buyerNick);
    qint64 nextMessageId(qint64 secs);
    /// True when the stored message with this dedup key is the same message as `m`.
    bool sameMessage(qint64 dedup, const IncomingMessage& m, qint64 conversationId);

    SqliteConnection& m_conn;
    QHash<QString, qint64> m_buyers;
    QHash<QString, ConversationRow> m_conversations;
    std::unordered_map<qint64, qint64> m_lastIdOfSecond;
    std::vector<PendingMessage> m_pending;
    std::optional<QString> m_shopPrefix; ///< "果果旗舰店:", read from meta on first use
};

} // namespace shopdesk::store
