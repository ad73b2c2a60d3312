#include "platform/PlatformTypes.h"

namespace shopdesk::platform {

QString PlatformError::sentence() const
{
    switch (kind) {
    case Kind::AuthExpired:
        return QStringLiteral("The shop's authorisation has expired; the shop owner must authorise ShopDesk again.");
    case Kind::RateLimited:
        return QStringLiteral("The platform is busy (too many requests); try again in %1 s.")
            .arg(retryAfterSecs.value_or(5));
    case Kind::NotFound:
        return message.isEmpty() ? QStringLiteral("The platform does not know that order or conversation.") : message;
    case Kind::InvalidState:
        return message;
    case Kind::Network:
        return QStringLiteral("The platform cannot be reached (network); ShopDesk keeps trying.");
    case Kind::Platform:
        return QStringLiteral("The platform refused: %1 (%2).").arg(message, platformCode);
    }
    return message;
}

Error PlatformError::toError() const
{
    switch (kind) {
    case Kind::NotFound:
        return Error::notFound(sentence());
    case Kind::InvalidState:
        return Error::invalid(sentence());
    case Kind::AuthExpired:
        return Error::notAllowed(sentence());
    case Kind::RateLimited:
    case Kind::Network:
        return Error::busy(sentence());
    case Kind::Platform:
        return Error::internal(sentence());
    }
    return Error::internal(sentence());
}

} // namespace shopdesk::platform
