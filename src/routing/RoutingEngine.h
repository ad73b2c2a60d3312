#pragma once

#include "core/Result.h"
#include "routing/AgentPool.h"
#include "routing/BuyerQueue.h"
#include "routing/RoutingTypes.h"

#include <QHash>

#include <memory>
#include <optional>
#include <queue>
#include <vector>

namespace shopdesk::routing {

/// Decides which agent gets each buyer, who waits in the queue, and when sessions end: the rules of
/// docs/routing.md, exactly. Pure logic: time is the `t` of each call (whole seconds, never going
/// backwards), there are no threads and no I/O. Timeouts due at or before an event's time are
/// applied (and reported, at their own time) before the event.
class RoutingEngine {
public:
    /// Checks the configuration: known groups, non-negative limits and minutes, unique names,
    /// every agent with a limit (its own or its group's).
    static Result<std::unique_ptr<RoutingEngine>>
    create(const Settings& settings, const std::vector<GroupConfig>& groups, const std::vector<AgentConfig>& agents);

    std::optional<AgentIdx> agentIndex(QStringView name) const;
    /// kNoGroup for an empty name; nullopt for an unknown one.
    std::optional<GroupIdx> groupIndex(QStringView name) const;
    /// The group's name (empty for kNoGroup or an unknown index).
    QString groupName(GroupIdx g) const
    {
        return g >= 0 && static_cast<std::size_t>(g) < m_groupNames.size() ? m_groupNames[static_cast<std::size_t>(g)]
                                                                           : QString();
    }
    /// The index of a buyer, registering a new one.
    BuyerIdx buyer(const QString& name);
    const QString& buyerName(BuyerIdx b) const { return m_buyers[static_cast<std::size_t>(b)].name; }
    const QString& agentName(AgentIdx a) const { return m_pool.agent(a).name; }
    AgentStatus agentStatus(AgentIdx a) const { return m_pool.agent(a).status; }
    int agentCount() const { return m_pool.size(); }
    int buyerCount() const { return static_cast<int>(m_buyers.size()); }

    /// Rule 1 and 2: a buyer's message, naming a group or kNoGroup.
    Status buyerMessage(std::int64_t t, BuyerIdx b, GroupIdx group, DecisionSink& sink);
    /// An agent's message in the buyer's session: (re)starts the session-end clock.
    Status agentMessage(std::int64_t t, BuyerIdx b, DecisionSink& sink);
    Status setStatus(std::int64_t t, AgentIdx a, AgentStatus status, DecisionSink& sink);
    /// The agent's own limit (nullopt: back to the group's).
    Status setLimit(std::int64_t t, AgentIdx a, std::optional<int> limit, DecisionSink& sink);
    Status setGroupLimit(std::int64_t t, GroupIdx g, int limit, DecisionSink& sink);
    /// Rule 5: to another online agent, above its limit if need be; the timeout clock is kept.
    Status transfer(std::int64_t t, BuyerIdx b, AgentIdx to, DecisionSink& sink);
    Status close(std::int64_t t, BuyerIdx b, DecisionSink& sink);
    /// A queued buyer who gives up leaves the queue (reported as closed with reason Left).
    Status leaveQueue(std::int64_t t, BuyerIdx b, DecisionSink& sink);
    /// Where a transfer to a group goes: its best free member (rule 2b), else its least-loaded
    /// online member; -1 when nobody of the group is online.
    AgentIdx transferTarget(GroupIdx g) const;
    /// Only lets time pass (applies due timeouts).
    Status advance(std::int64_t t, DecisionSink& sink);
    /// When the earliest pending timeout falls due (it may have been cancelled since); none when idle.
    std::optional<std::int64_t> nextDeadline() const;
    /// New settings, effective at once (the queue is re-examined).
    Status configure(std::int64_t t, const Settings& settings, DecisionSink& sink);

    // Introspection (live queue, invariants, tests).
    const Settings& settings() const { return m_settings; }
    int load(AgentIdx a) const { return m_pool.agent(a).load; }
    int limit(AgentIdx a) const { return m_pool.limit(a); }
    AgentStatus status(AgentIdx a) const { return m_pool.agent(a).status; }
    GroupIdx agentGroup(AgentIdx a) const { return m_pool.agent(a).group; }
    /// The agent of the buyer's active session, or -1.
    AgentIdx sessionAgent(BuyerIdx b) const;
    bool queued(BuyerIdx b) const;
    std::vector<BuyerIdx> queue() const { return m_queue.buyers(); }
    /// The group a queued buyer waits for (kNoGroup: anyone); nullopt when not queued.
    std::optional<GroupIdx> queuedFor(BuyerIdx b) const
    {
        const Buyer& by = m_buyers[static_cast<std::size_t>(b)];
        return by.state == Buyer::State::Queued ? std::optional<GroupIdx>(by.queueEntry.group) : std::nullopt;
    }
    /// Whether an online agent eligible for `group` has room (then nobody of it should wait).
    bool hasRoomFor(GroupIdx group) const { return m_pool.bestFree(group) >= 0; }
    int queueLength() const { return m_queue.size(); }
    /// The estimate of rule 2c for a buyer now at `position`; nullopt when it waits only because
    /// nobody eligible is online.
    std::optional<std::int64_t> estimatedWait(int position, GroupIdx group, bool uncovered) const;
    std::int64_t now() const { return m_now; }

private:
    struct Buyer {
        enum class State { Idle, Active, Queued };
        QString name;
        State state = State::Idle;
        AgentIdx agent = -1;
        BuyerQueue::Entry queueEntry;
        std::uint32_t timerVersion = 0;
        std::optional<std::int64_t> lastEndedAt;
        AgentIdx lastAgent = -1;
    };
    struct Timer {
        std::int64_t due;
        std::int64_t seq;
        BuyerIdx buyer;
        std::uint32_t version;
        bool operator>(const Timer& o) const { return due != o.due ? due > o.due : seq > o.seq; }
    };

    RoutingEngine(Settings settings, AgentPool pool, std::vector<QString> groupNames);

    Status begin(std::int64_t t, DecisionSink& sink);
    Buyer& buyerRef(BuyerIdx b) { return m_buyers[static_cast<std::size_t>(b)]; }
    bool covers(GroupIdx group) const;
    void assign(BuyerIdx b, AgentIdx a, Reason reason, std::int64_t t, DecisionSink& sink);
    void endSession(BuyerIdx b, std::int64_t t, CloseReason reason, DecisionSink& sink);
    void enqueue(BuyerIdx b, GroupIdx group, bool uncovered, std::int64_t t, DecisionSink& sink);
    /// Rule 3 when agent `a` may have capacity (and, when it just came online, for the buyers who
    /// waited only because nobody eligible was online).
    void drainFor(AgentIdx a, std::int64_t t, bool cameOnline, DecisionSink& sink);
    /// Rule 3 for the whole queue (after settings change).
    void drainAll(std::int64_t t, DecisionSink& sink);
    /// Serves one queued buyer if rule 3 lets it; true when it left the queue.
    bool serveQueued(const BuyerQueue::Entry& e, std::int64_t t, DecisionSink& sink);

    Settings m_settings;
    AgentPool m_pool;
    std::vector<QString> m_groupNames;
    QHash<QString, AgentIdx> m_agentByName;
    QHash<QString, GroupIdx> m_groupByName;
    QHash<QString, BuyerIdx> m_buyerByName;
    std::vector<Buyer> m_buyers;
    BuyerQueue m_queue;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    std::int64_t m_timerSeq = 0;
    std::int64_t m_now = 0;
};

/// Unicode code-point order (QString compares UTF-16 units, which differs for characters beyond
/// the BMP).
bool lessByCodePoint(QStringView a, QStringView b);

} // namespace shopdesk::routing
