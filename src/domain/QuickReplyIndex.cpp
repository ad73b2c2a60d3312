#include "domain/QuickReplyIndex.h"

#include "domain/Pinyin.h"
#include "domain/TextMatch.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace shopdesk {

QuickReplyIndex::QuickReplyIndex(std::vector<QuickReply> phrases)
    : m_phrases(std::move(phrases))
{
    m_keys.reserve(m_phrases.size());
    for (const QuickReply& p : m_phrases) {
        m_keys.push_back({textmatch::foldString(p.code), textmatch::foldString(p.text), pinyin::initials(p.text)});
    }
}

std::vector<int> QuickReplyIndex::find(QStringView query, int limit) const
{
    const QString q = textmatch::foldString(query.trimmed());
    std::vector<std::pair<int, int>> ranked; // (rank, index)
    ranked.reserve(m_phrases.size());
    for (int i = 0; i < static_cast<int>(m_phrases.size()); ++i) {
        const Keys& k = m_keys[i];
        int rank = -1;
        if (q.isEmpty()) {
            rank = 0;
        } else if (k.code == q) {
            rank = 0;
        } else if (k.code.startsWith(q)) {
            rank = 1;
        } else if (k.initials.startsWith(q)) {
            rank = 2;
        } else if (k.text.contains(q)) {
            rank = 3;
        } else if (k.initials.contains(q)) {
            rank = 4;
        }
        if (rank >= 0) {
            ranked.emplace_back(rank, i);
        }
    }
    auto better = [this](const std::pair<int, int>& a, const std::pair<int, int>& b) {
        if (a.first != b.first) {
            return a.first < b.first;
        }
        const QuickReply& pa = m_phrases[a.second];
        const QuickReply& pb = m_phrases[b.second];
        if (pa.usageCount != pb.usageCount) {
            return pa.usageCount > pb.usageCount;
        }
        return a.second < b.second;
    };
    const auto keep = std::min<size_t>(ranked.size(), static_cast<size_t>(std::max(0, limit)));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), better);
    std::vector<int> out;
    out.reserve(keep);
    for (size_t i = 0; i < keep; ++i) {
        out.push_back(ranked[i].second);
    }
    return out;
}

void QuickReplyIndex::recordUse(QuickReplyId id)
{
    for (QuickReply& p : m_phrases) {
        if (p.id == id) {
            ++p.usageCount;
        }
    }
}

std::vector<std::pair<QuickReplyId, QuickReplyId>> duplicatePhrases(const std::vector<QuickReply>& phrases)
{
    std::map<QString, QuickReplyId> seen;
    std::vector<std::pair<QuickReplyId, QuickReplyId>> out;
    for (const QuickReply& p : phrases) {
        const QString key = p.text.simplified();
        auto [it, fresh] = seen.emplace(key, p.id);
        if (!fresh) {
            out.emplace_back(it->second, p.id);
        }
    }
    return out;
}

} // namespace shopdesk
