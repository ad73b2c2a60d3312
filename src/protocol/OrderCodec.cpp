#include "protocol/OrderCodec.h"

#include "protocol/JsonValues.h"

#include <QJsonArray>

namespace shopdesk::protocol {

QJsonObject toJson(const Receiver& r)
{
    return {
        {QStringLiteral("name"), r.name}, {QStringLiteral("phone"), r.phone}, {QStringLiteral("address"), r.address}};
}

Receiver receiverFromJson(const QJsonObject& o)
{
    return {o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("phone")).toString(),
            o.value(QStringLiteral("address")).toString()};
}

QJsonObject toJson(const Order& o)
{
    QJsonArray items;
    for (const OrderItem& it : o.items) {
        items.append(QJsonObject{{QStringLiteral("title"), it.title},
                                 {QStringLiteral("quantity"), it.quantity},
                                 {QStringLiteral("price"), static_cast<double>(it.priceFen)}});
    }
    return {{QStringLiteral("id"), static_cast<double>(o.id.value())},
            {QStringLiteral("platform"), o.platform},
            {QStringLiteral("no"), o.orderNo},
            {QStringLiteral("buyer"), o.buyerNick},
            {QStringLiteral("status"), orderStatusCode(o.status)},
            {QStringLiteral("created"), static_cast<double>(o.createdAt.ms())},
            {QStringLiteral("paid"), optionalTime(o.paidAt)},
            {QStringLiteral("amount"), static_cast<double>(o.amountFen)},
            {QStringLiteral("remark"), o.remark},
            {QStringLiteral("flag"), o.flag},
            {QStringLiteral("flaggedBy"), o.flaggedBy},
            {QStringLiteral("receiver"), toJson(o.receiverMasked)},
            {QStringLiteral("items"), items}};
}

Order orderFromJson(const QJsonObject& o)
{
    Order out;
    out.id = OrderId(int64From(o.value(QStringLiteral("id"))));
    out.platform = o.value(QStringLiteral("platform")).toString();
    out.orderNo = o.value(QStringLiteral("no")).toString();
    out.buyerNick = o.value(QStringLiteral("buyer")).toString();
    out.status = orderStatusFromCode(o.value(QStringLiteral("status")).toString()).value_or(OrderStatus::WaitBuyerPay);
    out.createdAt = Timestamp::fromMs(int64From(o.value(QStringLiteral("created"))));
    out.paidAt = timeFrom(o.value(QStringLiteral("paid")));
    out.amountFen = int64From(o.value(QStringLiteral("amount")));
    out.remark = o.value(QStringLiteral("remark")).toString();
    out.flag = o.value(QStringLiteral("flag")).toInt();
    out.flaggedBy = o.value(QStringLiteral("flaggedBy")).toString();
    out.receiverMasked = receiverFromJson(o.value(QStringLiteral("receiver")).toObject());
    for (const QJsonValue& v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject it = v.toObject();
        out.items.push_back({it.value(QStringLiteral("title")).toString(), it.value(QStringLiteral("quantity")).toInt(),
                             int64From(it.value(QStringLiteral("price")))});
    }
    return out;
}

QJsonObject toJson(const Refund& r)
{
    return {{QStringLiteral("id"), static_cast<double>(r.id.value())},
            {QStringLiteral("platform"), r.platform},
            {QStringLiteral("no"), r.refundNo},
            {QStringLiteral("order"), r.orderNo},
            {QStringLiteral("status"), refundStatusCode(r.status)},
            {QStringLiteral("amount"), static_cast<double>(r.amountFen)},
            {QStringLiteral("created"), static_cast<double>(r.createdAt.ms())},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("refuseReason"), r.refuseReason},
            {QStringLiteral("returnGoods"), r.kind == Refund::Kind::ReturnAndRefund},
            {QStringLiteral("deadline"), optionalTime(r.deadline)},
            {QStringLiteral("evidence"), r.evidenceCount}};
}

Refund refundFromJson(const QJsonObject& o)
{
    Refund r;
    r.id = RefundId(int64From(o.value(QStringLiteral("id"))));
    r.platform = o.value(QStringLiteral("platform")).toString();
    r.refundNo = o.value(QStringLiteral("no")).toString();
    r.orderNo = o.value(QStringLiteral("order")).toString();
    r.status =
        refundStatusFromCode(o.value(QStringLiteral("status")).toString()).value_or(RefundStatus::WaitSellerAgree);
    r.amountFen = int64From(o.value(QStringLiteral("amount")));
    r.createdAt = Timestamp::fromMs(int64From(o.value(QStringLiteral("created"))));
    r.reason = o.value(QStringLiteral("reason")).toString();
    r.refuseReason = o.value(QStringLiteral("refuseReason")).toString();
    r.kind = o.value(QStringLiteral("returnGoods")).toBool() ? Refund::Kind::ReturnAndRefund : Refund::Kind::RefundOnly;
    r.deadline = timeFrom(o.value(QStringLiteral("deadline")));
    r.evidenceCount = o.value(QStringLiteral("evidence")).toInt();
    return r;
}

QJsonObject toJson(const LogisticsEvent& e)
{
    return {{QStringLiteral("platform"), e.platform},
            {QStringLiteral("order"), e.orderNo},
            {QStringLiteral("at"), static_cast<double>(e.at.ms())},
            {QStringLiteral("carrier"), e.carrier},
            {QStringLiteral("tracking"), e.trackingNo},
            {QStringLiteral("text"), e.description}};
}

LogisticsEvent logisticsFromJson(const QJsonObject& o)
{
    return {o.value(QStringLiteral("platform")).toString(),
            o.value(QStringLiteral("order")).toString(),
            Timestamp::fromMs(int64From(o.value(QStringLiteral("at")))),
            o.value(QStringLiteral("carrier")).toString(),
            o.value(QStringLiteral("tracking")).toString(),
            o.value(QStringLiteral("text")).toString()};
}

} // namespace shopdesk::protocol
