#include "pg/PgHistoryRepository.h"

#include "core/Logging.h"
#include "domain/SearchTokens.h"
#include "pg/PgAssignments.h"
#include "pg/PgImportTransaction.h"
#include "pg/PgOrderRepository.h"
#include "pg/PgStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace shopdesk::pg {

namespace {

void storeMessage(PgTx& tx, const IncomingMessage& m, ImportSummary& summary,
                  std::set<std::pair<QString, QString>>& touched)
{
    auto [conversation, owner] =
        PgAssignments::lockConversation(tx, m.platform, m.conversationKey, m.buyerNick, m.sentAt);
    auto agent = m.agent.isEmpty()
                     ? PgResult(nullptr)
                     : tx.prepared("msg_agent", "SELECT id FROM accounts WHERE shop_id = $1 AND name = $2",
                                   {tx.shop(), param(m.agent)});
    const bool known = !m.agent.isEmpty() && agent.rows() > 0;
    auto inserted = tx.prepared(
        "msg_insert",
        "INSERT INTO messages(conversation_id, sender, account_id, agent_name, text, sent_at, platform_message_id, "
        "card_order_no, tokens) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9::text[]) ON CONFLICT(conversation_id, "
        "platform_message_id) "
        "DO NOTHING",
        {param(conversation), param(static_cast<qint64>(m.sender)), known ? param(agent.integer(0, 0)) : Param(),
         param(m.agent), param(m.text), param(m.sentAt.ms()),
         m.platformMessageId.isEmpty() ? Param() : param(m.platformMessageId), param(m.cardOrderNo),
         textArray(searchtokens::documentTokens(m.text))});
    if (inserted.affected() == 0) {
        ++summary.messagesDuplicate;
        return;
    }
    ++summary.messagesAdded;
    tx.prepared("conv_last", "UPDATE conversations SET last_message_at = GREATEST(last_message_at, $2) WHERE id = $1",
                {param(conversation), param(m.sentAt.ms())});
    touched.insert({m.platform, m.conversationKey});
}

void storeSession(PgTx& tx, const SessionEvent& e, ImportSummary& summary, qint64 line)
{
    // Each decision on its own savepoint: a refused one is undone alone.
    tx.q("SAVEPOINT decision");
    try {
        switch (e.kind) {
        case SessionEvent::Kind::Assigned: {
            ClaimRequest r;
            r.platform = e.platform;
            r.conversationKey = e.conversationKey;
            r.buyerNick = e.buyerNick;
            r.agent = e.agent;
            r.reason = e.reason.isEmpty() ? QStringLiteral("free") : e.reason;
            r.at = e.at;
            PgAssignments::claimIn(tx, r);
            break;
        }
        case SessionEvent::Kind::Queued:
            PgAssignments::queueIn(tx, e.platform, e.conversationKey, e.buyerNick, e.group, e.reason, e.at);
            break;
        case SessionEvent::Kind::Closed:
            PgAssignments::releaseIn(tx, e.platform, e.conversationKey, e.reason, e.at, false);
            break;
        }
        tx.q("RELEASE SAVEPOINT decision");
        ++summary.otherAdded;
    } catch (const PgFailure& f) {
        tx.q("ROLLBACK TO SAVEPOINT decision");
        logging::get("routing")->warn("a routing decision was refused by the claim path ({})",
                                      static_cast<int>(f.error.code));
        summary.rejected.push_back(ImportRejection{line, f.error.message});
    }
}

} // namespace

std::unique_ptr<ImportTransaction> PgHistoryRepository::beginImport(bool allOrNothing)
{
    return std::make_unique<PgImportTransaction>(m_store, allOrNothing);
}

void PgHistoryRepository::storeRecord(PgTx& tx, const ImportRecord& record, ImportSummary& summary, qint64 line,
                                      std::set<std::pair<QString, QString>>& touched)
{
    if (const auto* m = std::get_if<IncomingMessage>(&record)) {
        storeMessage(tx, *m, summary, touched);
    } else if (const auto* e = std::get_if<SessionEvent>(&record)) {
        storeSession(tx, *e, summary, line);
    } else if (const auto* o = std::get_if<Order>(&record)) {
        PgOrderRepository::storeIn(tx, *o, summary);
    } else if (const auto* f = std::get_if<Refund>(&record)) {
        PgOrderRepository::storeIn(tx, *f, summary);
    } else if (const auto* l = std::get_if<LogisticsEvent>(&record)) {
        PgOrderRepository::storeIn(tx, *l, summary);
    } else if (const auto* v = std::get_if<Review>(&record)) {
        if (v->rating < 1 || v->rating > 5) {
            summary.rejected.push_back(ImportRejection{line, QStringLiteral("a review's rating is from 1 to 5")});
        } else {
            PgOrderRepository::storeIn(tx, *v, summary);
        }
    }
}

QFuture<Result<ImportSummary>> PgHistoryRepository::ingest(std::vector<ImportRecord> records)
{
    return QtFuture::makeReadyFuture(store(std::move(records), nullptr));
}

QFuture<Result<ImportSummary>> PgHistoryRepository::ingestStream(std::vector<ImportRecord> records, StreamCursor cursor)
{
    return QtFuture::makeReadyFuture(store(std::move(records), &cursor));
}

Result<StreamCursor> PgHistoryRepository::cursor(const QString& adapter)
{
    return m_store.read<StreamCursor>("read the stream position", [&](PgTx& tx) {
        auto r = tx.q("SELECT cursor, rejected FROM platform_cursors WHERE shop_id = $1 AND adapter = $2",
                      {tx.shop(), param(adapter)});
        StreamCursor c;
        c.adapter = adapter;
        if (r.rows()) {
            c.cursor = r.integer(0, 0);
            c.rejected = r.integer(0, 1);
        }
        return c;
    });
}

Result<ImportSummary> PgHistoryRepository::store(std::vector<ImportRecord> records, const StreamCursor* cursor)
{
    return m_store.write<ImportSummary>("store the platform's events", [&](PgTx& tx) {
        ImportSummary summary;
        std::set<std::pair<QString, QString>> touched;
        qint64 line = 0;
        for (const ImportRecord& record : records) {
            storeRecord(tx, record, summary, ++line, touched);
        }
        for (const auto& [platform, key] : touched) {
            tx.change(QStringLiteral("message"),
                      QJsonDocument(QJsonObject{{QStringLiteral("platform"), platform}, {QStringLiteral("key"), key}})
                          .toJson(QJsonDocument::Compact));
        }
        if (cursor) {
            tx.q("INSERT INTO platform_cursors(shop_id, adapter, cursor, rejected) VALUES($1, $2, $3, $4) "
                 "ON CONFLICT(shop_id, adapter) DO UPDATE SET cursor = excluded.cursor, "
                 "rejected = platform_cursors.rejected + excluded.rejected",
                 {tx.shop(), param(cursor->adapter), param(cursor->cursor), param(cursor->rejected)});
        }
        return summary;
    });
}

} // namespace shopdesk::pg
