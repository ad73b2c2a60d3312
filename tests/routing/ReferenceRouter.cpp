#include "routing/ReferenceRouter.h"

#include "core/JsonWriter.h"

#include <QJsonArray>

#include <algorithm>

namespace shopdesk::test {

namespace {

bool codePointLess(const QString& a, const QString& b)
{
    const auto x = a.toUcs4();
    const auto y = b.toUcs4();
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end());
}

} // namespace

ReferenceRouter::ReferenceRouter(const QJsonObject& scenario)
{
    const QJsonObject s = scenario.value(QStringLiteral("settings")).toObject();
    const QJsonValue q = s.value(QStringLiteral("queue"));
    if (q.isArray()) {
        m_queue = QStringLiteral("groups");
        for (const QJsonValue& g : q.toArray()) {
            m_queueGroups << g.toString();
        }
    } else {
        m_queue = q.toString();
    }
    m_sessionEnd = s.value(QStringLiteral("session_end_minutes")).toInt();
    m_repeat = s.value(QStringLiteral("repeat_entry_minutes")).toInt();
    m_handling = s.value(QStringLiteral("handling_minutes")).toInt();
    for (const QJsonValue& g : scenario.value(QStringLiteral("groups")).toArray()) {
        m_groupLimits[g.toObject().value(QStringLiteral("name")).toString()] =
            g.toObject().value(QStringLiteral("limit")).toInt();
    }
    for (const QJsonValue& v : scenario.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject o = v.toObject();
        Agent a;
        a.name = o.value(QStringLiteral("name")).toString();
        a.group = o.value(QStringLiteral("group")).toString();
        if (o.contains(QStringLiteral("limit"))) {
            a.own = o.value(QStringLiteral("limit")).toInt();
        }
        a.status = o.value(QStringLiteral("status")).toString(QStringLiteral("offline"));
        m_agents.push_back(a);
    }
}

bool ReferenceRouter::online(const QString& agent) const
{
    for (const Agent& a : m_agents) {
        if (a.name == agent) {
            return a.status == u"online";
        }
    }
    return false;
}

int ReferenceRouter::limitOf(const Agent& a) const
{
    return a.own ? *a.own : m_groupLimits.at(a.group);
}

bool ReferenceRouter::eligible(const Agent& a, const QString& buyerGroup) const
{
    return buyerGroup.isEmpty() || a.group == buyerGroup;
}

bool ReferenceRouter::covers(const QString& buyerGroup) const
{
    if (m_queue == u"shop") {
        return true;
    }
    if (m_queue == u"off") {
        return false;
    }
    return !buyerGroup.isEmpty() && m_queueGroups.contains(buyerGroup);
}

ReferenceRouter::Agent* ReferenceRouter::pick(const QString& buyerGroup, bool mustBeFree)
{
    Agent* best = nullptr;
    for (Agent& a : m_agents) {
        if (a.status != u"online" || !eligible(a, buyerGroup) || (mustBeFree && a.load >= limitOf(a))) {
            continue;
        }
        if (!best || a.load < best->load || (a.load == best->load && a.lastAssigned < best->lastAssigned) ||
            (a.load == best->load && a.lastAssigned == best->lastAssigned && codePointLess(a.name, best->name))) {
            best = &a;
        }
    }
    return best;
}

ReferenceRouter::Agent* ReferenceRouter::agentNamed(const QString& name)
{
    for (Agent& a : m_agents) {
        if (a.name == name) {
            return &a;
        }
    }
    return nullptr;
}

void ReferenceRouter::assign(const QString& buyer, Agent& a, const char* reason, std::int64_t t)
{
    Buyer& b = m_buyers[buyer];
    b.state = Buyer::Active;
    b.agent = a.name;
    ++a.load;
    a.lastAssigned = t;
    JsonWriter w;
    w.add(u"t", static_cast<qint64>(t))
        .add(u"event", u"assigned")
        .add(u"buyer", buyer)
        .add(u"agent", a.name)
        .add(u"reason", reason);
    m_lines.push_back(w.toJson());
}

void ReferenceRouter::end(const QString& buyer, std::int64_t t, const char* reason)
{
    Buyer& b = m_buyers[buyer];
    Agent* a = agentNamed(b.agent);
    --a->load;
    b.state = Buyer::Idle;
    b.lastEnded = t;
    b.lastAgent = b.agent;
    b.due.reset();
    JsonWriter w;
    w.add(u"t", static_cast<qint64>(t))
        .add(u"event", u"closed")
        .add(u"buyer", buyer)
        .add(u"agent", a->name)
        .add(u"reason", reason);
    m_lines.push_back(w.toJson());
    drain(t);
}

void ReferenceRouter::drain(std::int64_t t)
{
    // Rule 3, literally: the whole queue in FIFO order.
    std::vector<std::pair<std::int64_t, QString>> queue;
    for (const auto& [name, b] : m_buyers) {
        if (b.state == Buyer::Queued) {
            queue.emplace_back(b.queueSeq, name);
        }
    }
    std::sort(queue.begin(), queue.end());
    for (const auto& [seq, name] : queue) {
        Buyer& b = m_buyers[name];
        if (Agent* f = pick(b.group, true)) {
            assign(name, *f, "queue", t);
        } else if (!covers(b.group)) {
            if (Agent* o = pick(b.group, false)) {
                assign(name, *o, "overflow", t);
            }
        }
    }
}

void ReferenceRouter::timeouts(std::int64_t upTo)
{
    for (;;) {
        QString next;
        for (const auto& [name, b] : m_buyers) {
            if (b.state == Buyer::Active && b.due && *b.due <= upTo &&
                (next.isEmpty() || *b.due < *m_buyers[next].due ||
                 (*b.due == *m_buyers[next].due && b.dueSeq < m_buyers[next].dueSeq))) {
                next = name;
            }
        }
        if (next.isEmpty()) {
            return;
        }
        end(next, *m_buyers[next].due, "timeout");
    }
}

bool ReferenceRouter::event(const QJsonObject& e)
{
    const std::int64_t t = static_cast<std::int64_t>(e.value(QStringLiteral("t")).toDouble());
    if (t < m_now) {
        return false;
    }
    timeouts(t);
    m_now = t;
    const QString type = e.value(QStringLiteral("type")).toString();
    const QString buyerName = e.value(QStringLiteral("buyer")).toString();
    if (type == u"buyer") {
        Buyer& b = m_buyers[buyerName];
        const QString group = e.value(QStringLiteral("group")).toString();
        if (b.state == Buyer::Active) {
            b.due.reset();
            return true;
        }
        if (b.state == Buyer::Queued) {
            return true;
        }
        if (m_repeat > 0 && b.lastEnded && t - *b.lastEnded <= m_repeat * 60) {
            Agent* original = agentNamed(b.lastAgent);
            if (original->status == u"online") {
                assign(buyerName, *original, "repeat_entry", t);
                return true;
            }
            if (!original->group.isEmpty()) {
                if (Agent* c = pick(original->group, false)) {
                    assign(buyerName, *c, "repeat_entry_group", t);
                    return true;
                }
            }
        }
        if (Agent* f = pick(group, true)) {
            assign(buyerName, *f, "free", t);
            return true;
        }
        const bool covered = covers(group);
        Agent* overflow = covered ? nullptr : pick(group, false);
        if (overflow) {
            assign(buyerName, *overflow, "overflow", t);
            return true;
        }
        b.state = Buyer::Queued;
        b.group = group;
        b.queueSeq = ++m_seq;
        m_queueLog.emplace_back(buyerName, group);
        int position = 0;
        int eligibleOnline = 0;
        for (const auto& [n, other] : m_buyers) {
            position += other.state == Buyer::Queued ? 1 : 0;
        }
        for (const Agent& a : m_agents) {
            eligibleOnline += a.status == u"online" && eligible(a, group) ? 1 : 0;
        }
        JsonWriter w;
        w.add(u"t", static_cast<qint64>(t))
            .add(u"event", u"queued")
            .add(u"buyer", buyerName)
            .add(u"position", position);
        if (covered) {
            const int n = std::max(1, eligibleOnline);
            w.add(u"estimated_wait_s", static_cast<qint64>((position + n - 1) / n * m_handling * 60));
        } else {
            w.addNull(u"estimated_wait_s");
        }
        m_lines.push_back(w.toJson());
        return true;
    }
    if (type == u"agent") {
        Buyer& b = m_buyers[buyerName];
        if (b.state != Buyer::Active) {
            return false;
        }
        b.due = t + m_sessionEnd * 60;
        b.dueSeq = ++m_seq;
        return true;
    }
    if (type == u"close") {
        if (m_buyers[buyerName].state != Buyer::Active) {
            return false;
        }
        end(buyerName, t, "manual");
        return true;
    }
    if (type == u"transfer") {
        Buyer& b = m_buyers[buyerName];
        Agent* to = agentNamed(e.value(QStringLiteral("to")).toString());
        if (b.state != Buyer::Active || !to || to->status != u"online") {
            return false;
        }
        --agentNamed(b.agent)->load;
        assign(buyerName, *to, "transfer", t);
        drain(t);
        return true;
    }
    if (type == u"status") {
        Agent* a = agentNamed(e.value(QStringLiteral("agent")).toString());
        const QString status = e.value(QStringLiteral("status")).toString();
        const bool cameOnline = status == u"online" && a->status != u"online";
        a->status = status;
        if (cameOnline) {
            drain(t);
        }
        return true;
    }
    if (type == u"limit") {
        Agent* a = agentNamed(e.value(QStringLiteral("agent")).toString());
        const QJsonValue l = e.value(QStringLiteral("limit"));
        a->own = l.isNull() ? std::nullopt : std::optional<int>(l.toInt());
        drain(t);
        return true;
    }
    return type == u"tick";
}

QByteArray ReferenceRouter::endLine() const
{
    std::vector<Agent> agents = m_agents;
    std::sort(agents.begin(), agents.end(),
              [](const Agent& a, const Agent& b) { return codePointLess(a.name, b.name); });
    JsonWriter active;
    for (const Agent& a : agents) {
        QStringList held;
        for (const auto& [name, b] : m_buyers) {
            if (b.state == Buyer::Active && b.agent == a.name) {
                held << name;
            }
        }
        std::sort(held.begin(), held.end(), codePointLess);
        active.addRaw(a.name, JsonWriter::stringArray(held));
    }
    std::vector<std::pair<std::int64_t, QString>> queue;
    for (const auto& [name, b] : m_buyers) {
        if (b.state == Buyer::Queued) {
            queue.emplace_back(b.queueSeq, name);
        }
    }
    std::sort(queue.begin(), queue.end());
    QStringList q;
    for (const auto& [seq, name] : queue) {
        q << name;
    }
    JsonWriter end;
    end.add(u"event", u"end").addRaw(u"active", active.toJson()).addRaw(u"queue", JsonWriter::stringArray(q));
    return end.toJson();
}

} // namespace shopdesk::test
