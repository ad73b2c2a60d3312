// The order operations of shopdesk-server: a buyer's orders, refunds and parcel traces as the
// shop's platform reported them, and revealing a receiver (audited before it is sent). Each
// decides on the actor made from the account's state at that moment, in OrderService.

#include "protocol/Codec.h"
#include "protocol/OrderCodec.h"
#include "server/ServerBackend.h"
#include "server/TeamServerClient.h"
#include "services/orders/OrderService.h"

#include <QJsonArray>

namespace shopdesk::server {

namespace {

using protocol::Request;

QString arg(const Request& r, const char* key)
{
    return r.args.value(QLatin1String(key)).toString();
}

QString platformOf(const Request& r)
{
    const QString p = arg(r, "platform");
    return p.isEmpty() ? QStringLiteral("sim") : p;
}

} // namespace

void TeamServer::registerOrderOps()
{
    ServerBackend& b = m_backend;
    auto read = [this](const char* name, Handler h) { m_ops[QString::fromLatin1(name)] = Op{std::move(h), false, {}}; };
    auto write = [this](const char* name, Handler h) { m_ops[QString::fromLatin1(name)] = Op{std::move(h), true, {}}; };

    read("orders.ofBuyer", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto orders = b.orders().ordersOfBuyer(a, platformOf(r), arg(r, "buyer"), r.args.value("limit").toInt(50));
        if (!orders) {
            return orders.error();
        }
        return QJsonValue(protocol::toJsonArray(*orders));
    });
    read("orders.find", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto order = b.orders().find(a, platformOf(r), arg(r, "order"));
        if (!order) {
            // An order the shop does not have is an answer, not a failure.
            return order.error().code == ErrorCode::NotFound ? Result<QJsonValue>(QJsonValue())
                                                             : Result<QJsonValue>(order.error());
        }
        return QJsonValue(protocol::toJson(*order));
    });
    read("refunds.ofBuyer", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto refunds = b.orders().refundsOfBuyer(a, platformOf(r), arg(r, "buyer"));
        if (!refunds) {
            return refunds.error();
        }
        return QJsonValue(protocol::toJsonArray(*refunds));
    });
    read("logistics.ofBuyer", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        const QString platform = platformOf(r);
        auto orders = b.orders().ordersOfBuyer(a, platform, arg(r, "buyer"), 50);
        if (!orders) {
            return orders.error();
        }
        QJsonObject traces;
        for (const Order& o : *orders) {
            auto trace = b.orders().storedTrace(a, platform, o.orderNo);
            if (!trace) {
                return trace.error();
            }
            traces.insert(o.orderNo, protocol::toJsonArray(*trace));
        }
        return QJsonValue(traces);
    });
    write("orders.reveal", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto receiver = b.orders().revealReceiver(a, platformOf(r), arg(r, "order"));
        if (!receiver) {
            return receiver.error();
        }
        return QJsonValue(protocol::toJson(*receiver));
    });
}

} // namespace shopdesk::server
