#include "routing/RoutingScenario.h"

#include "core/JsonWriter.h"
#include "core/Utf8.h"
#include "routing/RoutingEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace shopdesk::routing {

namespace {

bool isWhole(const QJsonValue& v)
{
    return v.isDouble() && v.toDouble() == std::floor(v.toDouble()) && std::fabs(v.toDouble()) < 9.0e15;
}

Result<int> nonNegative(const QJsonObject& o, const char* key, const QString& where, std::optional<int> fallback = {})
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() && fallback) {
        return *fallback;
    }
    if (!isWhole(v) || v.toDouble() < 0 || v.toDouble() > 1'000'000) {
        return Error::invalid(QStringLiteral("%1: '%2' must be a whole number >= 0").arg(where, QLatin1String(key)));
    }
    return static_cast<int>(v.toDouble());
}

Result<Settings> parseSettings(const QJsonValue& value)
{
    if (!value.isObject()) {
        return Error::invalid(QStringLiteral("settings: missing or not an object"));
    }
    const QJsonObject o = value.toObject();
    Settings s;
    const QJsonValue q = o.value(QLatin1String("queue"));
    if (q == QJsonValue(QStringLiteral("shop"))) {
        s.queue = Settings::Queue::Shop;
    } else if (q == QJsonValue(QStringLiteral("off"))) {
        s.queue = Settings::Queue::Off;
    } else if (q.isArray()) {
        s.queue = Settings::Queue::Groups;
        for (const QJsonValue& g : q.toArray()) {
            if (!g.isString()) {
                return Error::invalid(QStringLiteral("settings: 'queue' lists group names"));
            }
            s.queueGroups << g.toString();
        }
    } else {
        return Error::invalid(QStringLiteral("settings: 'queue' must be \"shop\", \"off\" or a list of groups"));
    }
    const QString where = QStringLiteral("settings");
    auto end = nonNegative(o, "session_end_minutes", where);
    auto repeat = nonNegative(o, "repeat_entry_minutes", where);
    auto handling = nonNegative(o, "handling_minutes", where);
    for (const auto* r : {&end, &repeat, &handling}) {
        if (!*r) {
            return r->error();
        }
    }
    s.sessionEndMinutes = *end;
    s.repeatEntryMinutes = *repeat;
    s.handlingMinutes = *handling;
    return s;
}

class JsonSink final : public DecisionSink {
public:
    JsonSink(const RoutingEngine& engine, const std::function<void(const QByteArray&)>& output)
        : m_engine(engine)
        , m_emit(output)
    {
    }
    void decided(const Decision& d) override
    {
        JsonWriter w;
        w.add(u"t", static_cast<qint64>(d.t));
        switch (d.kind) {
        case Decision::Kind::Assigned:
            w.add(u"event", u"assigned")
                .add(u"buyer", m_engine.buyerName(d.buyer))
                .add(u"agent", m_engine.agentName(d.agent))
                .add(u"reason", reasonName(d.reason));
            break;
        case Decision::Kind::Queued:
            w.add(u"event", u"queued").add(u"buyer", m_engine.buyerName(d.buyer)).add(u"position", d.position);
            if (d.estimatedWaitSecs) {
                w.add(u"estimated_wait_s", static_cast<qint64>(*d.estimatedWaitSecs));
            } else {
                w.addNull(u"estimated_wait_s");
            }
            break;
        case Decision::Kind::Closed:
            w.add(u"event", u"closed")
                .add(u"buyer", m_engine.buyerName(d.buyer))
                .add(u"agent", m_engine.agentName(d.agent))
                .add(u"reason", d.closeReason == CloseReason::Timeout  ? u"timeout"
                                : d.closeReason == CloseReason::Manual ? u"manual"
                                                                       : u"left");
            break;
        }
        m_emit(w.toJson());
    }

private:
    const RoutingEngine& m_engine;
    const std::function<void(const QByteArray&)>& m_emit;
};

QString stringField(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

Status runEvent(RoutingEngine& engine, const QJsonObject& e, DecisionSink& sink)
{
    const QJsonValue tv = e.value(QLatin1String("t"));
    if (!isWhole(tv) || tv.toDouble() < 0) {
        return Error::invalid(QStringLiteral("'t' must be a whole number of seconds >= 0"));
    }
    const auto t = static_cast<std::int64_t>(tv.toDouble());
    const QString type = stringField(e, "type");
    auto agentNamed = [&](const char* key) -> Result<AgentIdx> {
        const QString name = stringField(e, key);
        auto a = engine.agentIndex(name);
        if (!a) {
            return Error::invalid(name.isEmpty() ? QStringLiteral("'%1' names no agent").arg(QLatin1String(key))
                                                 : QStringLiteral("unknown agent '%1'").arg(name));
        }
        return *a;
    };
    auto buyerNamed = [&]() -> Result<BuyerIdx> {
        const QString name = stringField(e, "buyer");
        if (name.isEmpty()) {
            return Error::invalid(QStringLiteral("'buyer' is missing"));
        }
        return engine.buyer(name);
    };

    if (type == u"buyer") {
        auto b = buyerNamed();
        if (!b) {
            return b.error();
        }
        const QJsonValue gv = e.value(QLatin1String("group"));
        if (!gv.isUndefined() && !gv.isNull() && !gv.isString()) {
            return Error::invalid(QStringLiteral("'group' must be a group name"));
        }
        auto g = engine.groupIndex(gv.toString());
        if (!g) {
            return Error::invalid(QStringLiteral("unknown group '%1'").arg(gv.toString()));
        }
        return engine.buyerMessage(t, *b, *g, sink);
    }
    if (type == u"agent" || type == u"close") {
        auto b = buyerNamed();
        if (!b) {
            return b.error();
        }
        return type == u"agent" ? engine.agentMessage(t, *b, sink) : engine.close(t, *b, sink);
    }
    if (type == u"status") {
        auto a = agentNamed("agent");
        if (!a) {
            return a.error();
        }
        auto s = statusFromName(stringField(e, "status"));
        if (!s) {
            return Error::invalid(QStringLiteral("'status' must be online, away or offline"));
        }
        return engine.setStatus(t, *a, *s, sink);
    }
    if (type == u"limit") {
        auto a = agentNamed("agent");
        if (!a) {
            return a.error();
        }
        const QJsonValue lv = e.value(QLatin1String("limit"));
        if (lv.isNull()) {
            return engine.setLimit(t, *a, std::nullopt, sink);
        }
        if (!isWhole(lv) || lv.toDouble() < 0) {
            return Error::invalid(QStringLiteral("'limit' must be a whole number >= 0 or null"));
        }
        return engine.setLimit(t, *a, static_cast<int>(lv.toDouble()), sink);
    }
    if (type == u"transfer") {
        auto b = buyerNamed();
        auto a = agentNamed("to");
        if (!b) {
            return b.error();
        }
        if (!a) {
            return a.error();
        }
        return engine.transfer(t, *b, *a, sink);
    }
    if (type == u"tick") {
        return engine.advance(t, sink);
    }
    return Error::invalid(QStringLiteral("unknown event type '%1'").arg(type.left(32)));
}

QByteArray endLine(const RoutingEngine& engine)
{
    std::vector<AgentIdx> agents(static_cast<std::size_t>(engine.agentCount()));
    for (AgentIdx a = 0; a < engine.agentCount(); ++a) {
        agents[static_cast<std::size_t>(a)] = a;
    }
    std::sort(agents.begin(), agents.end(),
              [&](AgentIdx x, AgentIdx y) { return lessByCodePoint(engine.agentName(x), engine.agentName(y)); });
    std::vector<QStringList> held(static_cast<std::size_t>(engine.agentCount()));
    for (BuyerIdx b = 0; b < engine.buyerCount(); ++b) {
        if (const AgentIdx a = engine.sessionAgent(b); a >= 0) {
            held[static_cast<std::size_t>(a)] << engine.buyerName(b);
        }
    }
    JsonWriter active;
    for (AgentIdx a : agents) {
        QStringList& buyers = held[static_cast<std::size_t>(a)];
        std::sort(buyers.begin(), buyers.end(),
                  [](const QString& x, const QString& y) { return lessByCodePoint(x, y); });
        active.addRaw(engine.agentName(a), JsonWriter::stringArray(buyers));
    }
    QStringList queue;
    for (BuyerIdx b : engine.queue()) {
        queue << engine.buyerName(b);
    }
    JsonWriter end;
    end.add(u"event", u"end").addRaw(u"active", active.toJson()).addRaw(u"queue", JsonWriter::stringArray(queue));
    return end.toJson();
}

} // namespace

Status runScenario(const QByteArray& json, const std::function<void(const QByteArray& line)>& output)
{
    if (auto bad = utf8::firstInvalidByte(json)) {
        return Error::invalid(QStringLiteral("invalid UTF-8 at byte %1").arg(*bad + 1));
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error::invalid(
            err.error != QJsonParseError::NoError
                ? QStringLiteral("invalid JSON (%1 at byte %2)").arg(err.errorString()).arg(err.offset + 1)
                : QStringLiteral("the scenario must be a JSON object"));
    }
    const QJsonObject root = doc.object();
    auto settings = parseSettings(root.value(QLatin1String("settings")));
    if (!settings) {
        return settings.error();
    }
    std::vector<GroupConfig> groups;
    const QJsonArray groupArray = root.value(QLatin1String("groups")).toArray();
    for (qsizetype i = 0; i < groupArray.size(); ++i) {
        const QJsonObject g = groupArray[i].toObject();
        auto limit = nonNegative(g, "limit", QStringLiteral("group %1").arg(i));
        if (!limit) {
            return limit.error();
        }
        groups.push_back({stringField(g, "name"), *limit});
    }
    std::vector<AgentConfig> agents;
    const QJsonArray agentArray = root.value(QLatin1String("agents")).toArray();
    for (qsizetype i = 0; i < agentArray.size(); ++i) {
        const QJsonObject a = agentArray[i].toObject();
        AgentConfig ac;
        ac.name = stringField(a, "name");
        ac.group = stringField(a, "group");
        if (a.contains(QLatin1String("limit")) && !a.value(QLatin1String("limit")).isNull()) {
            auto limit = nonNegative(a, "limit", QStringLiteral("agent %1").arg(i));
            if (!limit) {
                return limit.error();
            }
            ac.limit = *limit;
        }
        const QString status = stringField(a, "status");
        auto s = status.isEmpty() ? std::optional<AgentStatus>(AgentStatus::Offline) : statusFromName(status);
        if (!s) {
            return Error::invalid(QStringLiteral("agent %1: 'status' must be online, away or offline").arg(i));
        }
        ac.status = *s;
        agents.push_back(ac);
    }
    auto engine = RoutingEngine::create(*settings, groups, agents);
    if (!engine) {
        return engine.error();
    }
    const QJsonValue events = root.value(QLatin1String("events"));
    if (!events.isArray()) {
        return Error::invalid(QStringLiteral("'events' must be a list"));
    }
    JsonSink sink(**engine, output);
    const QJsonArray list = events.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list[i].isObject()) {
            return Error::invalid(QStringLiteral("event %1: not an object").arg(i));
        }
        if (Status st = runEvent(**engine, list[i].toObject(), sink); !st) {
            return Error::invalid(QStringLiteral("event %1: %2").arg(i).arg(st.error().message));
        }
    }
    output(endLine(**engine));
    return {};
}

} // namespace shopdesk::routing
