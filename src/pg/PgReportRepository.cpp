#include "pg/PgReportRepository.h"

#include "pg/PgStore.h"

#include <optional>

namespace shopdesk::pg {

namespace {

/// The report's number for a buyer (platform and nick, in SQL over the given columns).
#define SHOPDESK_BUYER(platform, nick) "hashtextextended(" platform " || chr(31) || " nick ", 0)"

ReportOrder orderFrom(const PgResult& r, int i, int first)
{
    ReportOrder o;
    o.orderNo = r.text(i, first);
    o.buyer = r.integer(i, first + 1);
    o.amountFen = r.integer(i, first + 2);
    o.paidAtMs = r.integer(i, first + 3);
    o.flaggedBy = r.text(i, first + 4);
    return o;
}

} // namespace

Status PgReportRepository::scanConversationsActiveIn(Timestamp from, Timestamp to,
                                                     const std::function<void(const ReportMessage&)>& visit)
{
    auto scanned = m_store.read<bool>("read messages for the report", [&](PgTx& tx) {
        auto r = tx.q(
            "SELECT m.conversation_id, " SHOPDESK_BUYER(
                "c.platform",
                "c.buyer_nick") ", m.sender, "
                                "m.agent_name, m.sent_at FROM messages m JOIN conversations c ON c.id = "
                                "m.conversation_id "
                                "WHERE c.shop_id = $1 AND m.conversation_id IN (SELECT DISTINCT conversation_id FROM "
                                "messages "
                                "WHERE sent_at >= $2 AND sent_at < $3) ORDER BY m.conversation_id, m.sent_at, m.id",
            {tx.shop(), param(from.ms()), param(to.ms())});
        ReportMessage m;
        for (int i = 0; i < r.rows(); ++i) {
            m.conversation = r.integer(i, 0);
            m.buyer = r.integer(i, 1);
            m.sender = static_cast<Sender>(r.integer(i, 2));
            m.agent = r.text(i, 3);
            m.sentAtMs = r.integer(i, 4);
            visit(m);
        }
        return true;
    });
    return scanned ? Status() : Status(scanned.error());
}

Result<std::vector<ReportOrder>> PgReportRepository::ordersPaidIn(Timestamp from, Timestamp to)
{
    return m_store.read<std::vector<ReportOrder>>("read paid orders", [&](PgTx& tx) {
        auto r = tx.q("SELECT order_no, " SHOPDESK_BUYER(
                          "platform",
                          "buyer_nick") ", amount_fen, paid_at, "
                                        "flagged_by FROM orders WHERE shop_id = $1 AND paid_at >= $2 AND paid_at < $3 "
                                        "ORDER BY paid_at, id",
                      {tx.shop(), param(from.ms()), param(to.ms())});
        std::vector<ReportOrder> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(orderFrom(r, i, 0));
        }
        return out;
    });
}

Result<std::vector<ReportRefund>> PgReportRepository::successfulRefundsCreatedIn(Timestamp from, Timestamp to)
{
    return m_store.read<std::vector<ReportRefund>>("read refunds", [&](PgTx& tx) {
        auto r =
            tx.q("SELECT r.amount_fen, o.order_no, " SHOPDESK_BUYER(
                     "o.platform",
                     "o.buyer_nick") ", "
                                     "o.amount_fen, o.paid_at, o.flagged_by FROM refunds r JOIN orders o ON o.shop_id "
                                     "= r.shop_id "
                                     "AND o.platform = r.platform AND o.order_no = r.order_no WHERE r.shop_id = $1 AND "
                                     "r.status = 'SUCCESS' AND r.created_at >= $2 AND r.created_at < $3 AND o.paid_at "
                                     "IS NOT NULL "
                                     "ORDER BY r.created_at, r.id",
                 {tx.shop(), param(from.ms()), param(to.ms())});
        std::vector<ReportRefund> out;
        for (int i = 0; i < r.rows(); ++i) {
            ReportRefund f;
            f.amountFen = r.integer(i, 0);
            f.order = orderFrom(r, i, 1);
            out.push_back(std::move(f));
        }
        return out;
    });
}

Result<std::optional<QString>> PgReportRepository::lastAgentMessageTo(qint64 buyer, Timestamp lo, Timestamp hi)
{
    return m_store.read<std::optional<QString>>("attribute an order", [&](PgTx& tx) {
        auto r = tx.q("SELECT m.agent_name FROM conversations c JOIN messages m ON m.conversation_id = c.id "
                      "WHERE c.shop_id = $1 AND " SHOPDESK_BUYER(
                          "c.platform", "c.buyer_nick") " = $2 AND "
                                                        "m.sender = 1 AND m.sent_at >= $3 AND m.sent_at <= $4 ORDER BY "
                                                        "m.sent_at DESC, m.id DESC "
                                                        "LIMIT 1",
                      {tx.shop(), param(buyer), param(lo.ms()), param(hi.ms())});
        return r.rows() ? std::optional<QString>(r.text(0, 0)) : std::nullopt;
    });
}

#undef SHOPDESK_BUYER

} // namespace shopdesk::pg
