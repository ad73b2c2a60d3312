#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "services/workbench/BuyerRepository.h"

namespace shopdesk {

class AccessGate;
class AuditLog;

/// What the shop keeps about a buyer (grade, tags) and the buyer's records (the message manager):
/// agents edit grades and tags (chat.reply); deleting records needs history.delete and is audited.
class BuyerService {
public:
    static constexpr int kMaxTags = 10;
    static constexpr int kMaxTagChars = 12;

    BuyerService(BuyerRepository& repository, AccessGate& gate, AuditLog& audit);

    /// "" (none), "VIP", "A", "B", "C".
    static const QStringList& grades();

    /// buyer.notes.view.
    Result<BuyerNotes> notes(const auth::Actor& actor, const QString& platform, const QString& nick);
    Status setNotes(const auth::Actor& actor, const QString& platform, const QString& nick, BuyerNotes notes);
    /// Deletes exactly the given messages of the buyer; none given is an error, never "all".
    Result<qint64> deleteHistory(const auth::Actor& actor, const QString& platform, const QString& nick,
                                 const std::vector<MessageId>& ids);
    /// Deletes every message of the buyer; `typedName` must be the buyer's name (a typed confirmation).
    Result<qint64> deleteAllHistory(const auth::Actor& actor, const QString& platform, const QString& nick,
                                    const QString& typedName);

private:
    BuyerRepository& m_repository;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
