#pragma once

#include "services/quickreply/QuickReplyRepository.h"

namespace shopdesk::pg {

class PgStore;

/// Quick replies in PostgreSQL (team mode); every write is numbered in the change sequence
/// ("phrases"), so desks fetch their phrases again.
class PgQuickReplyRepository final : public QuickReplyRepository {
public:
    explicit PgQuickReplyRepository(PgStore& store)
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
    PgStore& m_store;
};

} // namespace shopdesk::pg
