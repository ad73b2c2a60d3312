#pragma once

#include "services/history/MessageRepository.h"

namespace shopdesk::pg {

class PgStore;

/// Conversations and messages in PostgreSQL (team mode). Search is answered from the GIN index
/// of each message's unigram and bigram tokens (searchtokens, the same the desktop's FTS5 index
/// makes), so a query of any length and script is an index lookup; each candidate is then
/// checked for every term as a substring (a token set holds no positions).
class PgMessageRepository final : public MessageRepository {
public:
    explicit PgMessageRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<MessageHit>> search(const MessageQuery& query) override;
    Result<std::vector<Message>> page(ConversationId conversation, int limit, MessageId before) override;
    Result<std::vector<Message>> pageAfter(ConversationId conversation, int limit, MessageId after) override;
    Result<qint64> buyerMessagesAfter(ConversationId conversation, MessageId after) override;
    Result<std::vector<ConversationId>> conversationsOfBuyer(const QString& platform, const QString& nick) override;
    Result<std::optional<Conversation>> findConversation(QStringView platform, QStringView key) override;
    Result<std::vector<Conversation>> recentConversations(int limit) override;
    Result<qint64> messageCount() override;
    Result<qint64> countWithIdPrefix(const QString& platform, const QString& prefix) override;

private:
    PgStore& m_store;
};

} // namespace shopdesk::pg
