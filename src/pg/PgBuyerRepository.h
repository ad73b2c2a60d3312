#pragma once

#include "services/workbench/BuyerRepository.h"

namespace shopdesk::pg {

class PgStore;

/// What the shop keeps about buyers (grade, tags) and the deleting of their records, in
/// PostgreSQL (team mode); a deletion and its audit entries commit together, and the desks are
/// told which conversations changed.
class PgBuyerRepository final : public BuyerRepository {
public:
    explicit PgBuyerRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<BuyerNotes> buyerNotes(const QString& platform, const QString& nick) override;
    Status setBuyerNotes(const QString& platform, const QString& nick, const BuyerNotes& notes,
                         std::vector<AuditEntry> audit) override;
    Result<qint64> deleteMessages(const QString& platform, const QString& nick, const std::vector<MessageId>& ids,
                                  std::vector<AuditEntry> audit) override;
    Result<qint64> deleteAllMessages(const QString& platform, const QString& nick,
                                     std::vector<AuditEntry> audit) override;

private:
    Result<qint64> remove(const QString& platform, const QString& nick, const std::vector<MessageId>* ids,
                          std::vector<AuditEntry> audit);
    PgStore& m_store;
};

} // namespace shopdesk::pg
