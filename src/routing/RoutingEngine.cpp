#include "routing/RoutingEngine.h"

#include <algorithm>
#include <numeric>

namespace shopdesk::routing {

const char* reasonName(Reason r)
{
    switch (r) {
    case Reason::Free:
        return "free";
    case Reason::Queue:
        return "queue";
    case Reason::Overflow:
        return "overflow";
    case Reason::RepeatEntry:
        return "repeat_entry";
    case Reason::RepeatEntryGroup:
        return "repeat_entry_group";
    case Reason::Transfer:
        return "transfer";
    }
    return "";
}

const char* statusName(AgentStatus s)
{
    switch (s) {
    case AgentStatus::Online:
        return "online";
    case AgentStatus::Away:
        return "away";
    case AgentStatus::Offline:
        return "offline";
    }
    return "";
}

std::optional<AgentStatus> statusFromName(QStringView name)
{
    for (AgentStatus s : {AgentStatus::Online, AgentStatus::Away, AgentStatus::Offline}) {
        if (name == QLatin1String(statusName(s))) {
            return s;
        }
    }
    return std::nullopt;
}

bool lessByCodePoint(QStringView a, QStringView b)
{
    const auto ua = a.toUcs4();
    const auto ub = b.toUcs4();
    return std::lexicographical_compare(ua.begin(), ua.end(), ub.begin(), ub.end());
}

Result<std::unique_ptr<RoutingEngine>> RoutingEngine::create(const Settings& settings,
                                                             const std::vector<GroupConfig>& groups,
                                                             const std::vector<AgentConfig>& agents)
{
    if (settings.sessionEndMinutes < 0 || settings.repeatEntryMinutes < 0 || settings.handlingMinutes < 0) {
        return Error::invalid(QStringLiteral("settings: minutes must not be negative"));
    }
    QHash<QString, GroupIdx> groupIndex;
    std::vector<QString> groupNames;
    std::vector<int> groupLimits;
    for (const GroupConfig& g : groups) {
        if (g.name.isEmpty() || groupIndex.contains(g.name)) {
            return Error::invalid(QStringLiteral("group '%1': empty or repeated name").arg(g.name));
        }
        if (g.limit < 0) {
            return Error::invalid(QStringLiteral("group '%1': the limit must not be negative").arg(g.name));
        }
        groupIndex.insert(g.name, static_cast<GroupIdx>(groupNames.size()));
        groupNames.push_back(g.name);
        groupLimits.push_back(g.limit);
    }
    if (settings.queue == Settings::Queue::Groups) {
        for (const QString& g : settings.queueGroups) {
            if (!groupIndex.contains(g)) {
                return Error::invalid(QStringLiteral("settings: the queue names an unknown group '%1'").arg(g));
            }
        }
    }
    std::vector<AgentPool::Agent> pool;
    QHash<QString, bool> seen;
    for (const AgentConfig& a : agents) {
        if (a.name.isEmpty() || seen.contains(a.name)) {
            return Error::invalid(QStringLiteral("agent '%1': empty or repeated name").arg(a.name));
        }
        seen.insert(a.name, true);
        AgentPool::Agent ag;
        ag.name = a.name;
        ag.ownLimit = a.limit;
        ag.status = a.status;
        if (!a.group.isEmpty()) {
            if (!groupIndex.contains(a.group)) {
                return Error::invalid(QStringLiteral("agent '%1': unknown group '%2'").arg(a.name, a.group));
            }
            ag.group = groupIndex.value(a.group);
        } else if (!a.limit) {
            return Error::invalid(
                QStringLiteral("agent '%1': no reception limit (give it a limit or a group)").arg(a.name));
        }
        if (a.limit && *a.limit < 0) {
            return Error::invalid(QStringLiteral("agent '%1': the limit must not be negative").arg(a.name));
        }
        pool.push_back(std::move(ag));
    }
    std::vector<int> order(pool.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        return lessByCodePoint(pool[static_cast<std::size_t>(x)].name, pool[static_cast<std::size_t>(y)].name);
    });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        pool[static_cast<std::size_t>(order[rank])].nameRank = static_cast<int>(rank);
    }
    return std::unique_ptr<RoutingEngine>(
        new RoutingEngine(settings, AgentPool(std::move(pool), std::move(groupLimits)), std::move(groupNames)));
}

RoutingEngine::RoutingEngine(Settings settings, AgentPool pool, std::vector<QString> groupNames)
    : m_settings(std::move(settings))
    , m_pool(std::move(pool))
    , m_groupNames(std::move(groupNames))
    , m_queue(static_cast<int>(m_groupNames.size()))
{
    for (AgentIdx a = 0; a < m_pool.size(); ++a) {
        m_agentByName.insert(m_pool.agent(a).name, a);
    }
    for (GroupIdx g = 0; g < static_cast<GroupIdx>(m_groupNames.size()); ++g) {
        m_groupByName.insert(m_groupNames[static_cast<std::size_t>(g)], g);
    }
}

std::optional<AgentIdx> RoutingEngine::agentIndex(QStringView name) const
{
    auto it = m_agentByName.constFind(name.toString());
    return it == m_agentByName.constEnd() ? std::nullopt : std::optional<AgentIdx>(it.value());
}

std::optional<GroupIdx> RoutingEngine::groupIndex(QStringView name) const
{
    if (name.isEmpty()) {
        return kNoGroup;
    }
    auto it = m_groupByName.constFind(name.toString());
    return it == m_groupByName.constEnd() ? std::nullopt : std::optional<GroupIdx>(it.value());
}

BuyerIdx RoutingEngine::buyer(const QString& name)
{
    auto it = m_buyerByName.constFind(name);
    if (it != m_buyerByName.constEnd()) {
        return it.value();
    }
    const auto idx = static_cast<BuyerIdx>(m_buyers.size());
    m_buyers.push_back(Buyer{name, {}, -1, {}, 0, std::nullopt, -1});
    m_buyerByName.insert(name, idx);
    return idx;
}

AgentIdx RoutingEngine::sessionAgent(BuyerIdx b) const
{
    const Buyer& by = m_buyers[static_cast<std::size_t>(b)];
    return by.state == Buyer::State::Active ? by.agent : -1;
}

bool RoutingEngine::queued(BuyerIdx b) const
{
    return m_buyers[static_cast<std::size_t>(b)].state == Buyer::State::Queued;
}

bool RoutingEngine::covers(GroupIdx group) const
{
    switch (m_settings.queue) {
    case Settings::Queue::Shop:
        return true;
    case Settings::Queue::Off:
        return false;
    case Settings::Queue::Groups:
        return group != kNoGroup && m_settings.queueGroups.contains(m_groupNames[static_cast<std::size_t>(group)]);
    }
    return false;
}

std::optional<std::int64_t> RoutingEngine::estimatedWait(int position, GroupIdx group, bool uncovered) const
{
    if (uncovered) {
        return std::nullopt;
    }
    const std::int64_t agents = std::max(1, m_pool.onlineCount(group));
    return (position + agents - 1) / agents * m_settings.handlingMinutes * 60;
}

Status RoutingEngine::begin(std::int64_t t, DecisionSink& sink)
{
    if (t < m_now) {
        return Error::invalid(QStringLiteral("time goes backwards (%1 after %2)").arg(t).arg(m_now));
    }
    while (!m_timers.empty() && m_timers.top().due <= t) {
        const Timer timer = m_timers.top();
        m_timers.pop();
        Buyer& b = buyerRef(timer.buyer);
        if (b.state == Buyer::State::Active && b.timerVersion == timer.version) {
            m_now = timer.due;
            endSession(timer.buyer, timer.due, CloseReason::Timeout, sink);
        }
    }
    m_now = t;
    return {};
}

void RoutingEngine::assign(BuyerIdx b, AgentIdx a, Reason reason, std::int64_t t, DecisionSink& sink)
{
    Buyer& by = buyerRef(b);
    by.state = Buyer::State::Active;
    by.agent = a;
    m_pool.recordAssignment(a, t);
    Decision d;
    d.kind = Decision::Kind::Assigned;
    d.t = t;
    d.buyer = b;
    d.agent = a;
    d.reason = reason;
    sink.decided(d);
}

void RoutingEngine::endSession(BuyerIdx b, std::int64_t t, CloseReason reason, DecisionSink& sink)
{
    Buyer& by = buyerRef(b);
    const AgentIdx a = by.agent;
    by.state = Buyer::State::Idle;
    by.agent = -1;
    by.lastEndedAt = t;
    by.lastAgent = a;
    ++by.timerVersion;
    m_pool.addLoad(a, -1);
    Decision d;
    d.kind = Decision::Kind::Closed;
    d.t = t;
    d.buyer = b;
    d.agent = a;
    d.closeReason = reason;
    sink.decided(d);
    drainFor(a, t, false, sink);
}

void RoutingEngine::enqueue(BuyerIdx b, GroupIdx group, bool uncovered, std::int64_t t, DecisionSink& sink)
{
    Buyer& by = buyerRef(b);
    std::int64_t seq = 0;
    const int position = m_queue.push(b, group, uncovered, seq);
    by.state = Buyer::State::Queued;
    by.queueEntry = {seq, b, group, uncovered};
    Decision d;
    d.kind = Decision::Kind::Queued;
    d.t = t;
    d.buyer = b;
    d.position = position;
    d.estimatedWaitSecs = estimatedWait(position, group, uncovered);
    sink.decided(d);
}

Status RoutingEngine::buyerMessage(std::int64_t t, BuyerIdx b, GroupIdx group, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    Buyer& by = buyerRef(b);
    if (by.state == Buyer::State::Active) {
        ++by.timerVersion; // the buyer wrote: the session-end clock stops until the agent answers
        return {};
    }
    if (by.state == Buyer::State::Queued) {
        return {};
    }
    // 2a. Repeat entry.
    if (m_settings.repeatEntryMinutes > 0 && by.lastEndedAt &&
        t - *by.lastEndedAt <= static_cast<std::int64_t>(m_settings.repeatEntryMinutes) * 60) {
        const AgentIdx original = by.lastAgent;
        if (m_pool.online(original)) {
            assign(b, original, Reason::RepeatEntry, t, sink);
            return {};
        }
        const GroupIdx g = m_pool.agent(original).group;
        if (g != kNoGroup) {
            if (const AgentIdx colleague = m_pool.leastLoadedOnline(g); colleague >= 0) {
                assign(b, colleague, Reason::RepeatEntryGroup, t, sink);
                return {};
            }
        }
    }
    // 2b. A free eligible agent.
    if (const AgentIdx a = m_pool.bestFree(group); a >= 0) {
        assign(b, a, Reason::Free, t, sink);
        return {};
    }
    // 2c. The queue.
    if (covers(group)) {
        enqueue(b, group, false, t, sink);
        return {};
    }
    // 2d. Not covered: overflow, or wait for someone eligible to come online.
    if (const AgentIdx a = m_pool.leastLoadedOnline(group); a >= 0) {
        assign(b, a, Reason::Overflow, t, sink);
        return {};
    }
    enqueue(b, group, true, t, sink);
    return {};
}

Status RoutingEngine::agentMessage(std::int64_t t, BuyerIdx b, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    Buyer& by = buyerRef(b);
    if (by.state != Buyer::State::Active) {
        return Error::invalid(QStringLiteral("an agent message for %1, who has no session").arg(by.name));
    }
    ++by.timerVersion;
    m_timers.push({t + static_cast<std::int64_t>(m_settings.sessionEndMinutes) * 60, ++m_timerSeq, b, by.timerVersion});
    return {};
}

Status RoutingEngine::setStatus(std::int64_t t, AgentIdx a, AgentStatus status, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    const bool cameOnline = status == AgentStatus::Online && !m_pool.online(a);
    m_pool.setStatus(a, status);
    if (cameOnline) {
        drainFor(a, t, true, sink);
    }
    return {};
}

Status RoutingEngine::setLimit(std::int64_t t, AgentIdx a, std::optional<int> limit, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    if (limit && *limit < 0) {
        return Error::invalid(QStringLiteral("the limit must not be negative"));
    }
    if (!limit && m_pool.agent(a).group == kNoGroup) {
        return Error::invalid(QStringLiteral("%1 is in no group: it needs its own limit").arg(agentName(a)));
    }
    m_pool.setOwnLimit(a, limit);
    drainFor(a, t, false, sink);
    return {};
}

Status RoutingEngine::setGroupLimit(std::int64_t t, GroupIdx g, int limit, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    if (limit < 0) {
        return Error::invalid(QStringLiteral("the limit must not be negative"));
    }
    m_pool.setGroupLimit(g, limit);
    drainAll(t, sink);
    return {};
}

Status RoutingEngine::transfer(std::int64_t t, BuyerIdx b, AgentIdx to, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    Buyer& by = buyerRef(b);
    if (by.state != Buyer::State::Active) {
        return Error::invalid(QStringLiteral("a transfer of %1, who has no session").arg(by.name));
    }
    if (!m_pool.online(to)) {
        return Error::invalid(QStringLiteral("a transfer to %1, who is not online").arg(agentName(to)));
    }
    const AgentIdx from = by.agent;
    m_pool.addLoad(from, -1);
    assign(b, to, Reason::Transfer, t, sink); // the session-end clock is kept
    drainFor(from, t, false, sink);
    return {};
}

Status RoutingEngine::close(std::int64_t t, BuyerIdx b, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    if (buyerRef(b).state != Buyer::State::Active) {
        return Error::invalid(QStringLiteral("a close for %1, who has no session").arg(buyerName(b)));
    }
    endSession(b, t, CloseReason::Manual, sink);
    return {};
}

Status RoutingEngine::leaveQueue(std::int64_t t, BuyerIdx b, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    Buyer& by = buyerRef(b);
    if (by.state != Buyer::State::Queued) {
        return Error::invalid(QStringLiteral("%1 is not in the queue").arg(by.name));
    }
    m_queue.remove(by.queueEntry);
    by.state = Buyer::State::Idle;
    Decision d;
    d.kind = Decision::Kind::Closed;
    d.t = t;
    d.buyer = b;
    d.closeReason = CloseReason::Left;
    sink.decided(d);
    return {};
}

AgentIdx RoutingEngine::transferTarget(GroupIdx g) const
{
    const AgentIdx free = m_pool.bestFree(g);
    return free >= 0 ? free : m_pool.leastLoadedOnline(g);
}

Status RoutingEngine::advance(std::int64_t t, DecisionSink& sink)
{
    return begin(t, sink);
}

std::optional<std::int64_t> RoutingEngine::nextDeadline() const
{
    if (m_timers.empty()) {
        return std::nullopt;
    }
    return m_timers.top().due;
}

Status RoutingEngine::configure(std::int64_t t, const Settings& settings, DecisionSink& sink)
{
    if (Status st = begin(t, sink); !st) {
        return st;
    }
    if (settings.sessionEndMinutes < 0 || settings.repeatEntryMinutes < 0 || settings.handlingMinutes < 0) {
        return Error::invalid(QStringLiteral("minutes must not be negative"));
    }
    for (const QString& g : settings.queueGroups) {
        if (settings.queue == Settings::Queue::Groups && !m_groupByName.contains(g)) {
            return Error::invalid(QStringLiteral("the queue names an unknown group '%1'").arg(g));
        }
    }
    m_settings = settings;
    drainAll(t, sink);
    return {};
}

bool RoutingEngine::serveQueued(const BuyerQueue::Entry& e, std::int64_t t, DecisionSink& sink)
{
    if (const AgentIdx a = m_pool.bestFree(e.group); a >= 0) {
        m_queue.remove(e);
        assign(e.buyer, a, Reason::Queue, t, sink);
        return true;
    }
    if (e.uncovered) {
        if (const AgentIdx a = m_pool.leastLoadedOnline(e.group); a >= 0) {
            m_queue.remove(e);
            assign(e.buyer, a, Reason::Overflow, t, sink);
            return true;
        }
    }
    return false;
}

void RoutingEngine::drainFor(AgentIdx a, std::int64_t t, bool cameOnline, DecisionSink& sink)
{
    if (!m_pool.online(a)) {
        return;
    }
    // Before this event no queued buyer had a free eligible agent, and buyers waiting for lack of
    // anyone online had no eligible agent online at all. So only buyers eligible for `a` can move
    // now: covered ones while `a` has room, uncovered ones when `a` just came online.
    const GroupIdx g = m_pool.agent(a).group;
    std::int64_t cursor = 0;
    for (;;) {
        const bool room = m_pool.free(a);
        if (!room && !cameOnline) {
            return;
        }
        const auto next = m_queue.nextEligible(g, cursor, room, cameOnline);
        if (!next) {
            return;
        }
        cursor = next->seq + 1;
        serveQueued(*next, t, sink);
    }
}

void RoutingEngine::drainAll(std::int64_t t, DecisionSink& sink)
{
    std::int64_t cursor = 0;
    while (auto next = m_queue.next(cursor)) {
        cursor = next->seq + 1;
        BuyerQueue::Entry e = *next;
        m_queue.setUncovered(e, !covers(e.group));
        buyerRef(e.buyer).queueEntry = e;
        serveQueued(e, t, sink);
    }
}

} // namespace shopdesk::routing
