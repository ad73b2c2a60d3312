#pragma once

#include "core/Result.h"
#include "domain/Account.h"
#include "domain/QuickReply.h"

#include <optional>
#include <vector>

namespace shopdesk {

/// Quick replies as stored: the team's and each agent's own.
class QuickReplyRepository {
public:
    virtual ~QuickReplyRepository() = default;
    /// Team phrases and `owner`'s personal phrases, by group then sort order.
    virtual Result<std::vector<QuickReply>> phrasesFor(const QString& owner) = 0;
    virtual Result<std::optional<QuickReply>> find(QuickReplyId id) = 0;
    /// Inserts (invalid id) or updates; returns the id.
    virtual Result<QuickReplyId> save(const QuickReply& phrase, std::vector<AuditEntry> audit) = 0;
    virtual Status remove(QuickReplyId id, std::vector<AuditEntry> audit) = 0;
    /// Inserts or updates many in one transaction (all or nothing).
    virtual Status saveMany(const std::vector<QuickReply>& phrases, std::vector<AuditEntry> audit) = 0;
    /// One more use (most used phrases come first in the picker).
    virtual Status recordUse(QuickReplyId id) = 0;
};

} // namespace shopdesk
