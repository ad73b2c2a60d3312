// The order operations of shopdesk-server: a buyer's orders, refunds and parcel traces as the
// shop's platform reported them, and revealing a receiver (audited before it is sent). Each
// decides on the actor made from the account's state at that moment, in OrderService.

#include "protocol/Codec.h"
#include "protocol/OrderCodec.h"
#include "server/HistoryUploads.h"
#include "server/OpAnswers.h"
#include "server/ServerBackend.h"
#include "server/ShopRouter.h"
#include "server/TeamServerClient.h"
#include "services/actions/ActionRunner.h"
#include "services/orders/OrderActionService.h"
#include "services/orders/OrderService.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/FollowUpService.h"

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
    read("followups.list", [&b](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        auto list = b.followUps().followUps(a);
        if (!list) {
            return list.error();
        }
        return QJsonValue(protocol::toJsonArray(*list));
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
    // The actions, on the platform this instance routes: OrderActionService checks the right, the
    // buyer's ownership and the stored state, and puts each on record before the platform hears.
    auto action = [this](const char* name,
                         std::function<QFuture<Status>(OrderActionService&, const Request&, const auth::Actor&)> run) {
        m_ops[QString::fromLatin1(name)] =
            Op{Handler(), true, [this, run](Client&, const Request& r, const auth::Actor& a) {
                   return throughRouter(this, m_router ? m_router->orderActions() : nullptr,
                                        [&](OrderActionService& s) { return run(s, r, a); });
               }};
    };
    action("orders.remark", [](OrderActionService& s, const Request& r, const auth::Actor& a) {
        return s.setRemark(fixedActor(a), arg(r, "order"), arg(r, "remark"), r.args.value("flag").toInt());
    });
    action("orders.address", [](OrderActionService& s, const Request& r, const auth::Actor& a) {
        return s.modifyAddress(fixedActor(a), arg(r, "order"),
                               protocol::receiverFromJson(r.args.value("receiver").toObject()));
    });
    action("orders.price", [](OrderActionService& s, const Request& r, const auth::Actor& a) {
        return s.modifyPrice(fixedActor(a), arg(r, "order"), static_cast<Fen>(r.args.value("amount").toDouble()));
    });
    action("refunds.agree", [](OrderActionService& s, const Request& r, const auth::Actor& a) {
        return s.agreeRefund(fixedActor(a), arg(r, "refund"));
    });
    action("refunds.refuse", [](OrderActionService& s, const Request& r, const auth::Actor& a) {
        return s.refuseRefund(fixedActor(a), arg(r, "refund"), arg(r, "reason"));
    });
    action("reviews.reply", [](OrderActionService& s, const Request& r, const auth::Actor& a) {
        return s.replyReview(fixedActor(a), arg(r, "order"), arg(r, "reply"));
    });
    m_ops[QStringLiteral("orders.liveTrace")] =
        Op{Handler(), false, [this](Client&, const Request& r, const auth::Actor& a) {
               OrderActionService* actions = m_router ? m_router->orderActions() : nullptr;
               if (!actions) {
                   return readyAnswer(notRouting());
               }
               return actions->logistics(fixedActor(a), arg(r, "order"))
                   .then(this, [](const Result<std::vector<LogisticsEvent>>& trace) -> Result<QJsonValue> {
                       if (!trace) {
                           return trace.error();
                       }
                       return QJsonValue(protocol::toJsonArray(*trace));
                   });
           }};
    read("refunds.reasons", [this](Client&, const Request&, const auth::Actor&) -> Result<QJsonValue> {
        return QJsonValue(QJsonArray::fromStringList(m_router ? m_router->refundRefuseReasons() : QStringList()));
    });
    read("buyers.notes", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto notes = b.buyers().notes(a, platformOf(r), arg(r, "buyer"));
        if (!notes) {
            return notes.error();
        }
        return QJsonValue(QJsonObject{{QStringLiteral("grade"), notes->grade},
                                      {QStringLiteral("tags"), QJsonArray::fromStringList(notes->tags)}});
    });
    write("buyers.setNotes", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        BuyerNotes notes;
        notes.grade = arg(r, "grade");
        for (const QJsonValue& t : r.args.value(QStringLiteral("tags")).toArray()) {
            notes.tags << t.toString();
        }
        return statusAnswer(b.buyers().setNotes(a, platformOf(r), arg(r, "buyer"), notes));
    });
    write("history.delete", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        std::vector<MessageId> ids;
        for (const QJsonValue& v : r.args.value(QStringLiteral("ids")).toArray()) {
            ids.emplace_back(static_cast<qint64>(v.toDouble()));
        }
        auto removed = b.buyers().deleteHistory(a, platformOf(r), arg(r, "buyer"), ids);
        if (!removed) {
            return removed.error();
        }
        return QJsonValue(static_cast<double>(*removed));
    });
    write("history.deleteAll", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto removed = b.buyers().deleteAllHistory(a, platformOf(r), arg(r, "buyer"), arg(r, "typedName"));
        if (!removed) {
            return removed.error();
        }
        return QJsonValue(static_cast<double>(*removed));
    });
    // A history file, uploaded in chunks on this connection and stored in one transaction.
    write("history.import.begin", [this](Client& c, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        return m_uploads->begin(c.socket, a, r.args.value(QStringLiteral("skipBad")).toBool());
    });
    read("history.import.cancel", [this](Client& c, const Request& r, const auth::Actor&) -> Result<QJsonValue> {
        return m_uploads->cancel(c.socket, arg(r, "upload"));
    });
    m_ops[QStringLiteral("history.import.chunk")] =
        Op{Handler(), false, [this](Client& c, const Request& r, const auth::Actor& a) {
               return m_uploads->chunk(c.socket, a, arg(r, "upload"), r.args.value(QStringLiteral("seq")).toInteger(-1),
                                       arg(r, "data"));
           }};
    m_ops[QStringLiteral("history.import.end")] =
        Op{Handler(), false, [this](Client& c, const Request& r, const auth::Actor& a) {
               return m_uploads->end(c.socket, a, arg(r, "upload"));
           }};
    m_ops[QStringLiteral("buyers.profile")] =
        Op{Handler(), false, [this](Client&, const Request& r, const auth::Actor& a) {
               if (!m_router) {
                   return readyAnswer(notRouting());
               }
               return m_router->buyerProfile(a, arg(r, "buyer"))
                   .then(this, [](const Result<platform::BuyerProfile>& p) -> Result<QJsonValue> {
                       if (!p) {
                           return p.error();
                       }
                       return QJsonValue(
                           QJsonObject{{QStringLiteral("nick"), p->nick},
                                       {QStringLiteral("level"), p->level},
                                       {QStringLiteral("orders"), p->ordersPlaced},
                                       {QStringLiteral("firstSeen"), static_cast<double>(p->firstSeen.ms())}});
                   });
           }};
    write("orders.reveal", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto receiver = b.orders().revealReceiver(a, platformOf(r), arg(r, "order"));
        if (!receiver) {
            return receiver.error();
        }
        return QJsonValue(protocol::toJson(*receiver));
    });
}

} // namespace shopdesk::server
