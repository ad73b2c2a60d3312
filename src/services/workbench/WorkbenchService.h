#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "services/workbench/WorkbenchRepository.h"

#include <optional>
#include <vector>

namespace shopdesk {

class AccessGate;
class MessageRepository;

/// The reads behind the workbench, each an operation of the central table and gated like every
/// action: conversations and timelines (chat.read), the live queue (queue.monitor), a buyer's
/// orders (order.view), refunds (refund.view), parcels (order.logistics) and message records
/// (history.records). Orders come with their masked receivers only.
class WorkbenchService {
public:
    static constexpr int kMaxPage = 500;

    WorkbenchService(WorkbenchRepository& workbench, MessageRepository& messages, AccessGate& gate);

    Result<std::vector<ConversationSummary>> mine(const auth::Actor& actor, Timestamp since);
    Result<QueueSnapshot> queue(const auth::Actor& actor, Timestamp since);
    Result<std::optional<ConversationSummary>> conversation(const auth::Actor& actor, const QString& platform,
                                                            const QString& key);
    Result<std::optional<ConversationSummary>> ofBuyer(const auth::Actor& actor, const QString& platform,
                                                       const QString& nick);
    Result<std::vector<Message>> page(const auth::Actor& actor, ConversationId conversation, int limit,
                                      MessageId before);
    Result<std::vector<Message>> after(const auth::Actor& actor, ConversationId conversation, int limit,
                                       MessageId after);
    Status markRead(const auth::Actor& actor, ConversationId conversation, MessageId upTo);
    /// The person's unsent reply to the buyer ("" when none).
    Result<QString> draft(const auth::Actor& actor, const QString& platform, const QString& buyer);
    /// Keeps it (empty: forgets it); at most kMaxDraftChars.
    Status saveDraft(const auth::Actor& actor, const QString& platform, const QString& buyer, const QString& text,
                     Timestamp at);
    static constexpr int kMaxDraftChars = 20000;

    Result<std::vector<ConversationSummary>> openSessions(const auth::Actor& actor, Timestamp since);

private:
    WorkbenchRepository& m_workbench;
    MessageRepository& m_messages;
    AccessGate& m_gate;
};

} // namespace shopdesk
