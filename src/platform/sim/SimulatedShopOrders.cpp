// The order side of the simulated shop: orders placed after pre-sales chats, paid, shipped with a
// logistics trace, confirmed, reviewed or refunded; and the agent operations on them.

#include "core/JsonWriter.h"
#include "platform/sim/SimulatedShop.h"
#include "platform/sim/SimulatedShopInternals.h"

#include <QCoreApplication>

namespace shopdesk::platform::sim {

const char* simOrderStatus(OrderStatus s)
{
    switch (s) {
    case OrderStatus::WaitBuyerPay:
        return "unpaid";
    case OrderStatus::WaitSellerSendGoods:
        return "paid";
    case OrderStatus::WaitBuyerConfirmGoods:
        return "shipped";
    case OrderStatus::TradeFinished:
        return "finished";
    case OrderStatus::TradeClosed:
        return "closed";
    case OrderStatus::TradeClosedByTaobao:
        return "cancelled";
    }
    return "";
}

const char* simRefundStatus(RefundStatus s)
{
    switch (s) {
    case RefundStatus::WaitSellerAgree:
        return "waiting_seller";
    case RefundStatus::WaitBuyerReturnGoods:
        return "waiting_return";
    case RefundStatus::WaitSellerConfirmGoods:
        return "waiting_confirm";
    case RefundStatus::SellerRefuseBuyer:
        return "refused";
    case RefundStatus::Closed:
        return "closed";
    case RefundStatus::Success:
        return "success";
    }
    return "";
}

QString yuanText(Fen fen)
{
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

namespace {

PlatformError invalidState(const QString& message)
{
    return {PlatformError::Kind::InvalidState, message, std::nullopt, {}};
}

PlatformError notFound(const QString& what)
{
    return {PlatformError::Kind::NotFound,
            QCoreApplication::translate("SimulatedShop", "There is no %1 on the platform.").arg(what),
            std::nullopt,
            {}};
}

} // namespace

void SimulatedShop::emitOrder(const SimOrder& s, const char* topic)
{
    const Order& o = s.order;
    JsonWriter receiver;
    receiver.add(u"name", s.receiver.name).add(u"mobile", s.receiver.phone).add(u"address", s.receiver.address);
    const Receiver masked = SimCatalogue::platformMask(s.receiver);
    JsonWriter maskedJson;
    maskedJson.add(u"name", masked.name).add(u"mobile", masked.phone).add(u"address", masked.address);
    QByteArray items = "[";
    for (std::size_t i = 0; i < o.items.size(); ++i) {
        JsonWriter item;
        item.add(u"title", o.items[i].title)
            .add(u"num", o.items[i].quantity)
            .add(u"price", yuanText(o.items[i].priceFen));
        items += (i ? "," : "") + item.toJson();
    }
    items += "]";
    JsonWriter trade;
    trade.add(u"tid", o.orderNo)
        .add(u"buyer_nick", o.buyerNick)
        .add(u"status", simOrderStatus(o.status))
        .add(u"created", o.createdAt.ms());
    if (o.paidAt) {
        trade.add(u"pay_time", o.paidAt->ms());
    } else {
        trade.addNull(u"pay_time");
    }
    trade.add(u"payment", yuanText(o.amountFen))
        .add(u"seller_memo", o.remark)
        .add(u"seller_flag", o.flag)
        .add(u"flag_by", o.flaggedBy)
        .addRaw(u"receiver", receiver.toJson())
        .addRaw(u"receiver_masked", maskedJson.toJson())
        .addRaw(u"orders", items);
    JsonWriter w;
    w.add(u"topic", topic).add(u"id", nextEventId()).addRaw(u"trade", trade.toJson());
    publish(w.toJson());
}

void SimulatedShop::emitRefund(const Refund& r, const char* topic)
{
    JsonWriter refund;
    refund.add(u"refund_id", r.refundNo)
        .add(u"tid", r.orderNo)
        .add(u"status", simRefundStatus(r.status))
        .add(u"refund_fee", yuanText(r.amountFen))
        .add(u"created", r.createdAt.ms())
        .add(u"reason", r.reason)
        .add(u"refuse_reason", r.refuseReason)
        .add(u"type", r.kind == Refund::Kind::ReturnAndRefund ? u"return_goods" : u"refund_only")
        .add(u"evidence", r.evidenceCount);
    if (r.deadline) {
        refund.add(u"timeout", r.deadline->ms());
    }
    JsonWriter w;
    w.add(u"topic", topic).add(u"id", nextEventId()).addRaw(u"refund", refund.toJson());
    publish(w.toJson());
}

namespace {

/// How far along its life an order is; closed orders are final.
int stage(OrderStatus s)
{
    switch (s) {
    case OrderStatus::WaitBuyerPay:
        return 0;
    case OrderStatus::WaitSellerSendGoods:
        return 1;
    case OrderStatus::WaitBuyerConfirmGoods:
        return 2;
    case OrderStatus::TradeFinished:
        return 3;
    case OrderStatus::TradeClosed:
    case OrderStatus::TradeClosedByTaobao:
        return 4;
    }
    return 4;
}

} // namespace

void SimulatedShop::setOrderStatus(SimOrder& o, OrderStatus s)
{
    // Invariant: an order only moves forward, and nothing moves a closed order.
    if (stage(s) <= stage(o.order.status)) {
        ++m_stats.invariantViolations;
    }
    --m_stats.ordersByState[orderStatusCode(o.order.status)];
    o.order.status = s;
    ++m_stats.ordersByState[orderStatusCode(s)];
}

void SimulatedShop::placeOrder(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    SimOrder s;
    s.buyer = b;
    Order& o = s.order;
    // Order numbers are unique across worlds: a world's tag (from its seed and start) and a sequence.
    const quint64 world = m_tag.left(8).toULongLong(nullptr, 16);
    o.orderNo = QStringLiteral("T%1%2")
                    .arg(world % 1'000'000, 6, 10, QLatin1Char('0'))
                    .arg(++m_orderSeq, 12, 10, QLatin1Char('0'));
    o.buyerNick = by.nick;
    o.createdAt = at();
    const int lines = SimCatalogue::uniform(m_rng, 1, 3);
    for (int i = 0; i < lines; ++i) {
        const auto& p = m_catalogue.randomProduct(m_rng);
        const int qty = SimCatalogue::uniform(m_rng, 1, 3);
        o.items.push_back({p.title, qty, p.priceFen});
        o.amountFen += p.priceFen * qty;
    }
    s.receiver = SimCatalogue::chance(m_rng, 0.9) ? by.receiver : m_catalogue.randomReceiver(m_rng);
    ++m_stats.ordersByState[orderStatusCode(o.status)];
    by.orders.push_back(o.orderNo);
    emitOrder(s, "trade.created");
    if (SimCatalogue::chance(m_rng, 0.8)) {
        schedule(m_now + SimCatalogue::uniform(m_rng, 30, 900), kPayOrder, b, o.orderNo);
    } else {
        schedule(m_now + SimCatalogue::uniform(m_rng, 3600, 7200), kAutoCloseUnpaid, b, o.orderNo);
    }
    m_orders.emplace(o.orderNo, std::move(s));
}

void SimulatedShop::orderStep(const QString& orderNo, int kind)
{
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end()) {
        auto r = m_refunds.find(orderNo);
        if (kind == kRefundDecision && r != m_refunds.end() && isRefundPending(r->second.status)) {
            const BotActing acting(*this);
            if (SimCatalogue::chance(m_rng, 0.7)) {
                (void)agreeRefund(orderNo);
            } else {
                (void)refuseRefund(orderNo, m_scripts.refuseReason(m_rng));
            }
        }
        return;
    }
    SimOrder& s = it->second;
    Order& o = s.order;
    switch (kind) {
    case kPayOrder:
        if (o.status == OrderStatus::WaitBuyerPay) {
            setOrderStatus(s, OrderStatus::WaitSellerSendGoods);
            o.paidAt = at();
            emitOrder(s, "trade.paid");
            schedule(m_now + SimCatalogue::uniform(m_rng, 300, 2400), kShipOrder, s.buyer, orderNo);
        }
        break;
    case kAutoCloseUnpaid:
        if (o.status == OrderStatus::WaitBuyerPay) {
            setOrderStatus(s, OrderStatus::TradeClosedByTaobao);
            emitOrder(s, "trade.closed");
        }
        break;
    case kShipOrder:
        if (o.status == OrderStatus::WaitSellerSendGoods) {
            setOrderStatus(s, OrderStatus::WaitBuyerConfirmGoods);
            s.carrier = m_catalogue.randomCarrier(m_rng);
            s.waybill = QString::number(7'000'000'000'000LL + static_cast<qint64>(m_rng() % 999'999'999'999LL));
            s.traceSteps = SimCatalogue::uniform(m_rng, 4, 6);
            emitOrder(s, "trade.shipped");
            schedule(m_now, kTraceStep, s.buyer, orderNo);
        }
        break;
    case kTraceStep: {
        if (s.traceDone >= s.traceSteps) {
            break;
        }
        LogisticsEvent e{QStringLiteral("sim"),
                         orderNo,
                         at(),
                         s.carrier,
                         s.waybill,
                         m_catalogue.traceStep(s.traceDone, s.traceSteps, s.receiver)};
        s.trace.push_back(e);
        ++s.traceDone;
        JsonWriter w;
        w.add(u"topic", u"logistics.trace")
            .add(u"id", nextEventId())
            .add(u"tid", orderNo)
            .add(u"company", s.carrier)
            .add(u"waybill", s.waybill)
            .add(u"at", e.at.ms())
            .add(u"desc", e.description);
        publish(w.toJson());
        schedule(m_now + SimCatalogue::uniform(m_rng, 300, 1200),
                 s.traceDone < s.traceSteps ? kTraceStep : kConfirmOrder, s.buyer, orderNo);
        break;
    }
    case kConfirmOrder:
        if (o.status == OrderStatus::WaitBuyerConfirmGoods) {
            setOrderStatus(s, OrderStatus::TradeFinished);
            emitOrder(s, "trade.finished");
            if (SimCatalogue::chance(m_rng, 0.7)) {
                schedule(m_now + SimCatalogue::uniform(m_rng, 120, 1200), kReviewOrder, s.buyer, orderNo);
            }
        }
        break;
    case kReviewOrder: {
        const int roll = static_cast<int>(m_rng() % 100);
        const int rating = roll < 80 ? 5 : roll < 90 ? 4 : roll < 95 ? 3 : 1 + static_cast<int>(m_rng() % 2);
        s.review =
            Review{QStringLiteral("sim"), orderNo, o.buyerNick, rating, m_scripts.reviewText(rating, m_rng), at(), {}};
        JsonWriter w;
        w.add(u"topic", u"review")
            .add(u"id", nextEventId())
            .add(u"tid", orderNo)
            .add(u"buyer", o.buyerNick)
            .add(u"rating", rating)
            .add(u"content", s.review->text)
            .add(u"at", s.review->at.ms())
            .add(u"reply", QString());
        publish(w.toJson());
        break;
    }
    default:
        break;
    }
}

void SimulatedShop::requestRefund(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    for (auto no = by.orders.rbegin(); no != by.orders.rend(); ++no) {
        SimOrder& s = m_orders.at(*no);
        const bool refundable = s.order.status == OrderStatus::WaitSellerSendGoods ||
                                s.order.status == OrderStatus::WaitBuyerConfirmGoods ||
                                s.order.status == OrderStatus::TradeFinished;
        const bool pending = std::any_of(s.refunds.begin(), s.refunds.end(),
                                         [&](const QString& r) { return isRefundPending(m_refunds.at(r).status); });
        if (!refundable || pending) {
            continue;
        }
        Refund r;
        r.refundNo = QStringLiteral("R") + s.order.orderNo.mid(1) + QString::number(s.refunds.size() + 1);
        r.orderNo = s.order.orderNo;
        r.status = RefundStatus::WaitSellerAgree;
        r.amountFen = SimCatalogue::chance(m_rng, 0.5) ? s.order.amountFen : s.order.items.front().priceFen;
        r.createdAt = at();
        r.reason = m_scripts.refundReason(m_rng);
        // Shipped goods come back for their money; the platform gives the shop 48 hours to answer.
        r.kind = s.order.status == OrderStatus::WaitSellerSendGoods ? Refund::Kind::RefundOnly
                                                                    : Refund::Kind::ReturnAndRefund;
        r.deadline = Timestamp::fromMs(r.createdAt.ms() + 48LL * 3600 * 1000);
        r.evidenceCount = SimCatalogue::chance(m_rng, 0.5) ? static_cast<int>(SimCatalogue::uniform(m_rng, 1, 4)) : 0;
        s.refunds.push_back(r.refundNo);
        ++m_stats.refundsByStatus[refundStatusCode(r.status)];
        emitRefund(r, "refund.created");
        // Bots decide most of their buyers' refunds; the rest (and those of a person's buyers) wait
        // for a decision on the workbench, as a supervisor's call.
        const routing::AgentIdx a = m_engine->sessionAgent(by.routingIdx);
        if ((a < 0 || isBot(a)) && SimCatalogue::chance(m_rng, 0.6)) {
            schedule(m_now + SimCatalogue::uniform(m_rng, 120, 600), kRefundDecision, b, r.refundNo);
        }
        m_refunds.emplace(r.refundNo, std::move(r));
        return;
    }
}

PlatformStatus SimulatedShop::setRemark(const QString& orderNo, const QString& remark, int flag,
                                        const QString& flaggedBy)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end()) {
        return PlatformStatus::fail(notFound(QStringLiteral("order ") + orderNo));
    }
    if (remark.toUtf8().size() > 1000) {
        return PlatformStatus::fail(invalidState(QStringLiteral("A seller remark has at most 1,000 bytes.")));
    }
    if (flag < 0 || flag > 5) {
        return PlatformStatus::fail(invalidState(QStringLiteral("The flag colour is 0 to 5.")));
    }
    Order& o = it->second.order;
    o.remark = remark;
    if (flag != o.flag) {
        o.flag = flag;
        o.flaggedBy = flag == 0 ? QString() : flaggedBy;
    }
    emitOrder(it->second, "trade.updated");
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::modifyAddress(const QString& orderNo, const Receiver& address)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end()) {
        return PlatformStatus::fail(notFound(QStringLiteral("order ") + orderNo));
    }
    if (!canChangeAddress(it->second.order.status)) {
        return PlatformStatus::fail(invalidState(
            QStringLiteral("Order %1 has already shipped; its address can no longer be changed.").arg(orderNo)));
    }
    if (address.name.trimmed().isEmpty() || address.phone.trimmed().isEmpty() || address.address.trimmed().isEmpty()) {
        return PlatformStatus::fail(invalidState(QStringLiteral("Name, phone and address are all needed.")));
    }
    it->second.receiver = address;
    emitOrder(it->second, "trade.updated");
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::modifyPrice(const QString& orderNo, Fen amountFen)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end()) {
        return PlatformStatus::fail(notFound(QStringLiteral("order ") + orderNo));
    }
    if (!canChangePrice(it->second.order.status)) {
        return PlatformStatus::fail(
            invalidState(QStringLiteral("Order %1 is paid; its price can no longer be changed.").arg(orderNo)));
    }
    if (amountFen <= 0) {
        return PlatformStatus::fail(invalidState(QStringLiteral("The price must be above zero.")));
    }
    it->second.order.amountFen = amountFen;
    emitOrder(it->second, "trade.updated");
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::agreeRefund(const QString& refundNo)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto it = m_refunds.find(refundNo);
    if (it == m_refunds.end()) {
        return PlatformStatus::fail(notFound(QStringLiteral("refund ") + refundNo));
    }
    Refund& r = it->second;
    if (!isRefundPending(r.status)) {
        return PlatformStatus::fail(invalidState(QStringLiteral("Refund %1 is already decided.").arg(refundNo)));
    }
    --m_stats.refundsByStatus[refundStatusCode(r.status)];
    r.status = RefundStatus::Success;
    ++m_stats.refundsByStatus[refundStatusCode(r.status)];
    emitRefund(r, "refund.changed");
    SimOrder& s = m_orders.at(r.orderNo);
    if (r.amountFen >= s.order.amountFen && s.order.status != OrderStatus::TradeClosed) {
        setOrderStatus(s, OrderStatus::TradeClosed);
        emitOrder(s, "trade.closed");
    }
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::refuseRefund(const QString& refundNo, const QString& reason)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto it = m_refunds.find(refundNo);
    if (it == m_refunds.end()) {
        return PlatformStatus::fail(notFound(QStringLiteral("refund ") + refundNo));
    }
    Refund& r = it->second;
    if (!isRefundPending(r.status)) {
        return PlatformStatus::fail(invalidState(QStringLiteral("Refund %1 is already decided.").arg(refundNo)));
    }
    if (reason.trimmed().isEmpty()) {
        return PlatformStatus::fail(invalidState(QStringLiteral("A refusal needs a reason.")));
    }
    --m_stats.refundsByStatus[refundStatusCode(r.status)];
    r.status = RefundStatus::SellerRefuseBuyer;
    r.refuseReason = reason;
    ++m_stats.refundsByStatus[refundStatusCode(r.status)];
    emitRefund(r, "refund.changed");
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::replyReview(const QString& orderNo, const QString& reply)
{
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end() || !it->second.review) {
        return PlatformStatus::fail(notFound(QStringLiteral("review of order ") + orderNo));
    }
    it->second.review->reply = reply;
    const Review& rv = *it->second.review;
    JsonWriter w;
    w.add(u"topic", u"review")
        .add(u"id", nextEventId())
        .add(u"tid", orderNo)
        .add(u"buyer", rv.buyerNick)
        .add(u"rating", rv.rating)
        .add(u"content", rv.text)
        .add(u"at", rv.at.ms())
        .add(u"reply", reply);
    publish(w.toJson());
    return PlatformStatus::ok({});
}

std::optional<Order> SimulatedShop::order(const QString& orderNo) const
{
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end()) {
        return std::nullopt;
    }
    Order o = it->second.order;
    o.receiverMasked = SimCatalogue::platformMask(it->second.receiver);
    return o;
}

std::vector<Order> SimulatedShop::allOrders() const
{
    std::vector<Order> out;
    out.reserve(m_orders.size());
    for (const auto& [no, s] : m_orders) {
        out.push_back(*order(no));
    }
    return out;
}

std::vector<Refund> SimulatedShop::allRefunds() const
{
    std::vector<Refund> out;
    out.reserve(m_refunds.size());
    for (const auto& [no, r] : m_refunds) {
        out.push_back(r);
    }
    return out;
}

std::vector<Order> SimulatedShop::ordersOf(const QString& buyer) const
{
    std::vector<Order> out;
    auto b = m_buyerByNick.constFind(buyer);
    if (b != m_buyerByNick.constEnd()) {
        for (const QString& no : m_buyers[static_cast<std::size_t>(*b)].orders) {
            out.push_back(*order(no));
        }
    }
    return out;
}

std::vector<Refund> SimulatedShop::refundsOf(const QString& orderNo) const
{
    std::vector<Refund> out;
    auto it = m_orders.find(orderNo);
    if (it != m_orders.end()) {
        for (const QString& r : it->second.refunds) {
            out.push_back(m_refunds.at(r));
        }
    }
    return out;
}

std::vector<LogisticsEvent> SimulatedShop::logistics(const QString& orderNo) const
{
    auto it = m_orders.find(orderNo);
    return it == m_orders.end() ? std::vector<LogisticsEvent>() : it->second.trace;
}

std::vector<Review> SimulatedShop::reviewsOf(const QString& orderNo) const
{
    auto it = m_orders.find(orderNo);
    if (it == m_orders.end() || !it->second.review) {
        return {};
    }
    return {*it->second.review};
}

std::optional<BuyerProfile> SimulatedShop::profile(const QString& buyer) const
{
    auto b = m_buyerByNick.constFind(buyer);
    if (b == m_buyerByNick.constEnd()) {
        return std::nullopt;
    }
    const SimBuyer& by = m_buyers[static_cast<std::size_t>(*b)];
    return BuyerProfile{by.nick, by.orders.size() > 2 ? QStringLiteral("VIP") : QStringLiteral("普通会员"),
                        static_cast<int>(by.orders.size()), m_config.start.addSecs(by.firstSeen)};
}

} // namespace shopdesk::platform::sim
