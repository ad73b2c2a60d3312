#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"
#include "domain/Capabilities.h"
#include "domain/Order.h"
#include "domain/Session.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

namespace shopdesk::platform {

/// A failure reported by a platform, typed so that callers can retry the transient ones and show
/// the others as one clear sentence.
struct PlatformError {
    enum class Kind {
        AuthExpired, ///< the shop must authorise ShopDesk again
        RateLimited, ///< retry after `retryAfterSecs`
        NotFound,
        InvalidState, ///< e.g. changing the address after shipping
        Network,
        Platform, ///< anything else, with the platform's own code and message
    };
    Kind kind = Kind::Platform;
    QString message;
    std::optional<int> retryAfterSecs;
    QString platformCode;

    bool transient() const { return kind == Kind::RateLimited || kind == Kind::Network; }
    /// One sentence for the user.
    QString sentence() const;
    /// As a core Error (the code a CLI or service reports).
    Error toError() const;
};

/// A platform answer: a value or a typed error.
template <typename T>
struct PlatformResult {
    std::optional<T> value;
    std::optional<PlatformError> error;

    static PlatformResult ok(T v) { return {std::move(v), std::nullopt}; }
    static PlatformResult fail(PlatformError e) { return {std::nullopt, std::move(e)}; }
    bool isOk() const { return value.has_value(); }
};
using PlatformStatus = PlatformResult<std::monostate>;

/// One event as the platform delivers it: a position in its stream and the payload in the
/// platform's own format. The adapter decodes payloads; the pipeline acknowledges positions.
struct RawEvent {
    qint64 cursor = 0;
    QByteArray payload;
};

/// A new receiver address (buyer personal data; sealed again once the platform confirms it).
using Address = Receiver;

} // namespace shopdesk::platform
