#pragma once

#include "routing/RoutingTypes.h"

#include <set>
#include <vector>

namespace shopdesk::routing {

/// The agents, their loads and the ordered sets the rules choose from. The choice order of the
/// rules - lowest load, then earliest last assignment (never = earliest), then name - is the
/// order of these sets, so every choice is a lookup (O(log n)), never a scan of the agents.
class AgentPool {
public:
    struct Agent {
        QString name;
        GroupIdx group = kNoGroup;
        std::optional<int> ownLimit;
        AgentStatus status = AgentStatus::Offline;
        int load = 0;
        std::int64_t lastAssigned = -1; ///< -1: never assigned
        int nameRank = 0;               ///< position of the name in code-point order
    };

    /// `groupLimits[g]` is group g's default limit.
    AgentPool(std::vector<Agent> agents, std::vector<int> groupLimits);

    int size() const { return static_cast<int>(m_agents.size()); }
    const Agent& agent(AgentIdx a) const { return m_agents[static_cast<std::size_t>(a)]; }
    int limit(AgentIdx a) const;
    bool online(AgentIdx a) const { return agent(a).status == AgentStatus::Online; }
    bool free(AgentIdx a) const { return online(a) && agent(a).load < limit(a); }
    /// Online agents eligible for a buyer of `group` (all agents for kNoGroup).
    int onlineCount(GroupIdx group) const;

    /// The free eligible agent the rules pick, or -1.
    AgentIdx bestFree(GroupIdx eligible) const;
    /// The least-loaded eligible online agent (above its limit or not), or -1.
    AgentIdx leastLoadedOnline(GroupIdx eligible) const;

    void addLoad(AgentIdx a, int delta);
    /// One more session, assigned at `t`.
    void recordAssignment(AgentIdx a, std::int64_t t);
    void setStatus(AgentIdx a, AgentStatus s);
    void setOwnLimit(AgentIdx a, std::optional<int> limit);
    void setGroupLimit(GroupIdx g, int limit);

private:
    struct Key {
        int load;
        std::int64_t lastAssigned;
        int nameRank;
        AgentIdx agent;
        bool operator<(const Key& o) const
        {
            if (load != o.load) {
                return load < o.load;
            }
            if (lastAssigned != o.lastAssigned) {
                return lastAssigned < o.lastAssigned;
            }
            return nameRank < o.nameRank;
        }
    };
    struct Sets {
        std::set<Key> online;
        std::set<Key> free;
    };

    Key key(AgentIdx a) const;
    Sets& setsOf(GroupIdx g) { return g == kNoGroup ? m_all : m_groups[static_cast<std::size_t>(g)]; }
    const Sets& setsOf(GroupIdx g) const { return g == kNoGroup ? m_all : m_groups[static_cast<std::size_t>(g)]; }
    /// Takes the agent out of / puts it back into every set it belongs to; every change of load,
    /// last assignment, status or limit goes between the two.
    void unindex(AgentIdx a);
    void index(AgentIdx a);

    std::vector<Agent> m_agents;
    std::vector<int> m_groupLimits;
    std::vector<Sets> m_groups;
    Sets m_all;
};

} // namespace shopdesk::routing
