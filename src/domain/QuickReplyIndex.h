#pragma once

#include "domain/QuickReply.h"

#include <utility>
#include <vector>

namespace shopdesk {

/// The picker's lookup over an agent's phrases, rebuilt when they change and asked on every
/// keystroke: by short code, by any part of the text, and by pinyin initials ("fh" finds 发货).
/// Better matches first (code, then code prefix, then initials prefix, then text, then initials
/// anywhere), the most used first within each.
class QuickReplyIndex {
public:
    QuickReplyIndex() = default;
    explicit QuickReplyIndex(std::vector<QuickReply> phrases);

    /// Indices into phrases() of the matches, best first, at most `limit`.
    std::vector<int> find(QStringView query, int limit = 50) const;
    const std::vector<QuickReply>& phrases() const { return m_phrases; }
    /// Counts a use in the index too, so the order follows the agent without a reload.
    void recordUse(QuickReplyId id);

private:
    struct Keys {
        QString code;     ///< folded
        QString text;     ///< folded
        QString initials; ///< of the text
    };
    std::vector<QuickReply> m_phrases;
    std::vector<Keys> m_keys;
};

/// Team phrases with the same text as another (duplicates to clean up), as pairs of ids.
std::vector<std::pair<QuickReplyId, QuickReplyId>> duplicatePhrases(const std::vector<QuickReply>& phrases);

} // namespace shopdesk
