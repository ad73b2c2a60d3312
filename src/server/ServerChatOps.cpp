// The chat operations of shopdesk-server: an agent's conversations and timelines, replies and
// closes through the shop's platform (via the router), desktop status, and the live queue. Each
// decides on the actor made from the account's state at that moment.

#include "auth/Operation.h"
#include "pg/PgStore.h"
#include "protocol/Codec.h"
#include "protocol/Protocol.h"
#include "server/OpAnswers.h"
#include "server/ServerBackend.h"
#include "server/ShopRouter.h"
#include "server/TeamServerClient.h"
#include "services/actions/ActionRunner.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/chat/ChatService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/search/SearchService.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace shopdesk::server {

namespace {

using protocol::Request;

/// A platform's answer as the client's.
QFuture<Result<QJsonValue>> answered(QFuture<platform::PlatformStatus> f, QObject* context)
{
    return f.then(context, [](platform::PlatformStatus st) -> Result<QJsonValue> {
        if (!st.isOk()) {
            return st.error ? st.error->toError()
                            : Error::internal(
                                  QCoreApplication::translate("shopdesk::server", "The platform did not answer."));
        }
        return QJsonValue(true);
    });
}

std::optional<platform::AgentPresence> presenceFrom(const QString& s)
{
    if (s == u"online") {
        return platform::AgentPresence::Online;
    }
    if (s == u"away") {
        return platform::AgentPresence::Away;
    }
    if (s == u"offline") {
        return platform::AgentPresence::Offline;
    }
    return std::nullopt;
}

/// A platform action on record before the platform hears of it (an action that cannot be audited
/// is not done), and its failure on record after.
template <typename Call>
QFuture<Result<QJsonValue>> audited(ServerBackend& b, QObject* context, const auth::Actor& a, const QString& action,
                                    const QString& target, const QString& detail, Call call)
{
    if (Status st = b.audit().recordNow(b.audit().entry(a.fullName(), action, target, detail)); !st) {
        return readyAnswer(Error::internal(
            QCoreApplication::translate("shopdesk::server", "Not done: the audit log could not record it (%1).")
                .arg(st.error().message)));
    }
    return call().then(context, [&b, a, action, target](platform::PlatformStatus st) -> Result<QJsonValue> {
        if (!st.isOk()) {
            b.audit().record(b.audit().entry(a.fullName(), action + QStringLiteral(".failed"), target));
            return st.error ? st.error->toError()
                            : Error::internal(
                                  QCoreApplication::translate("shopdesk::server", "The platform did not answer."));
        }
        return QJsonValue(true);
    });
}

std::optional<qint64> optionalId(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<qint64>(static_cast<qint64>(v.toDouble())) : std::nullopt;
}

} // namespace

void TeamServer::registerChatOps()
{
    ServerBackend& b = m_backend;
    ChatQueries& chats = m_chats;
    auto read = [this](const char* name, Handler h) { m_ops[QString::fromLatin1(name)] = Op{std::move(h), false, {}}; };
    auto act = [this](const char* name, AsyncHandler h) {
        m_ops[QString::fromLatin1(name)] = Op{Handler(), true, std::move(h)};
    };

    read("chats.mine", [&b, &chats](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        if (Status st = b.gate().check(a, auth::Operation::ChatRead); !st) {
            return st.error();
        }
        const Timestamp since =
            Timestamp::fromMs(static_cast<qint64>(r.args.value(QStringLiteral("since")).toDouble()));
        auto list = chats.mine(a.id, since);
        if (!list) {
            return list.error();
        }
        return QJsonValue(protocol::toJsonArray(*list));
    });
    read("chats.messages", [&b, &chats](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        if (Status st = b.gate().check(a, auth::Operation::ChatRead); !st) {
            return st.error();
        }
        const ConversationId id(static_cast<qint64>(r.args.value(QStringLiteral("conversation")).toDouble()));
        // A timeline is its agents' to read; anyone else's needs chat.supervise.
        auto mineToRead = chats.everHeld(a.id, id);
        if (!mineToRead) {
            return mineToRead.error();
        }
        if (!*mineToRead) {
            if (Status st = b.gate().check(a, auth::Operation::ChatSupervise); !st) {
                return st.error();
            }
        }
        auto page = chats.messages(id, r.args.value(QStringLiteral("limit")).toInt(50),
                                   optionalId(r.args.value(QStringLiteral("before"))),
                                   optionalId(r.args.value(QStringLiteral("after"))));
        if (!page) {
            return page.error();
        }
        return QJsonValue(protocol::toJsonArray(*page));
    });
    read("history.search", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto page = b.search().search(a, protocol::searchRequestFromJson(r.args));
        if (!page) {
            return page.error();
        }
        return QJsonValue(protocol::toJson(*page));
    });
    read("history.records", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto page = b.search().records(
            a, r.args.value(QStringLiteral("platform")).toString(), r.args.value(QStringLiteral("buyer")).toString(),
            r.args.value(QStringLiteral("query")).toString(), r.args.value(QStringLiteral("limit")).toInt(50));
        if (!page) {
            return page.error();
        }
        return QJsonValue(protocol::toJson(*page));
    });
    read("queue.live", [&b, &chats](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        if (Status st = b.gate().check(a, auth::Operation::QueueMonitor); !st) {
            return st.error();
        }
        auto open = chats.open();
        auto loads = chats.loads();
        auto routing = b.routing().load();
        if (!open || !loads || !routing) {
            return !open ? open.error() : !loads ? loads.error() : routing.error();
        }
        QJsonArray agents;
        for (const AgentLoad& l : *loads) {
            agents.append(QJsonObject{{QStringLiteral("name"), l.name},
                                      {QStringLiteral("status"), l.status},
                                      {QStringLiteral("active"), l.active}});
        }
        return QJsonValue(QJsonObject{{QStringLiteral("sessions"), protocol::toJsonArray(*open)},
                                      {QStringLiteral("agents"), agents},
                                      {QStringLiteral("routing"), protocol::toJson(*routing)}});
    });

    // Replies, closes, order cards and payment reminders through the router's ChatService: the
    // buyer must be the agent's (or chat.supervise), the text within the platform's limits.
    auto chat = [this](const char* name,
                       std::function<QFuture<Status>(ChatService&, const Request&, const auth::Actor&)> run) {
        m_ops[QString::fromLatin1(name)] =
            Op{Handler(), true, [this, run](Client&, const Request& r, const auth::Actor& a) {
                   return throughRouter(this, m_router ? m_router->chat() : nullptr,
                                        [&](ChatService& s) { return run(s, r, a); });
               }};
    };
    auto text = [](const Request& r, const char* key) { return r.args.value(QLatin1String(key)).toString(); };
    chat("chats.send", [text](ChatService& s, const Request& r, const auth::Actor& a) {
        // A reply a desk kept while offline: sent only within the lease (the buyer may have been
        // told something else meanwhile); the gate and the buyer's owner are checked as now.
        const qint64 waited = static_cast<qint64>(r.args.value(QStringLiteral("waitedMs")).toDouble());
        if (waited > protocol::kOfflineLeaseMs) {
            return QtFuture::makeReadyFuture(Status(Error::invalid(
                QCoreApplication::translate(
                    "shopdesk::server",
                    "This reply waited %1 s for the link, longer than the %2 s a reply may wait; not sent.")
                    .arg(waited / 1000)
                    .arg(protocol::kOfflineLeaseMs / 1000))));
        }
        return s.send(fixedActor(a), text(r, "buyer"), text(r, "text"));
    });
    chat("chats.close", [text](ChatService& s, const Request& r, const auth::Actor& a) {
        return s.close(fixedActor(a), text(r, "buyer"), text(r, "closingLine"), r.args.value("inviteRating").toBool());
    });
    chat("chats.orderCard", [text](ChatService& s, const Request& r, const auth::Actor& a) {
        return s.sendOrderCard(fixedActor(a), text(r, "buyer"), text(r, "order"));
    });
    chat("chats.remindPayment", [text](ChatService& s, const Request& r, const auth::Actor& a) {
        return s.remindPaymentWithCard(fixedActor(a), text(r, "buyer"), text(r, "order"));
    });
    act("reports.agents", [this, &b](Client&, const Request& r, const auth::Actor& a) {
        const Timestamp from = Timestamp::fromMs(static_cast<qint64>(r.args.value(QStringLiteral("from")).toDouble()));
        const Timestamp to = Timestamp::fromMs(static_cast<qint64>(r.args.value(QStringLiteral("to")).toDouble()));
        return b.agentReport(a, from, to, r.args.value(QStringLiteral("slow")).toInt(120), b.shop().timeZone)
            .then(this, [](const Result<AgentReport>& report) -> Result<QJsonValue> {
                if (!report) {
                    return report.error();
                }
                return QJsonValue(protocol::toJson(*report));
            });
    });
    read("chats.transferTargets", [&b, &chats](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        if (Status st = b.gate().check(a, auth::Operation::ChatTransfer); !st) {
            return st.error();
        }
        auto config = b.routing().load();
        auto loads = chats.loads();
        if (!config || !loads) {
            return !config ? config.error() : loads.error();
        }
        std::map<QString, AgentLoad> loadOf;
        for (const AgentLoad& l : *loads) {
            loadOf[l.name] = l;
        }
        // Colleagues with their status and load; a group is online when any of its agents is,
        // with their load and limits summed.
        std::map<QString, QJsonObject> groups;
        for (const routing::GroupConfig& g : config->groups) {
            groups[g.name] = QJsonObject{{QStringLiteral("group"), g.name},
                                         {QStringLiteral("status"), QStringLiteral("offline")},
                                         {QStringLiteral("load"), 0},
                                         {QStringLiteral("limit"), 0}};
        }
        QJsonArray agents;
        for (const routing::AgentConfig& agent : config->agents) {
            if (agent.name == a.name) {
                continue;
            }
            const AgentLoad l = loadOf.count(agent.name) ? loadOf[agent.name] : AgentLoad{agent.name, {}, 0};
            const QString status = l.status.isEmpty() ? QStringLiteral("offline") : l.status;
            const int limit = limitOf(*config, agent);
            agents.append(QJsonObject{{QStringLiteral("agent"), agent.name},
                                      {QStringLiteral("group"), agent.group},
                                      {QStringLiteral("status"), status},
                                      {QStringLiteral("load"), l.active},
                                      {QStringLiteral("limit"), limit}});
            if (auto g = groups.find(agent.group); g != groups.end() && status == u"online") {
                g->second[QStringLiteral("status")] = QStringLiteral("online");
                g->second[QStringLiteral("load")] = g->second[QStringLiteral("load")].toInt() + l.active;
                g->second[QStringLiteral("limit")] = g->second[QStringLiteral("limit")].toInt() + limit;
            }
        }
        QJsonArray out;
        for (const auto& [name, g] : groups) {
            out.append(g);
        }
        for (const QJsonValue& agent : agents) {
            out.append(agent);
        }
        return QJsonValue(out);
    });
    act("chats.transfer", [this, &b, &chats](Client&, const Request& r, const auth::Actor& a) {
        if (Status st = b.gate().check(a, auth::Operation::ChatTransfer); !st) {
            return readyAnswer(st.error());
        }
        const QString buyer = r.args.value(QStringLiteral("buyer")).toString();
        const QString toAgent = r.args.value(QStringLiteral("toAgent")).toString();
        const QString toGroup = r.args.value(QStringLiteral("toGroup")).toString();
        const QString note = r.args.value(QStringLiteral("note")).toString();
        const QString target = toAgent.isEmpty() ? toGroup : toAgent;
        if (buyer.isEmpty() || target.trimmed().isEmpty()) {
            return readyAnswer(Error::usage(
                QCoreApplication::translate("shopdesk::server", "Choose a colleague or a group to transfer to.")));
        }
        if (note.size() > 200) {
            return readyAnswer(Error::invalid(
                QCoreApplication::translate("shopdesk::server", "The note has at most 200 characters.")));
        }
        auto held = chats.heldBy(a.id, buyer);
        if (!held) {
            return readyAnswer(held.error());
        }
        // Another agent's buyer is moved only by a supervisor (the gate audits a refusal).
        const bool supervising = !*held;
        if (supervising) {
            if (Status st = b.gate().check(a, auth::Operation::ChatSupervise); !st) {
                return readyAnswer(st.error());
            }
        } else if (toAgent == a.name) {
            return readyAnswer(
                Error::invalid(QCoreApplication::translate("shopdesk::server", "The conversation is already yours.")));
        }
        if (!m_router) {
            return readyAnswer(notRouting());
        }
        ShopRouter* router = m_router;
        return audited(b, this, a, QStringLiteral("chat.transfer"), buyer, QStringLiteral("to %1").arg(target),
                       [=] { return router->transfer(a.name, buyer, toAgent, toGroup, note, supervising); });
    });
    act("presence.set", [this](Client&, const Request& r, const auth::Actor& a) {
        const auto presence = presenceFrom(r.args.value(QStringLiteral("status")).toString());
        if (!presence) {
            return readyAnswer(Error::usage(
                QCoreApplication::translate("shopdesk::server", "The status is online, away or offline.")));
        }
        if (!m_router) {
            return readyAnswer(notRouting());
        }
        return answered(m_router->setPresence(a.name, *presence), this);
    });
}

} // namespace shopdesk::server
