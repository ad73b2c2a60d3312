#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/Search.h"
#include "services/history/MessageRepository.h"

namespace shopdesk {

class AccessGate;

/// Message search: every white-space separated term must occur in the message as a substring
/// (letters case-insensitive); newest first. Any text is a valid query - FTS syntax is literal.
class SearchService {
public:
    static constexpr int kMaxLimit = kMaxSearchLimit;
    static constexpr int kMaxTerms = 16;
    static constexpr int kMaxTermChars = 200;

    SearchService(MessageRepository& messages, AccessGate& gate)
        : m_messages(messages)
        , m_gate(gate)
    {
    }

    /// Needs history.search. `more` tells that the limit cut the results.
    Result<SearchPage> search(const auth::Actor& actor, const SearchRequest& request);
    /// Needs history.records. The buyer's messages, newest first: all, or those with every word
    /// of `query`.
    Result<SearchPage> records(const auth::Actor& actor, const QString& platform, const QString& nick,
                               const QString& query, int limit);

private:
    MessageRepository& m_messages;
    AccessGate& m_gate;
};

} // namespace shopdesk
