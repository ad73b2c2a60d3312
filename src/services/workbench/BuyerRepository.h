#pragma once

#include "core/Result.h"
#include "domain/Audit.h"
#include "domain/Ids.h"
#include "domain/Workbench.h"

#include <vector>

namespace shopdesk {

/// What the shop keeps about buyers and the deleting of their records (BuyerService's store).
class BuyerRepository {
public:
    virtual ~BuyerRepository() = default;
    virtual Result<BuyerNotes> buyerNotes(const QString& platform, const QString& nick) = 0;
    virtual Status setBuyerNotes(const QString& platform, const QString& nick, const BuyerNotes& notes,
                                 std::vector<AuditEntry> audit) = 0;
    /// Deletes exactly these messages of the buyer; the audit entries get the count as detail and
    /// commit with the deletion.
    virtual Result<qint64> deleteMessages(const QString& platform, const QString& nick,
                                          const std::vector<MessageId>& ids, std::vector<AuditEntry> audit) = 0;
    /// Deletes every message of the buyer.
    virtual Result<qint64> deleteAllMessages(const QString& platform, const QString& nick,
                                             std::vector<AuditEntry> audit) = 0;
};

} // namespace shopdesk
