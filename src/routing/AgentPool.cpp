#include "routing/AgentPool.h"

namespace shopdesk::routing {

AgentPool::AgentPool(std::vector<Agent> agents, std::vector<int> groupLimits)
    : m_agents(std::move(agents))
    , m_groupLimits(std::move(groupLimits))
    , m_groups(m_groupLimits.size())
{
    for (AgentIdx a = 0; a < size(); ++a) {
        index(a);
    }
}

int AgentPool::limit(AgentIdx a) const
{
    const Agent& ag = agent(a);
    if (ag.ownLimit) {
        return *ag.ownLimit;
    }
    return ag.group == kNoGroup ? 0 : m_groupLimits[static_cast<std::size_t>(ag.group)];
}

int AgentPool::onlineCount(GroupIdx group) const
{
    return static_cast<int>(setsOf(group).online.size());
}

AgentPool::Key AgentPool::key(AgentIdx a) const
{
    const Agent& ag = agent(a);
    return {ag.load, ag.lastAssigned, ag.nameRank, a};
}

void AgentPool::unindex(AgentIdx a)
{
    const Key k = key(a);
    const GroupIdx g = agent(a).group;
    for (Sets* s : {&m_all, g == kNoGroup ? nullptr : &setsOf(g)}) {
        if (s) {
            s->online.erase(k);
            s->free.erase(k);
        }
    }
}

void AgentPool::index(AgentIdx a)
{
    if (!online(a)) {
        return;
    }
    const Key k = key(a);
    const bool isFree = free(a);
    const GroupIdx g = agent(a).group;
    for (Sets* s : {&m_all, g == kNoGroup ? nullptr : &setsOf(g)}) {
        if (s) {
            s->online.insert(k);
            if (isFree) {
                s->free.insert(k);
            }
        }
    }
}

AgentIdx AgentPool::bestFree(GroupIdx eligible) const
{
    const auto& s = setsOf(eligible).free;
    return s.empty() ? -1 : s.begin()->agent;
}

AgentIdx AgentPool::leastLoadedOnline(GroupIdx eligible) const
{
    const auto& s = setsOf(eligible).online;
    return s.empty() ? -1 : s.begin()->agent;
}

void AgentPool::addLoad(AgentIdx a, int delta)
{
    unindex(a);
    m_agents[static_cast<std::size_t>(a)].load += delta;
    index(a);
}

void AgentPool::recordAssignment(AgentIdx a, std::int64_t t)
{
    unindex(a);
    Agent& ag = m_agents[static_cast<std::size_t>(a)];
    ++ag.load;
    ag.lastAssigned = t;
    index(a);
}

void AgentPool::setStatus(AgentIdx a, AgentStatus s)
{
    unindex(a);
    m_agents[static_cast<std::size_t>(a)].status = s;
    index(a);
}

void AgentPool::setOwnLimit(AgentIdx a, std::optional<int> l)
{
    unindex(a);
    m_agents[static_cast<std::size_t>(a)].ownLimit = l;
    index(a);
}

void AgentPool::setGroupLimit(GroupIdx g, int l)
{
    std::vector<AgentIdx> members;
    for (AgentIdx a = 0; a < size(); ++a) {
        if (agent(a).group == g) {
            members.push_back(a);
            unindex(a);
        }
    }
    m_groupLimits[static_cast<std::size_t>(g)] = l;
    for (AgentIdx a : members) {
        index(a);
    }
}

} // namespace shopdesk::routing
