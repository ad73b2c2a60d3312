#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QJsonValue>

namespace shopdesk::server {

/// The answers the server's operations give, shared by ServerOps, ServerChatOps and ServerOrderOps.

/// An answer that is ready now (an asynchronous operation refused before it began).
inline QFuture<Result<QJsonValue>> readyAnswer(Result<QJsonValue> r)
{
    return QtFuture::makeReadyFuture(std::move(r));
}

/// A Status as an answer: `true`, or the error.
inline Result<QJsonValue> statusAnswer(const Status& st)
{
    if (!st) {
        return st.error();
    }
    return QJsonValue(true);
}

/// What an action on the shop's platform answers on an instance that does not route the shop.
inline Error notRouting()
{
    return Error::busy(QStringLiteral("This server does not run the shop's platform connection."));
}

} // namespace shopdesk::server
