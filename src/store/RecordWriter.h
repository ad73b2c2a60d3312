#pragma once

#include "core/Result.h"
#include "services/history/ImportRecord.h"

#include <QHash>
#include <QString>

#include <unordered_map>

namespace shopdesk::store {

class SqliteConnection;

/// Writes history records (messages, orders, refunds) into the writer connection's open
/// transaction. Lives on the writer thread. Idempotent: a record delivered again is recognised
/// (dedup key for messages, platform number for orders and refunds) and not stored twice.
class RecordWriter {
public:
    explicit RecordWriter(SqliteConnection& connection);

    /// Writes `record`; an Invalid error is a rejection of this record only (the caller decides
    /// whether that aborts the transaction). Database failures throw SQLite::Exception.
    Status write(const ImportRecord& record, ImportSummary& summary);

    /// Row ids cached from a rolled-back transaction are gone; sequences may have moved on since
    /// the last transaction. Called at every transaction boundary that needs it.
    void forgetRowIds();
    void forgetSequences() { m_lastIdOfSecond.clear(); }

private:
    struct ConversationRow {
        qint64 id = 0;
        qint64 buyerId = 0;
    };

    Status writeMessage(const IncomingMessage& m, ImportSummary& summary);
    Status writeOrder(const Order& o, ImportSummary& summary);
    Status writeRefund(const Refund& r, ImportSummary& summary);

    qint64 buyerId(const QString& platform, const QString& nick);
    Result<ConversationRow> conversation(const IncomingMessage& m);
    qint64 nextMessageId(qint64 secs);
    /// True when the stored message with this dedup key is the same message as `m`.
    bool sameMessage(qint64 dedup, const IncomingMessage& m, qint64 conversationId);

    SqliteConnection& m_conn;
    QHash<QString, qint64> m_buyers;
    QHash<QString, ConversationRow> m_conversations;
    std::unordered_map<qint64, qint64> m_lastIdOfSecond;
};

} // namespace shopdesk::store
