#include "platform/signing/RequestSigner.h"

#include "core/JsonWriter.h"
#include "crypto/Hmac.h"

#include <QJsonArray>
#include <QJsonObject>

namespace shopdesk::platform::signing {

namespace {

QByteArray concatenated(const Params& params)
{
    QByteArray out;
    for (const auto& [name, value] : params) {
        if (name == u"sign") {
            continue;
        }
        out += name.toUtf8();
        out += value.toUtf8();
    }
    return out;
}

} // namespace

QByteArray signTop(const QByteArray& secret, const Params& params, TopMethod method)
{
    const QByteArray body = concatenated(params);
    switch (method) {
    case TopMethod::Md5:
        return crypto::md5Hex(secret + body + secret);
    case TopMethod::Hmac:
        return crypto::hmacMd5Hex(secret, body);
    case TopMethod::HmacSha256:
        return crypto::hmacSha256Hex(secret, body);
    }
    return {};
}

QByteArray signPdd(const QByteArray& clientSecret, const Params& params)
{
    return crypto::md5Hex(clientSecret + concatenated(params) + clientSecret);
}

QByteArray signDouyin(const QByteArray& appSecret, const QString& appKey, const QString& method,
                      const QString& paramJson, const QString& timestamp, const QString& version)
{
    const QByteArray body = "app_key" + appKey.toUtf8() + "method" + method.toUtf8() + "param_json" +
                            paramJson.toUtf8() + "timestamp" + timestamp.toUtf8() + "v" + version.toUtf8();
    return crypto::hmacSha256Hex(appSecret, appSecret + body + appSecret).toLower();
}

QString canonicalJson(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        QStringList keys = o.keys(); // QJsonObject keeps keys sorted
        QStringList parts;
        for (const QString& k : keys) {
            parts << QString::fromUtf8(JsonWriter::quote(k)) + QLatin1Char(':') + canonicalJson(o.value(k));
        }
        return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& v : value.toArray()) {
            parts << canonicalJson(v);
        }
        return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case QJsonValue::String:
        return QString::fromUtf8(JsonWriter::quote(value.toString()));
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                : QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    }
    return {};
}

} // namespace shopdesk::platform::signing
