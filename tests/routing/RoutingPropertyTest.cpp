// Random scenarios (seeded): the engine agrees line for line with the naive reference router, and
// its output keeps the invariants: no buyer lost or held twice, free/queue assignments only below
// the limit, the queue served first-in first-out.

#include "routing/ReferenceRouter.h"
#include "routing/RoutingScenario.h"

#include "support/QtPrinters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

/// Builds a valid random scenario, using the reference router's state to keep events meaningful.
QJsonObject randomScenario(QRandomGenerator& rng)
{
    const QStringList groupNames{QStringLiteral("售前"), QStringLiteral("售后"), QStringLiteral("vip")};
    QJsonArray groups;
    const int groupCount = 1 + static_cast<int>(rng.bounded(3));
    for (int g = 0; g < groupCount; ++g) {
        groups.append(QJsonObject{{QStringLiteral("name"), groupNames[g]},
                                  {QStringLiteral("limit"), static_cast<int>(rng.bounded(4))}});
    }
    QJsonObject settings;
    const int q = static_cast<int>(rng.bounded(3));
    if (q == 0) {
        settings[QStringLiteral("queue")] = QStringLiteral("shop");
    } else if (q == 1) {
        settings[QStringLiteral("queue")] = QStringLiteral("off");
    } else {
        QJsonArray listed;
        for (int g = 0; g < groupCount; ++g) {
            if (rng.bounded(2)) {
                listed.append(groupNames[g]);
            }
        }
        settings[QStringLiteral("queue")] = listed;
    }
    settings[QStringLiteral("session_end_minutes")] = static_cast<int>(rng.bounded(4));
    settings[QStringLiteral("repeat_entry_minutes")] = static_cast<int>(rng.bounded(4));
    settings[QStringLiteral("handling_minutes")] = static_cast<int>(rng.bounded(6));

    const QStringList agentNames{QStringLiteral("小美"), QStringLiteral("阿强"), QStringLiteral("amy"),
                                 QStringLiteral("Bob"),  QStringLiteral("丙"),   QStringLiteral("乙")};
    const QStringList statuses{QStringLiteral("online"), QStringLiteral("away"), QStringLiteral("offline")};
    QJsonArray agents;
    const int agentCount = 1 + static_cast<int>(rng.bounded(6));
    for (int a = 0; a < agentCount; ++a) {
        QJsonObject o{{QStringLiteral("name"), agentNames[a]},
                      {QStringLiteral("status"), statuses[static_cast<int>(rng.bounded(3))]}};
        const bool grouped = rng.bounded(5) != 0;
        if (grouped) {
            o[QStringLiteral("group")] = groupNames[static_cast<int>(rng.bounded(static_cast<quint32>(groupCount)))];
        }
        if (!grouped || rng.bounded(3) == 0) {
            o[QStringLiteral("limit")] = static_cast<int>(rng.bounded(4));
        }
        agents.append(o);
    }
    QJsonObject scenario{
        {QStringLiteral("settings"), settings}, {QStringLiteral("groups"), groups}, {QStringLiteral("agents"), agents}};

    ReferenceRouter state(scenario);
    QJsonArray events;
    std::int64_t t = 0;
    const int eventCount = static_cast<int>(rng.bounded(80));
    for (int i = 0; i < eventCount; ++i) {
        t += rng.bounded(4) == 0 ? 0 : static_cast<std::int64_t>(rng.bounded(150));
        QJsonObject e{{QStringLiteral("t"), static_cast<qint64>(t)}};
        // Apply the timeouts due by now first, so that the state the event is chosen from is current.
        state.event(QJsonObject{{QStringLiteral("t"), static_cast<qint64>(t)},
                                {QStringLiteral("type"), QStringLiteral("tick")}});
        QStringList active;
        for (const auto& [name, b] : state.buyers()) {
            if (b.state == ReferenceRouter::Buyer::Active) {
                active << name;
            }
        }
        QStringList online;
        for (const auto& a : state.agents()) {
            if (a.status == u"online") {
                online << a.name;
            }
        }
        const int kind = static_cast<int>(rng.bounded(100));
        if (kind < 45 || (kind < 75 && active.isEmpty())) {
            e[QStringLiteral("type")] = QStringLiteral("buyer");
            e[QStringLiteral("buyer")] = QStringLiteral("b%1").arg(rng.bounded(12));
            if (rng.bounded(3) != 0) {
                e[QStringLiteral("group")] =
                    groupNames[static_cast<int>(rng.bounded(static_cast<quint32>(groupCount)))];
            }
        } else if (kind < 65) {
            e[QStringLiteral("type")] = QStringLiteral("agent");
            e[QStringLiteral("buyer")] = active[static_cast<int>(rng.bounded(static_cast<quint32>(active.size())))];
        } else if (kind < 72) {
            e[QStringLiteral("type")] = QStringLiteral("close");
            e[QStringLiteral("buyer")] = active[static_cast<int>(rng.bounded(static_cast<quint32>(active.size())))];
        } else if (kind < 78 && !online.isEmpty() && !active.isEmpty()) {
            e[QStringLiteral("type")] = QStringLiteral("transfer");
            e[QStringLiteral("buyer")] = active[static_cast<int>(rng.bounded(static_cast<quint32>(active.size())))];
            e[QStringLiteral("to")] = online[static_cast<int>(rng.bounded(static_cast<quint32>(online.size())))];
        } else if (kind < 90) {
            e[QStringLiteral("type")] = QStringLiteral("status");
            e[QStringLiteral("agent")] = agentNames[static_cast<int>(rng.bounded(static_cast<quint32>(agentCount)))];
            e[QStringLiteral("status")] = statuses[static_cast<int>(rng.bounded(3))];
        } else if (kind < 96) {
            const QJsonObject agent =
                agents[static_cast<int>(rng.bounded(static_cast<quint32>(agentCount)))].toObject();
            e[QStringLiteral("type")] = QStringLiteral("limit");
            e[QStringLiteral("agent")] = agent.value(QStringLiteral("name"));
            e[QStringLiteral("limit")] = agent.contains(QStringLiteral("group")) && rng.bounded(4) == 0
                                             ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(static_cast<int>(rng.bounded(4)));
        } else {
            e[QStringLiteral("type")] = QStringLiteral("tick");
        }
        state.event(e);
        events.append(e);
    }
    events.append(QJsonObject{{QStringLiteral("t"), static_cast<qint64>(t + 1000)},
                              {QStringLiteral("type"), QStringLiteral("tick")}});
    scenario[QStringLiteral("events")] = events;
    return scenario;
}

/// Replays output lines and checks the invariants; empty when they hold.
QString checkInvariants(const QJsonObject& scenario, const QStringList& lines,
                        const std::vector<std::pair<QString, QString>>& queueLog)
{
    std::size_t queueLogCursor = 0;
    std::map<QString, QString> groupOfAgent;
    std::map<QString, std::optional<int>> ownLimit;
    std::map<QString, int> groupLimit;
    for (const QJsonValue& g : scenario.value(QStringLiteral("groups")).toArray()) {
        groupLimit[g.toObject().value(QStringLiteral("name")).toString()] =
            g.toObject().value(QStringLiteral("limit")).toInt();
    }
    for (const QJsonValue& v : scenario.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject o = v.toObject();
        groupOfAgent[o.value(QStringLiteral("name")).toString()] = o.value(QStringLiteral("group")).toString();
        ownLimit[o.value(QStringLiteral("name")).toString()] =
            o.contains(QStringLiteral("limit")) ? std::optional<int>(o.value(QStringLiteral("limit")).toInt())
                                                : std::nullopt;
    }
    // Limits change with limit events. Lines carry no event index, so at a second with a change
    // either limit may apply: allow the larger of the limit before that second and those set in it.
    std::map<QString, std::vector<std::pair<qint64, std::optional<int>>>> limitChanges;
    for (const QJsonValue& e : scenario.value(QStringLiteral("events")).toArray()) {
        const QJsonObject l = e.toObject();
        if (l.value(QStringLiteral("type")).toString() == u"limit") {
            limitChanges[l.value(QStringLiteral("agent")).toString()].emplace_back(
                l.value(QStringLiteral("t")).toInteger(),
                l.value(QStringLiteral("limit")).isNull()
                    ? std::nullopt
                    : std::optional<int>(l.value(QStringLiteral("limit")).toInt()));
        }
    }
    auto allowance = [&](const QString& agent, qint64 t) {
        auto effective = [&](const std::optional<int>& own) { return own ? *own : groupLimit[groupOfAgent[agent]]; };
        std::optional<int> own = ownLimit[agent];
        int allowed = -1;
        for (const auto& [when, value] : limitChanges[agent]) {
            if (when < t) {
                own = value;
            } else if (when == t) {
                allowed = std::max(allowed, effective(value));
            }
        }
        return std::max(allowed, effective(own));
    };
    std::map<QString, QString> holder;      // buyer -> agent
    std::map<QString, int> load;            // agent -> sessions
    std::vector<QString> queue;             // FIFO
    std::map<QString, QString> queuedGroup; // buyer -> group it named when it joined the queue
    for (const QString& line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        const QString ev = o.value(QStringLiteral("event")).toString();
        const qint64 t = o.value(QStringLiteral("t")).toInteger();
        const QString buyer = o.value(QStringLiteral("buyer")).toString();
        const QString agent = o.value(QStringLiteral("agent")).toString();
        if (ev == u"assigned") {
            const QString reason = o.value(QStringLiteral("reason")).toString();
            if (reason == u"transfer") {
                if (!holder.count(buyer)) {
                    return QStringLiteral("transfer of %1 without a session").arg(buyer);
                }
                --load[holder[buyer]];
            } else if (holder.count(buyer)) {
                return QStringLiteral("%1 assigned while held by %2").arg(buyer, holder[buyer]);
            }
            const auto it = std::find(queue.begin(), queue.end(), buyer);
            if (reason == u"queue" || reason == u"overflow") {
                if (it != queue.end()) {
                    // FIFO: nobody queued before this buyer and eligible for this agent is still waiting.
                    for (auto before = queue.begin(); before != it; ++before) {
                        const QString g = queuedGroup[*before];
                        if (reason == u"queue" && (g.isEmpty() || g == groupOfAgent[agent])) {
                            return QStringLiteral("%1 served before %2 who queued earlier").arg(buyer, *before);
                        }
                    }
                    queue.erase(it);
                }
            } else if (it != queue.end()) {
                return QStringLiteral("%1 assigned (%2) while queued").arg(buyer, reason);
            }
            if ((reason == u"free" || reason == u"queue") && load[agent] >= allowance(agent, t)) {
                return QStringLiteral("%1 took %2 above its limit for a %3 assignment").arg(agent, buyer, reason);
            }
            holder[buyer] = agent;
            ++load[agent];
        } else if (ev == u"queued") {
            if (holder.count(buyer) || std::find(queue.begin(), queue.end(), buyer) != queue.end()) {
                return QStringLiteral("%1 queued twice or while held").arg(buyer);
            }
            queue.push_back(buyer);
            if (queueLogCursor >= queueLog.size() || queueLog[queueLogCursor].first != buyer) {
                return QStringLiteral("%1 queued out of step with the reference").arg(buyer);
            }
            queuedGroup[buyer] = queueLog[queueLogCursor++].second;
            if (o.value(QStringLiteral("position")).toInt() != static_cast<int>(queue.size())) {
                return QStringLiteral("%1 queued at a wrong position").arg(buyer);
            }
        } else if (ev == u"closed") {
            if (!holder.count(buyer) || holder[buyer] != agent) {
                return QStringLiteral("%1 closed but not held by %2").arg(buyer, agent);
            }
            holder.erase(buyer);
            --load[agent];
        } else if (ev == u"end") {
            // Nobody lost: every buyer is held by exactly the agent the end line says, or queued.
            std::size_t heldAtEnd = 0;
            const QJsonObject active = o.value(QStringLiteral("active")).toObject();
            for (const QString& a : active.keys()) {
                for (const QJsonValue& b : active.value(a).toArray()) {
                    ++heldAtEnd;
                    if (holder[b.toString()] != a) {
                        return QStringLiteral("end: %1 is not with %2").arg(b.toString(), a);
                    }
                }
            }
            if (heldAtEnd != holder.size() ||
                o.value(QStringLiteral("queue")).toArray().size() != static_cast<qsizetype>(queue.size())) {
                return QStringLiteral("end: buyers lost or invented");
            }
        }
    }
    return {};
}

} // namespace

TEST(RoutingProperties, TheEngineAgreesWithTheReferenceAndKeepsTheInvariants)
{
    QRandomGenerator rng(20261111);
    int assignments = 0;
    int queued = 0;
    for (int round = 0; round < 3000; ++round) {
        const QJsonObject scenario = randomScenario(rng);
        const QByteArray json = QJsonDocument(scenario).toJson(QJsonDocument::Compact);

        QStringList engine;
        const Status st =
            routing::runScenario(json, [&engine](const QByteArray& l) { engine << QString::fromUtf8(l); });
        ASSERT_TRUE(st.ok()) << st.error().message.toStdString() << "\n" << json.toStdString();

        ReferenceRouter reference(scenario);
        for (const QJsonValue& e : scenario.value(QStringLiteral("events")).toArray()) {
            ASSERT_TRUE(reference.event(e.toObject()));
        }
        QStringList expected;
        for (const QByteArray& l : reference.lines()) {
            expected << QString::fromUtf8(l);
        }
        expected << QString::fromUtf8(reference.endLine());
        ASSERT_EQ(engine, expected) << "round " << round << "\n" << json.toStdString();

        const QString broken = checkInvariants(scenario, engine, reference.queueLog());
        ASSERT_TRUE(broken.isEmpty()) << broken.toStdString() << "\n" << json.toStdString();
        assignments += static_cast<int>(engine.filter(QStringLiteral("\"assigned\"")).size());
        queued += static_cast<int>(engine.filter(QStringLiteral("\"queued\"")).size());
    }
    // The scenarios really exercise the rules.
    EXPECT_GT(assignments, 10000);
    EXPECT_GT(queued, 3000);
}
