#include "pg/PgImportTransaction.h"

#include "domain/SearchTokens.h"
#include "pg/PgHistoryRepository.h"
#include "pg/PgStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace shopdesk::pg {

namespace {

constexpr int kStagedFields = 11;

} // namespace

PgImportTransaction::PgImportTransaction(PgStore& store, bool allOrNothing)
    : m_allOrNothing(allOrNothing)
{
    auto held = store.hold();
    if (!held) {
        m_failure = held.error();
        return;
    }
    m_held = std::move(*held);
    guarded([&] {
        m_held->tx().q("CREATE TEMP TABLE import_staging(ord BIGINT, platform TEXT, key TEXT, buyer_nick TEXT, "
                       "sender BIGINT, agent_name TEXT, text TEXT, sent_at BIGINT, platform_message_id TEXT, "
                       "card_order_no TEXT, tokens TEXT[]) ON COMMIT DROP");
    });
}

PgImportTransaction::~PgImportTransaction() = default; // the held transaction rolls back unless committed

template <typename F>
void PgImportTransaction::guarded(F&& step)
{
    if (m_failure) {
        return;
    }
    try {
        step();
    } catch (const PgFailure& f) {
        m_failure = f.error;
        m_held.reset(); // rolled back
    }
}

void PgImportTransaction::add(qint64 line, ImportRecord record)
{
    if (const auto* m = std::get_if<IncomingMessage>(&record)) {
        stage(line, *m);
        if (m_copy.rows() >= kBatch) {
            guarded([&] { merge(); });
        }
        return;
    }
    // In file order: the messages before this record are in before it.
    guarded([&] {
        merge();
        PgHistoryRepository::storeRecord(m_held->tx(), record, m_summary, line, m_touched);
    });
}

void PgImportTransaction::stage(qint64 line, const IncomingMessage& m)
{
    if (m_failure) {
        return;
    }
    m_copy.row(kStagedFields);
    m_copy.bigint(line);
    m_copy.text(m.platform);
    m_copy.text(m.conversationKey);
    m_copy.text(m.buyerNick);
    m_copy.bigint(static_cast<qint64>(m.sender));
    m_copy.text(m.agent);
    m_copy.text(m.text);
    m_copy.bigint(m.sentAt.ms());
    if (m.platformMessageId.isEmpty()) {
        m_copy.null();
    } else {
        m_copy.text(m.platformMessageId);
    }
    m_copy.text(m.cardOrderNo);
    m_copy.textArray(searchtokens::documentTokens(m.text));
}

void PgImportTransaction::merge()
{
    if (m_copy.rows() == 0) {
        return;
    }
    PgTx& tx = m_held->tx();
    const qint64 staged = m_copy.rows();
    auto copied = tx.connection().copyIn("COPY import_staging FROM STDIN (FORMAT binary)", m_copy.take());
    if (!copied) {
        throw PgFailure(copied.error());
    }
    // Without a platform id, the same time, sender and text twice in the file is one message.
    tx.q("DELETE FROM import_staging s USING import_staging t WHERE s.platform_message_id IS NULL AND "
         "t.platform_message_id IS NULL AND t.platform = s.platform AND t.key = s.key AND t.sent_at = s.sent_at AND "
         "t.sender = s.sender AND t.text = s.text AND t.ord < s.ord");
    tx.q("ANALYZE import_staging"); // (temporary tables are never analysed by autovacuum)
    // A conversation first met here is history, not a chat waiting for an agent: closed. Its
    // buyer is the first one the file names for it.
    tx.q("INSERT INTO conversations(shop_id, platform, key, buyer_nick, state, opened_at) "
         "SELECT $1, platform, key, COALESCE((array_agg(buyer_nick ORDER BY ord) FILTER (WHERE buyer_nick <> ''))[1], "
         "''), 'closed', min(sent_at) FROM import_staging GROUP BY platform, key "
         "ON CONFLICT(shop_id, platform, key) DO UPDATE SET buyer_nick = excluded.buyer_nick "
         "WHERE conversations.buyer_nick = '' AND excluded.buyer_nick <> ''",
         {tx.shop()});
    // A message naming another buyer than its conversation's is refused by its line.
    auto foreign = tx.q("DELETE FROM import_staging s USING conversations c WHERE c.shop_id = $1 AND "
                        "c.platform = s.platform AND c.key = s.key AND s.buyer_nick <> '' AND "
                        "c.buyer_nick <> s.buyer_nick RETURNING s.ord, s.key",
                        {tx.shop()});
    for (int i = 0; i < foreign.rows(); ++i) {
        m_summary.rejected.push_back(
            ImportRejection{foreign.integer(i, 0),
                            QStringLiteral("conversation '%1' belongs to another buyer").arg(foreign.text(i, 1))});
    }
    auto added =
        tx.q("WITH ins AS (INSERT INTO messages(conversation_id, sender, account_id, agent_name, text, sent_at, "
             "platform_message_id, card_order_no, tokens) "
             "SELECT c.id, s.sender::smallint, a.id, s.agent_name, s.text, s.sent_at, s.platform_message_id, "
             "s.card_order_no, s.tokens FROM import_staging s "
             "JOIN conversations c ON c.shop_id = $1 AND c.platform = s.platform AND c.key = s.key "
             "LEFT JOIN accounts a ON a.shop_id = $1 AND a.name = s.agent_name AND s.agent_name <> '' "
             // Without a platform id, a message is the same by its time, sender and text (as on SQLite).
             "WHERE s.platform_message_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM messages m WHERE "
             "m.conversation_id = c.id AND m.sent_at = s.sent_at AND m.sender = s.sender AND m.text = s.text) "
             "ORDER BY s.ord ON CONFLICT(conversation_id, platform_message_id) DO NOTHING "
             "RETURNING conversation_id, sent_at), "
             "per AS (SELECT conversation_id, max(sent_at) AS last, count(*) AS n FROM ins GROUP BY conversation_id), "
             "moved AS (UPDATE conversations c SET last_message_at = per.last FROM per "
             "WHERE c.id = per.conversation_id AND c.last_message_at < per.last) "
             "SELECT c.platform, c.key, per.n FROM per "
             "JOIN conversations c ON c.id = per.conversation_id",
             {tx.shop()});
    qint64 inserted = 0;
    for (int i = 0; i < added.rows(); ++i) {
        m_touched.insert({added.text(i, 0), added.text(i, 1)});
        inserted += added.integer(i, 2);
    }
    m_summary.messagesAdded += inserted;
    m_summary.messagesDuplicate += staged - foreign.rows() - inserted;
    tx.q("TRUNCATE import_staging");
}

Result<ImportSummary> PgImportTransaction::commit(const AuditFor& audit)
{
    guarded([&] { merge(); });
    if (m_failure) {
        return *m_failure;
    }
    if (m_allOrNothing && !m_summary.rejected.empty()) {
        m_held.reset(); // rolled back: nothing was stored
        ImportSummary none;
        none.rejected = std::move(m_summary.rejected);
        return none;
    }
    PgTx& tx = m_held->tx();
    for (const auto& [platform, key] : m_touched) {
        tx.change(QStringLiteral("message"),
                  QJsonDocument(QJsonObject{{QStringLiteral("platform"), platform}, {QStringLiteral("key"), key}})
                      .toJson(QJsonDocument::Compact));
    }
    if (audit) {
        tx.audit({audit(m_summary)});
    }
    Status st = m_held->commit("import the history");
    m_held.reset();
    if (!st) {
        return st.error();
    }
    return m_summary;
}

void PgImportTransaction::rollback()
{
    m_held.reset();
    if (!m_failure) {
        m_failure = Error::invalid(QStringLiteral("The import was cancelled; nothing was stored."));
    }
}

} // namespace shopdesk::pg
