#include "platform/sim/SimEventDecoder.h"

#include "core/Utf8.h"
#include "domain/Money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace shopdesk::platform::sim {

namespace {

constexpr qsizetype kMaxText = 64 * 1024;

class Reader {
public:
    explicit Reader(const QJsonObject& o)
        : m_o(o)
    {
    }
    QString text(const char* key, bool required = true, qsizetype max = 256)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isString()) {
            if (required || (!v.isUndefined() && !v.isNull())) {
                fail(QStringLiteral("'%1' is missing or not a string").arg(QLatin1String(key)));
            }
            return {};
        }
        if (v.toString().size() > max) {
            fail(QStringLiteral("'%1' is too long").arg(QLatin1String(key)));
        }
        return v.toString();
    }
    qint64 integer(const char* key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble())) {
            if (required || (!v.isUndefined() && !v.isNull())) {
                fail(QStringLiteral("'%1' is missing or not a whole number").arg(QLatin1String(key)));
            }
            return 0;
        }
        return static_cast<qint64>(v.toDouble());
    }
    Fen yuan(const char* key)
    {
        Fen f = 0;
        if (!parseYuan(text(key), f)) {
            fail(QStringLiteral("'%1' is not an amount in yuan").arg(QLatin1String(key)));
        }
        return f;
    }
    QJsonObject object(const char* key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isObject()) {
            fail(QStringLiteral("'%1' is missing or not an object").arg(QLatin1String(key)));
        }
        return v.toObject();
    }
    void fail(QString reason)
    {
        if (!m_error) {
            m_error = Error::invalid(std::move(reason));
        }
    }
    const std::optional<Error>& error() const { return m_error; }
    void absorb(const Reader& other)
    {
        if (other.m_error) {
            fail(other.m_error->message);
        }
    }

private:
    const QJsonObject& m_o;
    std::optional<Error> m_error;
};

std::optional<OrderStatus> orderStatus(const QString& s)
{
    if (s == u"unpaid") {
        return OrderStatus::WaitBuyerPay;
    }
    if (s == u"paid") {
        return OrderStatus::WaitSellerSendGoods;
    }
    if (s == u"shipped") {
        return OrderStatus::WaitBuyerConfirmGoods;
    }
    if (s == u"finished") {
        return OrderStatus::TradeFinished;
    }
    if (s == u"closed") {
        return OrderStatus::TradeClosed;
    }
    if (s == u"cancelled") {
        return OrderStatus::TradeClosedByTaobao;
    }
    return std::nullopt;
}

std::optional<RefundStatus> refundStatus(const QString& s)
{
    static const std::pair<const char16_t*, RefundStatus> map[] = {
        {u"waiting_seller", RefundStatus::WaitSellerAgree},
        {u"waiting_return", RefundStatus::WaitBuyerReturnGoods},
        {u"waiting_confirm", RefundStatus::WaitSellerConfirmGoods},
        {u"refused", RefundStatus::SellerRefuseBuyer},
        {u"closed", RefundStatus::Closed},
        {u"success", RefundStatus::Success},
    };
    for (const auto& [name, status] : map) {
        if (s == QStringView(name)) {
            return status;
        }
    }
    return std::nullopt;
}

Result<ImportRecord> message(Reader& r)
{
    IncomingMessage m;
    m.conversationKey = r.text("conversation");
    m.buyerNick = r.text("buyer");
    const QString from = r.text("from");
    auto sender = senderFromName(from);
    if (!r.error() && !sender) {
        r.fail(QStringLiteral("'from' is not buyer, agent or system"));
    }
    m.sender = sender.value_or(Sender::Buyer);
    m.agent = r.text("agent", m.sender == Sender::Agent, 64);
    m.platformMessageId = r.text("msg_id");
    m.sentAt = Timestamp::fromMs(r.integer("at"));
    m.text = r.text("text", true, kMaxText);
    m.cardOrderNo = r.text("card_tid", false);
    if (r.error()) {
        return *r.error();
    }
    if (m.sender == Sender::Agent && m.agent.isEmpty()) {
        return Error::invalid(QStringLiteral("an agent message names no agent"));
    }
    return ImportRecord(std::move(m));
}

Result<ImportRecord> session(Reader& r, const QString& id)
{
    SessionEvent e;
    e.eventId = id;
    e.conversationKey = r.text("conversation");
    e.buyerNick = r.text("buyer");
    const QString kind = r.text("kind");
    e.kind = kind == u"assigned" ? SessionEvent::Kind::Assigned
             : kind == u"queued" ? SessionEvent::Kind::Queued
                                 : SessionEvent::Kind::Closed;
    if (!r.error() && kind != u"assigned" && kind != u"queued" && kind != u"closed") {
        r.fail(QStringLiteral("unknown session kind"));
    }
    e.agent = r.text("agent", false, 64);
    e.reason = r.text("reason", false, 32);
    e.group = r.text("group", false, 64);
    e.position = static_cast<int>(r.integer("position", false));
    const qint64 wait = r.integer("wait_s", false);
    if (wait > 0 || e.kind == SessionEvent::Kind::Queued) {
        e.waitSecs = static_cast<int>(wait);
    }
    e.at = Timestamp::fromMs(r.integer("at"));
    if (r.error()) {
        return *r.error();
    }
    return ImportRecord(std::move(e));
}

Result<ImportRecord> trade(Reader& outer)
{
    const QJsonObject t = outer.object("trade");
    if (outer.error()) {
        return *outer.error();
    }
    Reader r(t);
    Order o;
    o.orderNo = r.text("tid");
    o.buyerNick = r.text("buyer_nick");
    auto status = orderStatus(r.text("status"));
    if (!status) {
        r.fail(QStringLiteral("unknown trade status"));
    }
    o.status = status.value_or(OrderStatus::WaitBuyerPay);
    o.createdAt = Timestamp::fromMs(r.integer("created"));
    if (const qint64 paid = r.integer("pay_time", false); paid > 0) {
        o.paidAt = Timestamp::fromMs(paid);
    }
    o.amountFen = r.yuan("payment");
    o.remark = r.text("seller_memo", false, 1000);
    o.flag = static_cast<int>(r.integer("seller_flag", false));
    o.flaggedBy = r.text("flag_by", false, 64);
    if (o.flag < 0 || o.flag > kMaxFlag) {
        r.fail(QStringLiteral("the flag colour is out of range"));
    }
    const QJsonObject receiver = t.value(QLatin1String("receiver")).toObject();
    if (!receiver.isEmpty()) {
        Reader rr(receiver);
        o.receiver = Receiver{rr.text("name", true, 64), rr.text("mobile", true, 32), rr.text("address", true, 256)};
        r.absorb(rr);
    }
    const QJsonObject masked = t.value(QLatin1String("receiver_masked")).toObject();
    if (!masked.isEmpty()) {
        Reader mr(masked);
        o.receiverMasked =
            Receiver{mr.text("name", false, 64), mr.text("mobile", false, 32), mr.text("address", false, 256)};
        r.absorb(mr);
    }
    for (const QJsonValue& v : t.value(QLatin1String("orders")).toArray()) {
        const QJsonObject io = v.toObject();
        Reader ir(io);
        OrderItem item{ir.text("title"), static_cast<int>(ir.integer("num")), ir.yuan("price")};
        r.absorb(ir);
        o.items.push_back(item);
    }
    if (r.error()) {
        return *r.error();
    }
    return ImportRecord(std::move(o));
}

Result<ImportRecord> refund(Reader& outer)
{
    const QJsonObject rf = outer.object("refund");
    if (outer.error()) {
        return *outer.error();
    }
    Reader r(rf);
    Refund x;
    x.refundNo = r.text("refund_id");
    x.orderNo = r.text("tid");
    auto status = refundStatus(r.text("status"));
    if (!status) {
        r.fail(QStringLiteral("unknown refund status"));
    }
    x.status = status.value_or(RefundStatus::WaitSellerAgree);
    x.amountFen = r.yuan("refund_fee");
    x.createdAt = Timestamp::fromMs(r.integer("created"));
    x.reason = r.text("reason", false, 500);
    x.refuseReason = r.text("refuse_reason", false, 500);
    x.kind = r.text("type", false, 32) == u"return_goods" ? Refund::Kind::ReturnAndRefund : Refund::Kind::RefundOnly;
    if (const qint64 due = r.integer("timeout", false); due > 0) {
        x.deadline = Timestamp::fromMs(due);
    }
    x.evidenceCount = static_cast<int>(r.integer("evidence", false));
    if (r.error()) {
        return *r.error();
    }
    return ImportRecord(std::move(x));
}

} // namespace

Result<std::vector<ImportRecord>> decodeSimEvent(const QByteArray& payload)
{
    if (payload.size() > 256 * 1024) {
        return Error::invalid(QStringLiteral("the event is larger than 256 KiB"));
    }
    if (auto bad = utf8::firstInvalidByte(payload)) {
        return Error::invalid(QStringLiteral("invalid UTF-8 at byte %1").arg(*bad + 1));
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
    if (err.error != QJsonParseError::NoError) {
        return Error::invalid(QStringLiteral("invalid JSON at byte %1").arg(err.offset + 1));
    }
    if (!doc.isObject()) {
        return Error::invalid(QStringLiteral("an event must be a JSON object"));
    }
    const QJsonObject o = doc.object();
    Reader r(o);
    const QString topic = r.text("topic");
    const QString id = r.text("id");
    if (r.error()) {
        return *r.error();
    }
    Result<ImportRecord> record = Error::invalid(QStringLiteral("unknown topic"));
    if (topic == u"chat.message") {
        record = message(r);
    } else if (topic == u"chat.session") {
        record = session(r, id);
    } else if (topic.startsWith(QLatin1String("trade."))) {
        record = trade(r);
    } else if (topic.startsWith(QLatin1String("refund."))) {
        record = refund(r);
    } else if (topic == u"logistics.trace") {
        LogisticsEvent e{QStringLiteral("sim"), r.text("tid"),     Timestamp::fromMs(r.integer("at")),
                         r.text("company"),     r.text("waybill"), r.text("desc", true, 500)};
        record = r.error() ? Result<ImportRecord>(*r.error()) : Result<ImportRecord>(ImportRecord(e));
    } else if (topic == u"review") {
        Review v{QStringLiteral("sim"),
                 r.text("tid"),
                 r.text("buyer"),
                 static_cast<int>(r.integer("rating")),
                 r.text("content", false, 2000),
                 Timestamp::fromMs(r.integer("at")),
                 r.text("reply", false, 2000)};
        if (!r.error() && (v.rating < 1 || v.rating > 5)) {
            r.fail(QStringLiteral("the rating is out of range"));
        }
        record = r.error() ? Result<ImportRecord>(*r.error()) : Result<ImportRecord>(ImportRecord(v));
    }
    if (!record) {
        return record.error();
    }
    return std::vector<ImportRecord>{std::move(*record)};
}

} // namespace shopdesk::platform::sim
