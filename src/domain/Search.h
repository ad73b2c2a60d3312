#pragma once

#include "domain/Message.h"

#include <QString>

#include <optional>
#include <vector>

namespace shopdesk {

/// The most results one search returns.
inline constexpr int kMaxSearchLimit = 10000;

/// What someone typed into a search box or gave to `shopdeskctl search`.
struct SearchRequest {
    QString query;
    std::optional<QString> buyerNick;
    std::vector<ConversationId> conversations;
    int limit = 50;
    MessageId before;
};

/// A page of search results, newest first. `more` says the search stopped at the limit: there are
/// older matches (ask again with `before` = the last hit's id).
struct SearchPage {
    std::vector<MessageHit> hits;
    bool more = false;
};

} // namespace shopdesk
