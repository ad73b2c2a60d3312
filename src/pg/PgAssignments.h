#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"

#include <QString>

#include <optional>

namespace shopdesk::pg {

class PgStore;
class PgTx;

/// One decision to give a conversation to an agent.
struct ClaimRequest {
    QString platform = QStringLiteral("sim");
    QString conversationKey;
    QString buyerNick;
    QString agent; ///< the account's short name
    /// Why: "free", "queue", "take" keep within the agent's limit; "overflow", "repeat_entry",
    /// "repeat_entry_group" and "transfer" may go over it (the routing rules say so).
    QString reason;
    Timestamp at;
};

struct ClaimOutcome {
    qint64 conversationId = 0;
    /// The agent the conversation was taken from (a transfer), if any.
    std::optional<QString> previousOwner;
    /// The agent's load after the claim.
    int load = 0;
    /// The agent held it already (the same decision delivered twice): nothing changed.
    bool unchanged = false;
};

/// The one claim path of team mode (team.md rule 1): automatic routing, a take, a transfer and a
/// repeat entry all give a conversation to an agent here, in one transaction that locks the
/// conversation row and then the agent's load row, re-checks the limit on the locked row
/// (`active < limit`, re-evaluated by READ COMMITTED after the lock), and compare-and-sets the
/// owner. A partial unique index keeps at most one active assignment per conversation whatever
/// any writer does. Refusals are Invalid with the reason ("已由 … 接待", "at the limit").
class PgAssignments {
public:
    explicit PgAssignments(PgStore& store)
        : m_store(store)
    {
    }

    Result<ClaimOutcome> claim(const ClaimRequest& request);
    /// Ends the conversation's active assignment (closed, or back to the queue when `requeue`).
    Status release(const QString& platform, const QString& conversationKey, const QString& endReason, Timestamp at,
                   bool requeue = false);
    /// Records a conversation waiting in the queue (no owner).
    Status queue(const QString& platform, const QString& conversationKey, const QString& buyerNick,
                 const QString& group, const QString& reason, Timestamp at);

    /// Whether a claim for `reason` may take an agent over its limit.
    static bool overLimitAllowed(const QString& reason);

    /// The same steps inside a transaction already open (platform events stored with their
    /// messages); a refusal throws PgFailure.
    static ClaimOutcome claimIn(PgTx& tx, const ClaimRequest& request);
    static void releaseIn(PgTx& tx, const QString& platform, const QString& conversationKey, const QString& endReason,
                          Timestamp at, bool requeue);
    static void queueIn(PgTx& tx, const QString& platform, const QString& conversationKey, const QString& buyerNick,
                        const QString& group, const QString& reason, Timestamp at);
    /// The conversation's row (created when new), locked until the transaction ends: its id and owner.
    static std::pair<qint64, std::optional<qint64>>
    lockConversation(PgTx& tx, const QString& platform, const QString& key, const QString& buyer, Timestamp at);

private:
    PgStore& m_store;
};

} // namespace shopdesk::pg
