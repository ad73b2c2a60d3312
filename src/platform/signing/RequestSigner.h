#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <map>

namespace shopdesk::platform::signing {

/// Request parameters; std::map keeps them sorted by name as every platform's algorithm requires
/// (names are ASCII, so QString order is byte order).
using Params = std::map<QString, QString>;

/// Taobao TOP's sign_method values.
enum class TopMethod { Md5, Hmac, HmacSha256 };

/// Taobao TOP: the sorted name+value pairs (the "sign" parameter excluded) concatenated; md5 wraps
/// them in the secret and hashes with MD5, hmac / hmac-sha256 use the secret as HMAC key (MD5 /
/// SHA-256). Upper-case hex.
QByteArray signTop(const QByteArray& secret, const Params& params, TopMethod method);

/// Pinduoduo: MD5 of secret + sorted name+value pairs + secret, upper-case hex.
QByteArray signPdd(const QByteArray& clientSecret, const Params& params);

/// Douyin shop (抖店) with sign_method=hmac-sha256: HMAC-SHA256 keyed with the app secret over
/// secret + "app_key"..key + "method"..method + "param_json"..json + "timestamp"..ts + "v"..v +
/// secret, lower-case hex. `paramJson` must be canonical (see canonicalJson).
QByteArray signDouyin(const QByteArray& appSecret, const QString& appKey, const QString& method,
                      const QString& paramJson, const QString& timestamp, const QString& version);

/// Douyin's param_json form: object keys sorted at every level, no white space, no escaping of
/// non-ASCII text.
QString canonicalJson(const QJsonValue& value);

} // namespace shopdesk::platform::signing
