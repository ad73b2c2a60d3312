#pragma once

#include "routing/RoutingTypes.h"

#include <map>
#include <optional>
#include <vector>

namespace shopdesk::routing {

/// The single FIFO queue, indexed by the group each buyer named and by whether the queue covers
/// it, so that when one agent gets capacity only the buyers eligible for that agent are visited.
class BuyerQueue {
public:
    struct Entry {
        std::int64_t seq = 0;
        BuyerIdx buyer = 0;
        GroupIdx group = kNoGroup;
        bool uncovered = false; ///< waits only because nobody eligible was online
    };

    explicit BuyerQueue(int groupCount);

    /// Appends; returns the 1-based position.
    int push(BuyerIdx buyer, GroupIdx group, bool uncovered, std::int64_t& seq);
    void remove(const Entry& e);
    void setUncovered(Entry& e, bool uncovered);
    int size() const { return static_cast<int>(m_all.size()); }

    /// The first entry at or after `from` that an agent of `agentGroup` may serve: buyers of that
    /// group and buyers who named none; covered ones and/or uncovered ones.
    std::optional<Entry> nextEligible(GroupIdx agentGroup, std::int64_t from, bool covered, bool uncovered) const;
    /// The first entry at or after `from`, whoever may serve it.
    std::optional<Entry> next(std::int64_t from) const;

    /// Buyers in queue order.
    std::vector<BuyerIdx> buyers() const;

private:
    using Map = std::map<std::int64_t, Entry>;
    Map& bucket(GroupIdx g, bool uncovered);
    const Map& bucket(GroupIdx g, bool uncovered) const;

    std::int64_t m_nextSeq = 1;
    std::map<std::int64_t, Entry> m_all;
    /// [0] = no group, [g + 1] = group g; covered and uncovered apart.
    std::vector<Map> m_covered;
    std::vector<Map> m_uncovered;
};

} // namespace shopdesk::routing
