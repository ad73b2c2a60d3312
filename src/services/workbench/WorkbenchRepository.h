#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"
#include "domain/Account.h"
#include "domain/Message.h"
#include "domain/Order.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace shopdesk {

/// A conversation as the workbench's list shows it.
struct ConversationSummary {
    enum class State { Active, Queued, Closed };
    ConversationId id;
    QString platform;
    QString key;
    QString buyerNick;
    QString grade;
    QStringList tags;
    State state = State::Closed;
    QString agent; ///< who has it (Active), or had it last
    Timestamp stateSince;
    MessageId lastMessageId;
    Timestamp lastMessageAt;
    Sender lastSender = Sender::System;
    QString preview; ///< the last message, first line, at most 60 characters
    /// The buyer's first message since the last agent message, when unanswered.
    std::optional<Timestamp> waitingSince;
    /// Queued: the routing engine's estimate when the buyer joined the queue.
    std::optional<int> queueEstimateSecs;
};

/// The shop's queue right now.
struct QueueSnapshot {
    int length = 0;
    std::optional<Timestamp> oldestSince;
    /// The routing engine's estimate for the most recently queued buyer.
    std::optional<int> latestEstimateSecs;
};

/// What a shop keeps about a buyer beyond the platform's profile.
struct BuyerNotes {
    QString grade; ///< "", "VIP", "A", "B", "C"
    QStringList tags;
};

/// An order that needs chasing.
struct FollowUp {
    enum class Kind { Unpaid, Unshipped, StaleTrace };
    Kind kind = Kind::Unpaid;
    QString platform;
    QString orderNo;
    QString buyerNick;
    Fen amountFen = 0;
    Timestamp since; ///< created (unpaid), paid (unshipped), or the last trace step (stale)
};

/// Reads behind the agent workbench, and the notes agents keep on buyers. Implemented by the store.
class WorkbenchRepository {
public:
    virtual ~WorkbenchRepository() = default;
    /// Conversations `agent` had a routing decision about since `since`: their current state.
    virtual Result<std::vector<ConversationSummary>> conversationsOf(const QString& agent, Timestamp since) = 0;
    virtual Result<std::optional<ConversationSummary>> conversation(const QString& platform, const QString& key) = 0;
    /// Ends (with a Closed session event, reason `reason`) every open session of the platform whose
    /// latest routing event's id does not start with `keepPrefix`: sessions of a stream that is gone
    /// (a new simulated world). Returns how many.
    virtual Result<qint64> endSessionsOutside(const QString& platform, const QString& keepPrefix, Timestamp at,
                                              const QString& reason) = 0;
    /// The buyer's newest conversation on the platform.
    virtual Result<std::optional<ConversationSummary>> conversationOfBuyer(const QString& platform,
                                                                           const QString& nick) = 0;
    virtual Result<QueueSnapshot> queue(Timestamp since) = 0;
    /// Every open session (assigned or queued) whose latest routing event is after `since`, oldest
    /// first, without message details (the live queue page).
    virtual Result<std::vector<ConversationSummary>> openSessions(Timestamp since) = 0;
    /// The buyer's orders, newest first, with items and masked receivers.
    virtual Result<std::vector<Order>> ordersOfBuyer(const QString& platform, const QString& nick, int limit) = 0;
    virtual Result<std::vector<LogisticsEvent>> storedLogistics(const QString& platform, const QString& orderNo) = 0;
    virtual Result<BuyerNotes> buyerNotes(const QString& platform, const QString& nick) = 0;
    virtual Status setBuyerNotes(const QString& platform, const QString& nick, const BuyerNotes& notes,
                                 std::vector<AuditEntry> audit) = 0;
    /// Orders of buyers `agent` served since `servedSince` that need chasing: unpaid and created
    /// before `unpaidBefore`, paid before `unshippedBefore` and not shipped, or shipped with no
    /// trace step since `staleBefore`.
    virtual Result<std::vector<FollowUp>> followUps(const QString& agent, Timestamp servedSince, Timestamp unpaidBefore,
                                                    Timestamp unshippedBefore, Timestamp staleBefore) = 0;
    /// Deletes messages of a buyer's conversations (the ids given, all of them when empty); returns
    /// how many went.
    virtual Result<qint64> deleteMessages(const QString& platform, const QString& nick,
                                          const std::vector<MessageId>& ids, std::vector<AuditEntry> audit) = 0;
    /// The buyer's conversations on the platform, newest first.
    virtual Result<std::vector<ConversationId>> conversationsOfBuyer(const QString& platform, const QString& nick) = 0;
};

} // namespace shopdesk
