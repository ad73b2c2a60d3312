#pragma once

#include "core/Result.h"
#include "domain/Workbench.h"
#include "services/chat/ConversationLookup.h"

#include <optional>
#include <vector>

namespace shopdesk::pg {
class PgStore;
}

namespace shopdesk::server {

/// An agent's load and status as the live queue shows it.
struct AgentLoad {
    QString name;
    QString status; ///< online, away, offline
    int active = 0;
};

/// The team server's reads of conversations and messages (the gate is the caller's).
class ChatQueries final : public ConversationLookup {
public:
    explicit ChatQueries(pg::PgStore& store)
        : m_store(store)
    {
    }
    /// Conversations `account` holds now, and those it held that had a message since `since`.
    Result<std::vector<ConversationSummary>> mine(AccountId account, Timestamp since);
    /// Every open conversation: assigned and queued, oldest first.
    Result<std::vector<ConversationSummary>> open();
    Result<std::optional<ConversationSummary>> byKey(const QString& platform, const QString& key);
    Result<std::optional<ConversationSummary>> byId(ConversationId id);
    /// The buyer's active conversation held by `account` (for a reply), if any.
    Result<std::optional<ConversationSummary>> heldBy(AccountId account, const QString& buyerNick);
    /// Whether `account` ever held the conversation (its timeline is the agent's to read).
    Result<bool> everHeld(AccountId account, ConversationId id);
    /// Newest `limit` before `before` (all when 0) or oldest `limit` after `after`, oldest first.
    Result<std::vector<Message>> messages(ConversationId id, int limit, std::optional<qint64> before,
                                          std::optional<qint64> after);
    Result<std::vector<AgentLoad>> loads();
    Result<std::optional<ConversationSummary>> conversationOfBuyer(const QString& platform,
                                                                   const QString& nick) override;

private:
    Result<std::vector<ConversationSummary>> summaries(const char* where,
                                                       const std::vector<std::optional<QByteArray>>& params);
    pg::PgStore& m_store;
};

} // namespace shopdesk::server
