#include "pg/PgOrderRepository.h"

#include "pg/PgStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <stdexcept>

namespace shopdesk::pg {

namespace {

constexpr const char* kOrderColumns =
    "id, platform, order_no, buyer_nick, status, created_at, paid_at, amount_fen, remark, flag, flagged_by, "
    "receiver_sealed, receiver_masked_name, receiver_masked_phone, receiver_masked_address, items::text";

constexpr const char* kRefundColumns = "id, platform, refund_no, order_no, status, amount_fen, created_at, reason, "
                                       "refuse_reason, kind, deadline_at, evidence";

Order readOrder(const PgResult& r, int i)
{
    Order o;
    o.id = OrderId(r.integer(i, 0));
    o.platform = r.text(i, 1);
    o.orderNo = r.text(i, 2);
    o.buyerNick = r.text(i, 3);
    o.status = orderStatusFromCode(r.text(i, 4)).value_or(OrderStatus::WaitBuyerPay);
    o.createdAt = Timestamp::fromMs(r.integer(i, 5));
    if (!r.isNull(i, 6)) {
        o.paidAt = Timestamp::fromMs(r.integer(i, 6));
    }
    o.amountFen = r.integer(i, 7);
    o.remark = r.text(i, 8);
    o.flag = static_cast<int>(r.integer(i, 9));
    o.flaggedBy = r.text(i, 10);
    if (!r.isNull(i, 11)) {
        o.receiverSealed = r.bytes(i, 11);
    }
    o.receiverMasked = {r.text(i, 12), r.text(i, 13), r.text(i, 14)};
    for (const QJsonValue& v : QJsonDocument::fromJson(r.text(i, 15).toUtf8()).array()) {
        const QJsonObject item = v.toObject();
        o.items.push_back({item.value(QStringLiteral("title")).toString(),
                           item.value(QStringLiteral("quantity")).toInt(),
                           static_cast<Fen>(item.value(QStringLiteral("price")).toDouble())});
    }
    return o;
}

Refund readRefund(const PgResult& r, int i)
{
    Refund f;
    f.id = RefundId(r.integer(i, 0));
    f.platform = r.text(i, 1);
    f.refundNo = r.text(i, 2);
    f.orderNo = r.text(i, 3);
    f.status = refundStatusFromCode(r.text(i, 4)).value_or(RefundStatus::WaitSellerAgree);
    f.amountFen = r.integer(i, 5);
    f.createdAt = Timestamp::fromMs(r.integer(i, 6));
    f.reason = r.text(i, 7);
    f.refuseReason = r.text(i, 8);
    f.kind = r.integer(i, 9) == 1 ? Refund::Kind::ReturnAndRefund : Refund::Kind::RefundOnly;
    if (!r.isNull(i, 10)) {
        f.deadline = Timestamp::fromMs(r.integer(i, 10));
    }
    f.evidenceCount = static_cast<int>(r.integer(i, 11));
    return f;
}

QByteArray itemsJson(const std::vector<OrderItem>& items)
{
    QJsonArray out;
    for (const OrderItem& it : items) {
        out.append(QJsonObject{{QStringLiteral("title"), it.title},
                               {QStringLiteral("quantity"), it.quantity},
                               {QStringLiteral("price"), static_cast<double>(it.priceFen)}});
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

QByteArray orderChange(const QString& platform, const QString& orderNo, const QString& buyer)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("platform"), platform},
                                     {QStringLiteral("order"), orderNo},
                                     {QStringLiteral("buyer"), buyer}})
        .toJson(QJsonDocument::Compact);
}

/// The buyer of a stored order ("" when the order is not stored yet).
QString buyerOf(PgTx& tx, const QString& platform, const QString& orderNo)
{
    auto r = tx.prepared("order_buyer",
                         "SELECT buyer_nick FROM orders WHERE shop_id = $1 AND platform = $2 AND "
                         "order_no = $3",
                         {tx.shop(), param(platform), param(orderNo)});
    return r.rows() ? r.text(0, 0) : QString();
}

} // namespace

void PgOrderRepository::storeIn(PgTx& tx, const Order& o, ImportSummary& summary)
{
    if (o.receiver) {
        // Buyer personal data reaches the store only sealed (services/privacy/PiiVault).
        throw std::logic_error("an order's receiver must be sealed before it is stored");
    }
    const QByteArray items = itemsJson(o.items);
    auto r = tx.prepared(
        "order_upsert",
        "INSERT INTO orders(shop_id, platform, order_no, buyer_nick, status, created_at, paid_at, amount_fen, remark, "
        "flag, flagged_by, receiver_sealed, receiver_masked_name, receiver_masked_phone, receiver_masked_address, "
        "items) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb) "
        "ON CONFLICT(shop_id, platform, order_no) DO UPDATE SET buyer_nick = excluded.buyer_nick, "
        "status = excluded.status, created_at = excluded.created_at, paid_at = excluded.paid_at, "
        "amount_fen = excluded.amount_fen, remark = excluded.remark, flag = excluded.flag, "
        "flagged_by = excluded.flagged_by, "
        "receiver_sealed = COALESCE(excluded.receiver_sealed, orders.receiver_sealed), "
        "receiver_masked_name = COALESCE(NULLIF(excluded.receiver_masked_name, ''), orders.receiver_masked_name), "
        "receiver_masked_phone = COALESCE(NULLIF(excluded.receiver_masked_phone, ''), orders.receiver_masked_phone), "
        "receiver_masked_address = COALESCE(NULLIF(excluded.receiver_masked_address, ''), "
        "orders.receiver_masked_address), items = excluded.items "
        "WHERE (orders.buyer_nick, orders.status, orders.created_at, orders.paid_at, orders.amount_fen, "
        "orders.remark, orders.flag, orders.flagged_by) IS DISTINCT FROM (excluded.buyer_nick, excluded.status, "
        "excluded.created_at, excluded.paid_at, excluded.amount_fen, excluded.remark, excluded.flag, "
        "excluded.flagged_by) "
        "OR (excluded.receiver_sealed IS NOT NULL AND orders.receiver_sealed IS DISTINCT FROM "
        "excluded.receiver_sealed) "
        "OR (excluded.receiver_masked_name <> '' AND orders.receiver_masked_name <> excluded.receiver_masked_name) "
        "OR (excluded.receiver_masked_phone <> '' AND orders.receiver_masked_phone <> excluded.receiver_masked_phone) "
        "OR (excluded.receiver_masked_address <> '' AND "
        "orders.receiver_masked_address <> excluded.receiver_masked_address) "
        "RETURNING (xmax = 0)",
        {tx.shop(), param(o.platform), param(o.orderNo), param(o.buyerNick), param(orderStatusCode(o.status)),
         param(o.createdAt.ms()), o.paidAt ? param(o.paidAt->ms()) : Param(), param(o.amountFen), param(o.remark),
         param(static_cast<qint64>(o.flag)), param(o.flaggedBy),
         o.receiverSealed.isEmpty() ? Param() : bytesParam(o.receiverSealed), param(o.receiverMasked.name),
         param(o.receiverMasked.phone), param(o.receiverMasked.address), Param(items)});
    if (r.rows() == 0) {
        // The order as stored; its items may still be new (they count as nothing, as in SQLite).
        tx.prepared("order_items",
                    "UPDATE orders SET items = $4::jsonb WHERE shop_id = $1 AND platform = $2 AND "
                    "order_no = $3 AND items <> $4::jsonb",
                    {tx.shop(), param(o.platform), param(o.orderNo), Param(items)});
        return;
    }
    if (r.boolean(0, 0)) {
        ++summary.ordersAdded;
    } else {
        ++summary.ordersUpdated;
    }
    tx.change(QStringLiteral("order"), orderChange(o.platform, o.orderNo, o.buyerNick));
}

void PgOrderRepository::storeIn(PgTx& tx, const Refund& f, ImportSummary& summary)
{
    auto r = tx.prepared(
        "refund_upsert",
        "INSERT INTO refunds(shop_id, platform, refund_no, order_no, status, amount_fen, created_at, reason, "
        "refuse_reason, kind, deadline_at, evidence) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
        "ON CONFLICT(shop_id, platform, refund_no) DO UPDATE SET order_no = excluded.order_no, "
        "status = excluded.status, amount_fen = excluded.amount_fen, created_at = excluded.created_at, "
        "reason = excluded.reason, refuse_reason = excluded.refuse_reason, kind = excluded.kind, "
        "deadline_at = excluded.deadline_at, evidence = excluded.evidence "
        "WHERE (refunds.order_no, refunds.status, refunds.amount_fen, refunds.created_at, refunds.reason, "
        "refunds.refuse_reason, refunds.kind, refunds.deadline_at, refunds.evidence) IS DISTINCT FROM "
        "(excluded.order_no, excluded.status, excluded.amount_fen, excluded.created_at, excluded.reason, "
        "excluded.refuse_reason, excluded.kind, excluded.deadline_at, excluded.evidence) "
        "RETURNING (xmax = 0)",
        {tx.shop(), param(f.platform), param(f.refundNo), param(f.orderNo), param(refundStatusCode(f.status)),
         param(f.amountFen), param(f.createdAt.ms()), param(f.reason), param(f.refuseReason),
         param(qint64(f.kind == Refund::Kind::ReturnAndRefund ? 1 : 0)), f.deadline ? param(f.deadline->ms()) : Param(),
         param(static_cast<qint64>(f.evidenceCount))});
    if (r.rows() == 0) {
        return;
    }
    if (r.boolean(0, 0)) {
        ++summary.refundsAdded;
    } else {
        ++summary.refundsUpdated;
    }
    tx.change(QStringLiteral("order"), orderChange(f.platform, f.orderNo, buyerOf(tx, f.platform, f.orderNo)));
}

void PgOrderRepository::storeIn(PgTx& tx, const LogisticsEvent& e, ImportSummary& summary)
{
    auto r = tx.prepared("logistics_insert",
                         "INSERT INTO logistics_events(shop_id, platform, order_no, at, carrier, tracking_no, "
                         "description) VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                         {tx.shop(), param(e.platform), param(e.orderNo), param(e.at.ms()), param(e.carrier),
                          param(e.trackingNo), param(e.description)});
    if (r.affected() == 0) {
        return;
    }
    ++summary.otherAdded;
    tx.change(QStringLiteral("order"), orderChange(e.platform, e.orderNo, buyerOf(tx, e.platform, e.orderNo)));
}

void PgOrderRepository::storeIn(PgTx& tx, const Review& v, ImportSummary& summary)
{
    auto r = tx.prepared("review_upsert",
                         "INSERT INTO reviews(shop_id, platform, order_no, buyer_nick, rating, text, at, reply) "
                         "VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT(shop_id, platform, order_no) DO UPDATE "
                         "SET rating = excluded.rating, text = excluded.text, at = excluded.at, reply = excluded.reply "
                         "WHERE (reviews.rating, reviews.text, reviews.reply) IS DISTINCT FROM "
                         "(excluded.rating, excluded.text, excluded.reply)",
                         {tx.shop(), param(v.platform), param(v.orderNo), param(v.buyerNick),
                          param(static_cast<qint64>(v.rating)), param(v.text), param(v.at.ms()), param(v.reply)});
    summary.otherAdded += r.affected();
}

Result<std::optional<Order>> PgOrderRepository::findOrder(const QString& platform, const QString& orderNo)
{
    static const QByteArray sql =
        QByteArray("SELECT ") + kOrderColumns + " FROM orders WHERE shop_id = $1 AND platform = $2 AND order_no = $3";
    return m_store.read<std::optional<Order>>("read an order", [&](PgTx& tx) {
        auto r = tx.prepared("order_find", sql.constData(), {tx.shop(), param(platform), param(orderNo)});
        return r.rows() ? std::optional<Order>(readOrder(r, 0)) : std::nullopt;
    });
}

Result<std::vector<Refund>> PgOrderRepository::refundsOfOrder(const QString& platform, const QString& orderNo)
{
    static const QByteArray sql = QByteArray("SELECT ") + kRefundColumns +
                                  " FROM refunds WHERE shop_id = $1 AND platform = $2 AND order_no = $3 "
                                  "ORDER BY created_at DESC, refund_no";
    return m_store.read<std::vector<Refund>>("read refunds", [&](PgTx& tx) {
        auto r = tx.prepared("refunds_of_order", sql.constData(), {tx.shop(), param(platform), param(orderNo)});
        std::vector<Refund> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readRefund(r, i));
        }
        return out;
    });
}

Result<std::optional<Refund>> PgOrderRepository::findRefund(const QString& platform, const QString& refundNo)
{
    static const QByteArray sql = QByteArray("SELECT ") + kRefundColumns +
                                  " FROM refunds WHERE shop_id = $1 AND platform = $2 AND refund_no = $3";
    return m_store.read<std::optional<Refund>>("read a refund", [&](PgTx& tx) {
        auto r = tx.prepared("refund_find", sql.constData(), {tx.shop(), param(platform), param(refundNo)});
        return r.rows() ? std::optional<Refund>(readRefund(r, 0)) : std::nullopt;
    });
}

Result<std::vector<Order>> PgOrderRepository::ordersOfBuyer(const QString& platform, const QString& nick, int limit)
{
    static const QByteArray sql = QByteArray("SELECT ") + kOrderColumns +
                                  " FROM orders WHERE shop_id = $1 AND platform = $2 AND buyer_nick = $3 "
                                  "ORDER BY created_at DESC, id DESC LIMIT $4";
    return m_store.read<std::vector<Order>>("list a buyer's orders", [&](PgTx& tx) {
        auto r = tx.prepared("orders_of_buyer", sql.constData(),
                             {tx.shop(), param(platform), param(nick), param(std::max(limit, 0))});
        std::vector<Order> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(readOrder(r, i));
        }
        return out;
    });
}

Result<std::vector<LogisticsEvent>> PgOrderRepository::storedLogistics(const QString& platform, const QString& orderNo)
{
    return m_store.read<std::vector<LogisticsEvent>>("read a parcel's trace", [&](PgTx& tx) {
        auto r = tx.q("SELECT at, carrier, tracking_no, description FROM logistics_events WHERE shop_id = $1 AND "
                      "platform = $2 AND order_no = $3 ORDER BY at",
                      {tx.shop(), param(platform), param(orderNo)});
        std::vector<LogisticsEvent> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(
                {platform, orderNo, Timestamp::fromMs(r.integer(i, 0)), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
        }
        return out;
    });
}

Result<std::vector<FollowUp>> PgOrderRepository::followUps(const QString& agent, Timestamp servedSince,
                                                           Timestamp unpaidBefore, Timestamp unshippedBefore,
                                                           Timestamp staleBefore)
{
    return m_store.read<std::vector<FollowUp>>("list follow-ups", [&](PgTx& tx) {
        auto r =
            tx.q("WITH mine AS (SELECT DISTINCT c.platform, c.buyer_nick FROM assignments s "
                 "JOIN accounts a ON a.id = s.account_id JOIN conversations c ON c.id = s.conversation_id "
                 "WHERE a.shop_id = $1 AND a.name = $2 AND (s.started_at >= $3 OR s.ended_at >= $3)), "
                 "traced AS (SELECT platform, order_no, max(at) AS last FROM logistics_events WHERE shop_id = $1 "
                 "GROUP BY platform, order_no) "
                 "SELECT o.status, o.platform, o.order_no, o.buyer_nick, o.amount_fen, o.created_at, o.paid_at, t.last "
                 "FROM orders o JOIN mine ON mine.platform = o.platform AND mine.buyer_nick = o.buyer_nick "
                 "LEFT JOIN traced t ON t.platform = o.platform AND t.order_no = o.order_no "
                 "WHERE o.shop_id = $1 AND ((o.status = 'WAIT_BUYER_PAY' AND o.created_at <= $4) "
                 "OR (o.status = 'WAIT_SELLER_SEND_GOODS' AND o.paid_at <= $5) "
                 "OR (o.status = 'WAIT_BUYER_CONFIRM_GOODS' AND COALESCE(t.last, o.paid_at) <= $6)) "
                 "ORDER BY o.created_at, o.id",
                 {tx.shop(), param(agent), param(servedSince.ms()), param(unpaidBefore.ms()),
                  param(unshippedBefore.ms()), param(staleBefore.ms())});
        std::vector<FollowUp> out;
        for (int i = 0; i < r.rows(); ++i) {
            FollowUp f;
            const QString status = r.text(i, 0);
            f.platform = r.text(i, 1);
            f.orderNo = r.text(i, 2);
            f.buyerNick = r.text(i, 3);
            f.amountFen = r.integer(i, 4);
            if (status == u"WAIT_BUYER_PAY") {
                f.kind = FollowUp::Kind::Unpaid;
                f.since = Timestamp::fromMs(r.integer(i, 5));
            } else if (status == u"WAIT_SELLER_SEND_GOODS") {
                f.kind = FollowUp::Kind::Unshipped;
                f.since = Timestamp::fromMs(r.integer(i, 6));
            } else {
                f.kind = FollowUp::Kind::StaleTrace;
                f.since = Timestamp::fromMs(r.isNull(i, 7) ? r.integer(i, 6) : r.integer(i, 7));
            }
            out.push_back(std::move(f));
        }
        return out;
    });
}

} // namespace shopdesk::pg
