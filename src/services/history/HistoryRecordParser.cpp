#include "services/history/HistoryRecordParser.h"

#include "core/IsoTime.h"
#include "core/Utf8.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace shopdesk {

namespace {

/// Reads typed fields of one JSON object, remembering the first problem.
class Fields {
public:
    explicit Fields(const QJsonObject& o)
        : m_o(o)
    {
    }

    const std::optional<Error>& error() const { return m_error; }

    QString string(const char* name, bool required = true, qsizetype maxChars = RecordLimits::kMaxKeyChars)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required) {
                fail(QStringLiteral("missing field '%1'").arg(QLatin1String(name)));
            }
            return {};
        }
        if (!v.isString()) {
            fail(QStringLiteral("field '%1' must be a string").arg(QLatin1String(name)));
            return {};
        }
        QString s = v.toString();
        if (required && s.trimmed().isEmpty()) {
            fail(QStringLiteral("field '%1' must not be empty").arg(QLatin1String(name)));
        } else if (s.size() > maxChars) {
            fail(QStringLiteral("field '%1' is longer than %2 characters").arg(QLatin1String(name)).arg(maxChars));
        }
        return s;
    }

    /// A platform id may be a JSON string or an integer.
    QString idString(const char* name, bool required)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
                return QString::number(static_cast<qint64>(d));
            }
            fail(QStringLiteral("field '%1' must be a string or an integer").arg(QLatin1String(name)));
            return {};
        }
        return string(name, required);
    }

    qint64 integer(const char* name, qint64 min, qint64 max, bool required = true, qint64 fallback = 0)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required) {
                fail(QStringLiteral("missing field '%1'").arg(QLatin1String(name)));
            }
            return fallback;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || d < static_cast<double>(min) || d > static_cast<double>(max)) {
            fail(QStringLiteral("field '%1' must be an integer from %2 to %3")
                     .arg(QLatin1String(name))
                     .arg(min)
                     .arg(max));
            return fallback;
        }
        return static_cast<qint64>(d);
    }

    std::optional<Timestamp> time(const char* name, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required) {
                fail(QStringLiteral("missing field '%1'").arg(QLatin1String(name)));
            }
            return std::nullopt;
        }
        if (!v.isString()) {
            fail(QStringLiteral("field '%1' must be an ISO 8601 time string").arg(QLatin1String(name)));
            return std::nullopt;
        }
        auto t = isotime::parse(v.toString());
        if (!t) {
            fail(QStringLiteral("%1 in field '%2'").arg(t.error().message, QLatin1String(name)));
            return std::nullopt;
        }
        return *t;
    }

    void fail(QString reason)
    {
        if (!m_error) {
            m_error = Error::invalid(std::move(reason));
        }
    }

private:
    const QJsonObject& m_o;
    std::optional<Error> m_error;
};

bool validPlatformName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,31}$"));
    return re.match(name).hasMatch();
}

Result<ImportRecord> parseMessage(Fields& f, const QString& platform)
{
    IncomingMessage m;
    m.platform = platform;
    m.conversationKey = f.string("conversation");
    m.buyerNick = f.string("buyer");
    const QString from = f.string("from");
    const auto sender = senderFromName(from);
    if (!f.error() && !sender) {
        f.fail(QStringLiteral("field 'from' must be buyer, agent or system"));
    }
    m.sender = sender.value_or(Sender::Buyer);
    m.agent = f.string("agent", m.sender == Sender::Agent);
    if (m.sender != Sender::Agent) {
        m.agent.clear();
    }
    if (auto t = f.time("at")) {
        m.sentAt = *t;
    }
    m.text = f.string("text", false, RecordLimits::kMaxTextBytes);
    if (!f.error() && m.text.toUtf8().size() > RecordLimits::kMaxTextBytes) {
        f.fail(QStringLiteral("message text is longer than %1 bytes").arg(RecordLimits::kMaxTextBytes));
    }
    m.platformMessageId = f.idString("id", false);
    if (f.error()) {
        return *f.error();
    }
    return ImportRecord(std::move(m));
}

Result<ImportRecord> parseOrder(Fields& f, const QJsonObject& o, const QString& platform)
{
    Order order;
    order.platform = platform;
    order.orderNo = f.idString("id", true);
    order.buyerNick = f.string("buyer");
    const QString status = f.string("status");
    if (!f.error()) {
        if (auto s = orderStatusFromCode(status)) {
            order.status = *s;
        } else {
            f.fail(QStringLiteral("unknown order status '%1'").arg(status.left(40)));
        }
    }
    if (auto t = f.time("created_at")) {
        order.createdAt = *t;
    }
    order.paidAt = f.time("paid_at", false);
    order.amountFen = f.integer("amount_fen", 0, 100'000'000'000LL);
    order.flaggedBy = f.string("flagged_by", false);
    order.flag = static_cast<int>(f.integer("flag", 0, kMaxFlag, false, 0));
    order.remark = f.string("remark", false, RecordLimits::kMaxRemarkBytes);
    if (!f.error() && order.remark.toUtf8().size() > RecordLimits::kMaxRemarkBytes) {
        f.fail(QStringLiteral("field 'remark' is longer than %1 bytes").arg(RecordLimits::kMaxRemarkBytes));
    }
    const QJsonValue receiver = o.value(QLatin1String("receiver"));
    if (!receiver.isUndefined() && !receiver.isNull()) {
        if (!receiver.isObject()) {
            f.fail(QStringLiteral("field 'receiver' must be an object with name, phone and address"));
        } else {
            const QJsonObject ro = receiver.toObject();
            Fields rf(ro);
            Receiver r{rf.string("name", false, 64), rf.string("phone", false, 32), rf.string("address", false, 256)};
            if (rf.error()) {
                f.fail(QStringLiteral("receiver: %1").arg(rf.error()->message));
            } else {
                order.receiver = r;
            }
        }
    }
    const QJsonValue items = o.value(QLatin1String("items"));
    if (!items.isUndefined() && !items.isNull()) {
        if (!items.isArray() || items.toArray().size() > RecordLimits::kMaxItems) {
            f.fail(QStringLiteral("field 'items' must be an array of at most %1 items").arg(RecordLimits::kMaxItems));
        } else {
            int index = 0;
            for (const QJsonValue& v : items.toArray()) {
                ++index;
                if (!v.isObject()) {
                    f.fail(QStringLiteral("item %1 must be an object").arg(index));
                    break;
                }
                const QJsonObject itemObject = v.toObject();
                Fields item(itemObject);
                OrderItem it;
                it.title = item.string("title");
                it.quantity = static_cast<int>(item.integer("qty", 1, 1'000'000));
                it.priceFen = item.integer("price_fen", 0, 100'000'000'000LL);
                if (item.error()) {
                    f.fail(QStringLiteral("item %1: %2").arg(index).arg(item.error()->message));
                    break;
                }
                order.items.push_back(it);
            }
        }
    }
    if (f.error()) {
        return *f.error();
    }
    return ImportRecord(std::move(order));
}

Result<ImportRecord> parseRefund(Fields& f, const QString& platform)
{
    Refund r;
    r.platform = platform;
    r.refundNo = f.idString("id", true);
    r.orderNo = f.idString("order", true);
    const QString status = f.string("status");
    if (!f.error()) {
        if (auto s = refundStatusFromCode(status)) {
            r.status = *s;
        } else {
            f.fail(QStringLiteral("unknown refund status '%1'").arg(status.left(40)));
        }
    }
    r.amountFen = f.integer("amount_fen", 0, 100'000'000'000LL);
    if (auto t = f.time("created_at")) {
        r.createdAt = *t;
    }
    r.reason = f.string("reason", false, 2000);
    if (f.error()) {
        return *f.error();
    }
    return ImportRecord(std::move(r));
}

} // namespace

Result<ImportRecord> HistoryRecordParser::parse(QByteArrayView line) const
{
    if (auto bad = utf8::firstInvalidByte(line)) {
        return Error::invalid(QStringLiteral("invalid UTF-8 at byte %1").arg(*bad + 1));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::invalid(
            QStringLiteral("invalid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset + 1));
    }
    if (!doc.isObject()) {
        return Error::invalid(QStringLiteral("a record must be a JSON object"));
    }
    const QJsonObject o = doc.object();
    Fields f(o);
    const QString type = f.string("type");
    QString platform = m_defaultPlatform;
    if (o.contains(QLatin1String("platform"))) {
        platform = f.string("platform");
        if (!f.error() && !validPlatformName(platform)) {
            f.fail(QStringLiteral("field 'platform' must be a lower-case adapter name such as sim or taobao"));
        }
    }
    if (f.error()) {
        return *f.error();
    }
    if (type == u"message") {
        return parseMessage(f, platform);
    }
    if (type == u"order") {
        return parseOrder(f, o, platform);
    }
    if (type == u"refund") {
        return parseRefund(f, platform);
    }
    return Error::invalid(QStringLiteral("unknown type '%1' (expected message, order or refund)").arg(type.left(32)));
}

} // namespace shopdesk
