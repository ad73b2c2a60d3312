#include "store/SqliteReportRepository.h"

#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

namespace {

/// Message ids are (whole seconds << 31) | sequence: the id range of the seconds [lo, hi).
qint64 firstIdAt(Timestamp t)
{
    return t.secs() << 31;
}

ReportOrder orderFrom(SQLite::Statement& q, int first)
{
    ReportOrder o;
    o.orderNo = sql::text(q, first);
    o.buyer = sql::integer(q, first + 1);
    o.amountFen = sql::integer(q, first + 2);
    o.paidAtMs = sql::integer(q, first + 3);
    o.flaggedBy = sql::text(q, first + 4);
    return o;
}

} // namespace

Status SqliteReportRepository::scanConversationsActiveIn(Timestamp from, Timestamp to,
                                                         const std::function<void(const ReportMessage&)>& visit)
{
    auto r = m_store.read<std::monostate>(
        "read messages for the report", [&](SqliteConnection& c) -> Result<std::monostate> {
            // The window's conversations come from the id range (ids carry the second); whole
            // seconds at the edges are re-checked on sent_at.
            auto q = c.statement("SELECT m.conversation_id, c.buyer_id, m.sender, m.agent, m.sent_at FROM messages m "
                                 "JOIN conversations c ON c.id = m.conversation_id WHERE m.conversation_id IN "
                                 "(SELECT DISTINCT conversation_id FROM messages WHERE id >= ?1 AND id < ?2 "
                                 "AND sent_at >= ?3 AND sent_at < ?4) ORDER BY m.conversation_id, m.id");
            sql::bind(*q, 1, firstIdAt(from));
            sql::bind(*q, 2, firstIdAt(Timestamp::fromSecs(to.secs() + 1)));
            sql::bind(*q, 3, from.ms());
            sql::bind(*q, 4, to.ms());
            ReportMessage m;
            while (q->executeStep()) {
                m.conversation = sql::integer(*q, 0);
                m.buyer = sql::integer(*q, 1);
                m.sender = static_cast<Sender>(sql::integer(*q, 2));
                m.agent = sql::text(*q, 3);
                m.sentAtMs = sql::integer(*q, 4);
                visit(m);
            }
            return std::monostate{};
        });
    return r ? Status() : Status(r.error());
}

Result<std::vector<ReportOrder>> SqliteReportRepository::ordersPaidIn(Timestamp from, Timestamp to)
{
    return m_store.read<std::vector<ReportOrder>>(
        "read paid orders", [&](SqliteConnection& c) -> Result<std::vector<ReportOrder>> {
            auto q = c.statement("SELECT order_no, buyer_id, amount_fen, paid_at, coalesce(flagged_by, '') FROM orders "
                                 "WHERE paid_at >= ?1 AND paid_at < ?2 ORDER BY paid_at, id");
            sql::bind(*q, 1, from.ms());
            sql::bind(*q, 2, to.ms());
            std::vector<ReportOrder> out;
            while (q->executeStep()) {
                out.push_back(orderFrom(*q, 0));
            }
            return out;
        });
}

Result<std::vector<ReportRefund>> SqliteReportRepository::successfulRefundsCreatedIn(Timestamp from, Timestamp to)
{
    return m_store.read<std::vector<ReportRefund>>(
        "read refunds", [&](SqliteConnection& c) -> Result<std::vector<ReportRefund>> {
            auto q = c.statement(
                "SELECT r.amount_fen, o.order_no, o.buyer_id, o.amount_fen, o.paid_at, coalesce(o.flagged_by, '') "
                "FROM refunds r JOIN orders o ON o.platform = r.platform AND o.order_no = r.order_no "
                "WHERE r.status = 'SUCCESS' AND r.created_at >= ?1 AND r.created_at < ?2 AND o.paid_at IS NOT NULL "
                "ORDER BY r.created_at, r.id");
            sql::bind(*q, 1, from.ms());
            sql::bind(*q, 2, to.ms());
            std::vector<ReportRefund> out;
            while (q->executeStep()) {
                ReportRefund r;
                r.amountFen = sql::integer(*q, 0);
                r.order = orderFrom(*q, 1);
                out.push_back(std::move(r));
            }
            return out;
        });
}

Result<std::optional<QString>> SqliteReportRepository::lastAgentMessageTo(qint64 buyer, Timestamp lo, Timestamp hi)
{
    return m_store.read<std::optional<QString>>(
        "attribute an order", [&](SqliteConnection& c) -> Result<std::optional<QString>> {
            auto q = c.statement("SELECT m.agent FROM conversations c JOIN messages m ON m.conversation_id = c.id "
                                 "WHERE c.buyer_id = ?1 AND m.sender = 1 AND m.id >= ?2 AND m.id < ?3 "
                                 "AND m.sent_at >= ?4 AND m.sent_at <= ?5 ORDER BY m.sent_at DESC, m.id DESC LIMIT 1");
            sql::bind(*q, 1, buyer);
            sql::bind(*q, 2, firstIdAt(lo));
            sql::bind(*q, 3, firstIdAt(Timestamp::fromSecs(hi.secs() + 1)));
            sql::bind(*q, 4, lo.ms());
            sql::bind(*q, 5, hi.ms());
            if (!q->executeStep()) {
                return std::optional<QString>();
            }
            return std::optional<QString>(sql::text(*q, 0));
        });
}

} // namespace shopdesk::store
