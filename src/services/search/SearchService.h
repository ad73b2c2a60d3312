#pragma once

#include "core/Result.h"
#include "services/history/MessageRepository.h"

namespace shopdesk {

/// What someone typed into a search box or gave to `shopdeskctl search`.
struct SearchRequest {
    QString query;
    std::optional<QString> buyerNick;
    std::vector<ConversationId> conversations;
    int limit = 50;
    MessageId before;
};

/// Message search: every white-space separated term must occur in the message as a substring
/// (letters case-insensitive); newest first. Any text is a valid query - FTS syntax is literal.
class SearchService {
public:
    static constexpr int kMaxLimit = 10000;
    static constexpr int kMaxTerms = 16;
    static constexpr int kMaxTermChars = 200;

    explicit SearchService(MessageRepository& messages)
        : m_messages(messages)
    {
    }

    Result<std::vector<MessageHit>> search(const SearchRequest& request);

private:
    MessageRepository& m_messages;
};

} // namespace shopdesk
