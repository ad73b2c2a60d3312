#pragma once

#include "core/Result.h"
#include "domain/Account.h"
#include "domain/Order.h"
#include "domain/Workbench.h"
#include "services/chat/ConversationLookup.h"
#include "services/workbench/BuyerRepository.h"
#include "services/workbench/FollowUpRepository.h"

#include <optional>
#include <vector>

namespace shopdesk {

/// Reads behind the agent workbench, and the notes agents keep on buyers. Implemented by the store.
class WorkbenchRepository : public ConversationLookup, public BuyerRepository, public FollowUpRepository {
public:
    virtual ~WorkbenchRepository() = default;
    /// Conversations `agent` had a routing decision about since `since`: their current state, and
    /// the buyer messages after `agent`'s read mark (all counted in the same query).
    virtual Result<std::vector<ConversationSummary>> conversationsOf(const QString& agent, Timestamp since) = 0;
    /// `account` has seen the conversation up to `upTo` (a mark never moves back).
    virtual Status setReadMark(const QString& account, ConversationId conversation, MessageId upTo) = 0;
    /// What `account` was typing to the buyer and has not sent ("" when nothing).
    virtual Result<QString> draft(const QString& account, const QString& platform, const QString& buyer) = 0;
    /// Keeps the draft (an empty one is forgotten).
    virtual Status saveDraft(const QString& account, const QString& platform, const QString& buyer, const QString& text,
                             Timestamp at) = 0;
    virtual Result<std::optional<ConversationSummary>> conversation(const QString& platform, const QString& key) = 0;
    /// Ends (with a Closed session event, reason `reason`) every open session of the platform whose
    /// latest routing event's id does not start with `keepPrefix`: sessions of a stream that is gone
    /// (a new simulated world). Returns how many.
    virtual Result<qint64> endSessionsOutside(const QString& platform, const QString& keepPrefix, Timestamp at,
                                              const QString& reason) = 0;
    virtual Result<QueueSnapshot> queue(Timestamp since) = 0;
    /// Every open session (assigned or queued) whose latest routing event is after `since`, oldest
    /// first, without message details (the live queue page).
    virtual Result<std::vector<ConversationSummary>> openSessions(Timestamp since) = 0;
};

} // namespace shopdesk
