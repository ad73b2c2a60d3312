#pragma once

#include "services/history/MessageRepository.h"

namespace shopdesk::store {

class SqliteConnection;
class SqliteStore;

class SqliteMessageRepository final : public MessageRepository {
public:
    explicit SqliteMessageRepository(SqliteStore& store)
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

    /// Below this many candidate messages (one buyer's or a few conversations') a search reads them
    /// newest first and matches in memory; above it the full-text index answers.
    static constexpr int kScanThreshold = 5000;

private:
    std::vector<MessageHit> searchIndex(SqliteConnection& c, const MessageQuery& q, const QStringList& folded);
    std::vector<MessageHit> searchScan(SqliteConnection& c, const MessageQuery& q, const QStringList& folded);

    SqliteStore& m_store;
};

} // namespace shopdesk::store
