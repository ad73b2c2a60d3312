#pragma once

#include "services/quickreply/QuickReplyRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteQuickReplyRepository final : public QuickReplyRepository {
public:
    explicit SqliteQuickReplyRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::vector<QuickReply>> phrasesFor(const QString& owner) override;
    Result<std::optional<QuickReply>> find(QuickReplyId id) override;
    Result<QuickReplyId> save(const QuickReply& phrase, std::vector<AuditEntry> audit) override;
    Status remove(QuickReplyId id, std::vector<AuditEntry> audit) override;
    Status saveMany(const std::vector<QuickReply>& phrases, std::vector<AuditEntry> audit) override;
    Status recordUse(QuickReplyId id) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
