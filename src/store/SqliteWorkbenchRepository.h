#pragma once

#include "services/workbench/WorkbenchRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteWorkbenchRepository final : public WorkbenchRepository {
public:
    explicit SqliteWorkbenchRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<ConversationSummary>> conversationsOf(const QString& agent, Timestamp since) override;
    Status setReadMark(const QString& account, ConversationId conversation, MessageId upTo) override;
    Result<QString> draft(const QString& account, const QString& platform, const QString& buyer) override;
    Status saveDraft(const QString& account, const QString& platform, const QString& buyer, const QString& text,
                     Timestamp at) override;
    Result<std::optional<ConversationSummary>> conversation(const QString& platform, const QString& key) override;
    Result<std::optional<ConversationSummary>> conversationOfBuyer(const QString& platform,
                                                                   const QString& nick) override;
    Result<QueueSnapshot> queue(Timestamp since) override;
    Result<std::vector<ConversationSummary>> openSessions(Timestamp since) override;
    Result<qint64> endSessionsOutside(const QString& platform, const QString& keepPrefix, Timestamp at,
                                      const QString& reason) override;
    Result<BuyerNotes> buyerNotes(const QString& platform, const QString& nick) override;
    Status setBuyerNotes(const QString& platform, const QString& nick, const BuyerNotes& notes,
                         std::vector<AuditEntry> audit) override;
    Result<std::vector<FollowUp>> followUps(const QString& agent, Timestamp servedSince, Timestamp unpaidBefore,
                                            Timestamp unshippedBefore, Timestamp staleBefore) override;
    Result<qint64> deleteMessages(const QString& platform, const QString& nick, const std::vector<MessageId>& ids,
                                  std::vector<AuditEntry> audit) override;
    Result<qint64> deleteAllMessages(const QString& platform, const QString& nick,
                                     std::vector<AuditEntry> audit) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
