#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <variant>

namespace shopdesk::protocol {

/// The team protocol between shopdesk-server and its clients (desktops, shopdeskctl): JSON text
/// frames over a WebSocket, TLS by default.
///
///   client → server  {"v":1, "id":7, "op":"accounts.create", "args":{…}, "rid":"…"}
///   server → client  {"id":7, "ok":true, "result":…}  or  {"id":7, "ok":false, "error":{"code":…, "message":…}}
///   server → client  {"push":"change", …}  (identity, change, ended)
///
/// The first request of a connection is `hello` (its `v` must match), then `login` or `resume`.
/// Request ids increase strictly on a connection (a replayed frame is refused); a write may carry a
/// request key `rid` that the server answers at most once (a retry after a dropped link is told
/// "already done", never done twice).
inline constexpr int kVersion = 1;
/// The largest request a server answers (a larger one is refused with too_large).
inline constexpr qsizetype kMaxFrameBytes = 1 << 20;
/// Beyond this the WebSocket itself is closed (1009, message too big) before it is read whole.
inline constexpr qsizetype kMaxSocketMessageBytes = 4 * kMaxFrameBytes;

/// How long a reply written while a desk's link was down may wait for it (team.md: "a short
/// lease"). The desk sends it with `waitedMs`; the server refuses one that waited longer.
inline constexpr qint64 kOfflineLeaseMs = 120'000;

/// Wire error codes beyond the service's ErrorCode ones.
namespace codes {
inline constexpr const char* kMalformed = "malformed";
inline constexpr const char* kTooLarge = "too_large";
inline constexpr const char* kProtocol = "protocol";
inline constexpr const char* kVersion = "version";
inline constexpr const char* kUnauthenticated = "unauthenticated";
inline constexpr const char* kReplay = "replay";
inline constexpr const char* kUnknownOp = "unknown_op";
} // namespace codes

struct Request {
    qint64 id = 0;
    QString op;
    QJsonObject args;
    QString rid;
    int version = 0;
};

/// A frame that is refused: its wire code and one sentence; `id` when the frame had a usable one.
struct FrameError {
    QString code;
    QString message;
    qint64 id = 0;
};

/// Parses one client frame (already size-checked by the socket): not JSON, not an object, a
/// missing or mistyped id/op/args: a FrameError, never a crash.
std::variant<Request, FrameError> parseRequest(const QString& frame);

QByteArray encodeRequest(const Request& request);
QByteArray encodeResult(qint64 id, const QJsonValue& result);
QByteArray encodeError(qint64 id, const QString& code, const QString& message);
QByteArray encodeError(qint64 id, const Error& error);
/// The result, or the error, as the answer to request `id`.
QByteArray encodeAnswer(qint64 id, const Result<QJsonValue>& answer);
QByteArray encodePush(const QString& kind, QJsonObject body);

/// A service error's wire code ("not_allowed", "session_ended", …) and back.
QString wireCode(ErrorCode code);
/// The ErrorCode a wire code stands for on the client (protocol codes map to Usage/Internal).
ErrorCode errorCodeFromWire(const QString& code);

/// A server answer as the client reads it.
struct Answer {
    qint64 id = 0;
    bool ok = false;
    QJsonValue result;
    Error error;
    QString errorCode;
};
/// A push as the client reads it.
struct Push {
    QString kind;
    QJsonObject body;
};
/// Parses one server frame.
std::variant<Answer, Push, FrameError> parseServerFrame(const QString& frame);

/// Whether a string is a syntactically valid request key (1–64 of [A-Za-z0-9_-]).
bool validRequestKey(const QString& rid);

} // namespace shopdesk::protocol
