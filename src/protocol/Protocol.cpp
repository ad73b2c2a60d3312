#include "protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <variant>

namespace shopdesk::protocol {

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

struct CodeName {
    ErrorCode code;
    const char* name;
};

constexpr CodeName kCodes[] = {
    {ErrorCode::Internal, "internal"},          {ErrorCode::Usage, "usage"},     {ErrorCode::NotAllowed, "not_allowed"},
    {ErrorCode::NotFound, "not_found"},         {ErrorCode::Invalid, "invalid"}, {ErrorCode::Busy, "busy"},
    {ErrorCode::SessionEnded, "session_ended"},
};

/// A JSON number that is a whole number within the safe range.
std::optional<qint64> wholeNumber(const QJsonValue& v)
{
    if (!v.isDouble()) {
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (d < 1 || d > 9007199254740991.0 || d != static_cast<double>(static_cast<qint64>(d))) {
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

} // namespace

std::variant<Request, FrameError> parseRequest(const QString& frame)
{
    const QByteArray utf8 = frame.toUtf8();
    if (utf8.size() > kMaxFrameBytes) {
        return FrameError{codes::kTooLarge, QStringLiteral("The frame is larger than %1 bytes.").arg(kMaxFrameBytes)};
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return FrameError{codes::kMalformed, QStringLiteral("The frame is not a JSON object.")};
    }
    const QJsonObject o = doc.object();
    Request r;
    const auto id = wholeNumber(o.value(QStringLiteral("id")));
    if (!id) {
        return FrameError{codes::kProtocol, QStringLiteral("The request has no positive whole-number id.")};
    }
    r.id = *id;
    const QJsonValue op = o.value(QStringLiteral("op"));
    if (!op.isString() || op.toString().isEmpty() || op.toString().size() > 64) {
        return FrameError{codes::kProtocol, QStringLiteral("The request has no operation name."), r.id};
    }
    r.op = op.toString();
    const QJsonValue args = o.value(QStringLiteral("args"));
    if (!args.isUndefined() && !args.isObject()) {
        return FrameError{codes::kProtocol, QStringLiteral("The request's args are not an object."), r.id};
    }
    r.args = args.toObject();
    const QJsonValue rid = o.value(QStringLiteral("rid"));
    if (!rid.isUndefined()) {
        if (!rid.isString() || !validRequestKey(rid.toString())) {
            return FrameError{codes::kProtocol,
                              QStringLiteral("The request key is not 1 to 64 letters, digits, _ or -."), r.id};
        }
        r.rid = rid.toString();
    }
    r.version = o.value(QStringLiteral("v")).toInt(0);
    return r;
}

QByteArray encodeRequest(const Request& request)
{
    QJsonObject o{{QStringLiteral("v"), kVersion},
                  {QStringLiteral("id"), request.id},
                  {QStringLiteral("op"), request.op},
                  {QStringLiteral("args"), request.args}};
    if (!request.rid.isEmpty()) {
        o.insert(QStringLiteral("rid"), request.rid);
    }
    return compact(o);
}

QByteArray encodeResult(qint64 id, const QJsonValue& result)
{
    return compact({{QStringLiteral("id"), id}, {QStringLiteral("ok"), true}, {QStringLiteral("result"), result}});
}

QByteArray encodeError(qint64 id, const QString& code, const QString& message)
{
    return compact(
        {{QStringLiteral("id"), id},
         {QStringLiteral("ok"), false},
         {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

QByteArray encodeError(qint64 id, const Error& error)
{
    return encodeError(id, wireCode(error.code), error.message);
}

QByteArray encodeAnswer(qint64 id, const Result<QJsonValue>& answer)
{
    return answer ? encodeResult(id, *answer) : encodeError(id, answer.error());
}

QByteArray encodePush(const QString& kind, QJsonObject body)
{
    body.insert(QStringLiteral("push"), kind);
    return compact(body);
}

QString wireCode(ErrorCode code)
{
    for (const CodeName& c : kCodes) {
        if (c.code == code) {
            return QString::fromLatin1(c.name);
        }
    }
    return QStringLiteral("internal");
}

ErrorCode errorCodeFromWire(const QString& code)
{
    for (const CodeName& c : kCodes) {
        if (code == QLatin1String(c.name)) {
            return c.code;
        }
    }
    if (code == QLatin1String(codes::kUnauthenticated)) {
        return ErrorCode::SessionEnded;
    }
    if (code == QLatin1String(codes::kReplay) || code == QLatin1String(codes::kUnknownOp)) {
        return ErrorCode::Usage;
    }
    return ErrorCode::Internal;
}

std::variant<Answer, Push, FrameError> parseServerFrame(const QString& frame)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return FrameError{codes::kMalformed, QStringLiteral("The server sent a frame that is not a JSON object.")};
    }
    const QJsonObject o = doc.object();
    if (o.contains(QStringLiteral("push"))) {
        Push p;
        p.kind = o.value(QStringLiteral("push")).toString();
        p.body = o;
        return p;
    }
    Answer a;
    a.id = static_cast<qint64>(o.value(QStringLiteral("id")).toDouble());
    a.ok = o.value(QStringLiteral("ok")).toBool();
    if (a.ok) {
        a.result = o.value(QStringLiteral("result"));
    } else {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        a.errorCode = e.value(QStringLiteral("code")).toString();
        a.error = Error{errorCodeFromWire(a.errorCode), e.value(QStringLiteral("message")).toString()};
    }
    return a;
}

bool validRequestKey(const QString& rid)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(rid).hasMatch();
}

} // namespace shopdesk::protocol
