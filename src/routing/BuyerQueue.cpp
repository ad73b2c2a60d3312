#include "routing/BuyerQueue.h"

namespace shopdesk::routing {

BuyerQueue::BuyerQueue(int groupCount)
    : m_covered(static_cast<std::size_t>(groupCount + 1))
    , m_uncovered(static_cast<std::size_t>(groupCount + 1))
{
}

BuyerQueue::Map& BuyerQueue::bucket(GroupIdx g, bool uncovered)
{
    return (uncovered ? m_uncovered : m_covered)[static_cast<std::size_t>(g + 1)];
}

const BuyerQueue::Map& BuyerQueue::bucket(GroupIdx g, bool uncovered) const
{
    return (uncovered ? m_uncovered : m_covered)[static_cast<std::size_t>(g + 1)];
}

int BuyerQueue::push(BuyerIdx buyer, GroupIdx group, bool uncovered, std::int64_t& seq)
{
    seq = m_nextSeq++;
    const Entry e{seq, buyer, group, uncovered};
    m_all.emplace(seq, e);
    bucket(group, uncovered).emplace(seq, e);
    return size();
}

void BuyerQueue::remove(const Entry& e)
{
    m_all.erase(e.seq);
    bucket(e.group, e.uncovered).erase(e.seq);
}

void BuyerQueue::setUncovered(Entry& e, bool uncovered)
{
    if (e.uncovered == uncovered) {
        return;
    }
    bucket(e.group, e.uncovered).erase(e.seq);
    e.uncovered = uncovered;
    bucket(e.group, uncovered).emplace(e.seq, e);
    m_all[e.seq] = e;
}

std::optional<BuyerQueue::Entry> BuyerQueue::nextEligible(GroupIdx agentGroup, std::int64_t from, bool covered,
                                                          bool uncovered) const
{
    std::optional<Entry> best;
    auto consider = [&](const Map& m) {
        auto it = m.lower_bound(from);
        if (it != m.end() && (!best || it->first < best->seq)) {
            best = it->second;
        }
    };
    for (const bool u : {false, true}) {
        if ((u && !uncovered) || (!u && !covered)) {
            continue;
        }
        consider(bucket(kNoGroup, u));
        if (agentGroup != kNoGroup) {
            consider(bucket(agentGroup, u));
        }
    }
    return best;
}

std::optional<BuyerQueue::Entry> BuyerQueue::next(std::int64_t from) const
{
    auto it = m_all.lower_bound(from);
    return it == m_all.end() ? std::nullopt : std::optional<Entry>(it->second);
}

std::vector<BuyerIdx> BuyerQueue::buyers() const
{
    std::vector<BuyerIdx> out;
    out.reserve(m_all.size());
    for (const auto& [seq, e] : m_all) {
        out.push_back(e.buyer);
    }
    return out;
}

} // namespace shopdesk::routing
