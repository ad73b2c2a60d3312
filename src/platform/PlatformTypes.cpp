#include "platform/PlatformTypes.h"

#include "platform/ShopPlatform.h"

#include "platform/Retry.h"

#include <QCoreApplication>

#include <algorithm>

namespace shopdesk::platform {

QString PlatformError::sentence() const
{
    switch (kind) {
    case Kind::AuthExpired:
        return QCoreApplication::translate(
            "PlatformError", "The shop's authorisation has expired; the shop owner must authorise ShopDesk again.");
    case Kind::RateLimited:
        return QCoreApplication::translate("PlatformError",
                                           "The platform is busy (too many requests); try again in %1 s.")
            .arg(retryAfterSecs.value_or(5));
    case Kind::NotFound:
        return message.isEmpty() ? QCoreApplication::translate("PlatformError",
                                                               "The platform does not know that order or conversation.")
                                 : message;
    case Kind::InvalidState:
        return message;
    case Kind::Network:
        return QCoreApplication::translate("PlatformError",
                                           "The platform cannot be reached (network); try again in a moment.");
    case Kind::Platform:
        return QCoreApplication::translate("PlatformError", "The platform refused: %1 (%2).")
            .arg(message, platformCode);
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

std::chrono::milliseconds RetryPolicy::delayBefore(int retry, const PlatformError& error) const
{
    std::chrono::milliseconds delay = firstDelay;
    for (int i = 1; i < retry && delay < maxDelay; ++i) {
        delay *= 2;
    }
    if (error.retryAfterSecs) {
        delay = std::max(delay, std::chrono::milliseconds(std::chrono::seconds(*error.retryAfterSecs)));
    }
    return std::min(delay, maxDelay);
}

QFuture<PlatformResult<std::vector<AgentState>>> ShopPlatform::teamStatus()
{
    return QtFuture::makeReadyFuture(PlatformResult<std::vector<AgentState>>::fail(
        {PlatformError::Kind::Platform, QStringLiteral("team status is not offered"), {}, {}}));
}

QFuture<PlatformStatus> ShopPlatform::applyRouting(const RoutingConfig&)
{
    return QtFuture::makeReadyFuture(PlatformStatus::fail(
        {PlatformError::Kind::Platform, QStringLiteral("the platform keeps its own routing rules"), {}, {}}));
}

} // namespace shopdesk::platform
