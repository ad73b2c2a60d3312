#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QJsonValue>
#include <QObject>

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
    return Error::busy(
        QCoreApplication::translate("shopdesk::server", "This server does not run the shop's platform connection."));
}

/// An action through one of the router's services (`service` null: this instance does not route
/// the shop), answered `true` or the error; continued on `context`'s thread.
template <typename Service, typename Run>
QFuture<Result<QJsonValue>> throughRouter(QObject* context, Service* service, Run&& run)
{
    if (!service) {
        return readyAnswer(notRouting());
    }
    return run(*service).then(context, [](const Status& st) { return statusAnswer(st); });
}

} // namespace shopdesk::server
