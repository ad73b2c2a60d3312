#include "store/SqliteOrderRepository.h"

#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

namespace shopdesk::store {

Result<std::optional<Order>> SqliteOrderRepository::findOrder(const QString& platform, const QString& orderNo)
{
    return m_store.read<
        std::optional<Order>>("read an order", [&](SqliteConnection& c) -> Result<std::optional<Order>> {
        auto qHandle = c.statement(
            "SELECT o.id, o.platform, o.order_no, b.nick, o.status, o.created_at, o.paid_at, o.amount_fen, o.remark, "
            "o.flag, o.flagged_by, o.receiver_sealed, o.receiver_masked_name, o.receiver_masked_phone, "
            "o.receiver_masked_address FROM orders o JOIN buyers b ON b.id = o.buyer_id "
            "WHERE o.platform = ?1 AND o.order_no = ?2");
        auto& q = *qHandle;
        sql::bind(q, 1, platform);
        sql::bind(q, 2, orderNo);
        if (!q.executeStep()) {
            return std::optional<Order>();
        }
        Order o;
        o.id = OrderId(sql::integer(q, 0));
        o.platform = sql::text(q, 1);
        o.orderNo = sql::text(q, 2);
        o.buyerNick = sql::text(q, 3);
        o.status = orderStatusFromCode(sql::text(q, 4)).value_or(OrderStatus::WaitBuyerPay);
        o.createdAt = Timestamp::fromMs(sql::integer(q, 5));
        if (!sql::isNull(q, 6)) {
            o.paidAt = Timestamp::fromMs(sql::integer(q, 6));
        }
        o.amountFen = sql::integer(q, 7);
        o.remark = sql::text(q, 8);
        o.flag = static_cast<int>(sql::integer(q, 9));
        o.flaggedBy = sql::text(q, 10);
        const SQLite::Column sealed = q.getColumn(11);
        if (!sealed.isNull()) {
            o.receiverSealed = QByteArray(static_cast<const char*>(sealed.getBlob()), sealed.getBytes());
        }
        o.receiverMasked = {sql::text(q, 12), sql::text(q, 13), sql::text(q, 14)};
        q.tryReset();
        auto itemsHandle =
            c.statement("SELECT title, quantity, price_fen FROM order_items WHERE order_id = ?1 ORDER BY line");
        sql::bind(*itemsHandle, 1, o.id.value());
        while (itemsHandle->executeStep()) {
            o.items.push_back({sql::text(*itemsHandle, 0), static_cast<int>(sql::integer(*itemsHandle, 1)),
                               sql::integer(*itemsHandle, 2)});
        }
        return std::optional<Order>(std::move(o));
    });
}

namespace {

Refund refundFrom(SQLite::Statement& q)
{
    Refund r;
    r.id = RefundId(sql::integer(q, 0));
    r.platform = sql::text(q, 1);
    r.refundNo = sql::text(q, 2);
    r.orderNo = sql::text(q, 3);
    r.status = refundStatusFromCode(sql::text(q, 4)).value_or(RefundStatus::WaitSellerAgree);
    r.amountFen = sql::integer(q, 5);
    r.createdAt = Timestamp::fromMs(sql::integer(q, 6));
    r.reason = sql::text(q, 7);
    r.refuseReason = sql::text(q, 8);
    r.kind = sql::integer(q, 9) == 1 ? Refund::Kind::ReturnAndRefund : Refund::Kind::RefundOnly;
    if (!sql::isNull(q, 10)) {
        r.deadline = Timestamp::fromMs(sql::integer(q, 10));
    }
    r.evidenceCount = static_cast<int>(sql::integer(q, 11));
    return r;
}

} // namespace

Result<std::vector<Refund>> SqliteOrderRepository::refundsOfOrder(const QString& platform, const QString& orderNo)
{
    return m_store.read<std::vector<Refund>>("read refunds", [&](SqliteConnection& c) -> Result<std::vector<Refund>> {
        auto q =
            c.statement("SELECT id, platform, refund_no, order_no, status, amount_fen, created_at, reason, "
                        "refuse_reason, kind, deadline_at, evidence FROM refunds WHERE platform = ?1 AND order_no = ?2 "
                        "ORDER BY created_at DESC, refund_no");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, orderNo);
        std::vector<Refund> out;
        while (q->executeStep()) {
            out.push_back(refundFrom(*q));
        }
        return out;
    });
}

Result<std::optional<Refund>> SqliteOrderRepository::findRefund(const QString& platform, const QString& refundNo)
{
    return m_store.read<std::optional<Refund>>(
        "read a refund", [&](SqliteConnection& c) -> Result<std::optional<Refund>> {
            auto q = c.statement("SELECT id, platform, refund_no, order_no, status, amount_fen, "
                                 "created_at, reason, refuse_reason, kind, deadline_at, evidence FROM refunds "
                                 "WHERE platform = ?1 AND refund_no = ?2");
            sql::bind(*q, 1, platform);
            sql::bind(*q, 2, refundNo);
            if (!q->executeStep()) {
                return std::optional<Refund>();
            }
            return std::optional<Refund>(refundFrom(*q));
        });
}

Result<std::vector<Order>> SqliteOrderRepository::ordersOfBuyer(const QString& platform, const QString& nick, int limit)
{
    auto numbers = m_store.read<QStringList>("list a buyer's orders", [&](SqliteConnection& c) -> Result<QStringList> {
        auto q = c.statement("SELECT o.order_no FROM orders o JOIN buyers b ON b.id = o.buyer_id "
                             "WHERE b.platform = ?1 AND b.nick = ?2 ORDER BY o.created_at DESC, o.id DESC LIMIT ?3");
        sql::bind(*q, 1, platform);
        sql::bind(*q, 2, nick);
        sql::bind(*q, 3, static_cast<qint64>(limit));
        QStringList out;
        while (q->executeStep()) {
            out << sql::text(*q, 0);
        }
        return out;
    });
    if (!numbers) {
        return numbers.error();
    }
    std::vector<Order> out;
    for (const QString& no : *numbers) {
        auto order = findOrder(platform, no);
        if (!order) {
            return order.error();
        }
        if (*order) {
            out.push_back(std::move(**order));
        }
    }
    return out;
}

Result<std::vector<LogisticsEvent>> SqliteOrderRepository::storedLogistics(const QString& platform,
                                                                           const QString& orderNo)
{
    return m_store.read<std::vector<LogisticsEvent>>(
        "read a parcel's trace", [&](SqliteConnection& c) -> Result<std::vector<LogisticsEvent>> {
            auto q = c.statement("SELECT at, carrier, tracking_no, description FROM logistics_events "
                                 "WHERE platform = ?1 AND order_no = ?2 ORDER BY at");
            sql::bind(*q, 1, platform);
            sql::bind(*q, 2, orderNo);
            std::vector<LogisticsEvent> out;
            while (q->executeStep()) {
                LogisticsEvent e;
                e.platform = platform;
                e.orderNo = orderNo;
                e.at = Timestamp::fromMs(sql::integer(*q, 0));
                e.carrier = sql::text(*q, 1);
                e.trackingNo = sql::text(*q, 2);
                e.description = sql::text(*q, 3);
                out.push_back(std::move(e));
            }
            return out;
        });
}

} // namespace shopdesk::store
