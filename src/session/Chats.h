#pragma once

#include "core/Result.h"
#include "domain/Capabilities.h"
#include "domain/Message.h"
#include "domain/RoutingConfig.h"
#include "domain/Workbench.h"

#include <QFuture>

#include <optional>
#include <vector>

namespace shopdesk::session {

/// A colleague or group a chat can be handed to, as the transfer dialog lists them.
struct TransferTarget {
    QString agent; ///< empty for a group
    QString group;
    platform::AgentPresence presence = platform::AgentPresence::Offline;
    int load = 0;
    int limit = 0;
    /// Why the target cannot take the buyer now ("" when it can).
    QString unavailable;
};

/// The live queue as a supervisor watches it (queue.monitor).
struct LiveQueue {
    /// Open sessions (assigned and queued), oldest first.
    std::vector<ConversationSummary> sessions;
    RoutingConfig routing;
};

/// The chats of the person logged in: their conversations, timelines, and what they do in them.
/// Chat actions apply to the person's own buyers; a colleague's or a queued buyer needs
/// chat.supervise (and is audited).
class Chats {
public:
    virtual ~Chats() = default;

    /// 接待中 and 最近联系: conversations the person had a routing decision about since `since`,
    /// with their unread counts (chat.read).
    virtual Result<std::vector<ConversationSummary>> mine(Timestamp since) = 0;
    virtual Result<QueueSnapshot> queue(Timestamp since) = 0;
    virtual Result<std::optional<ConversationSummary>> conversation(const QString& platform, const QString& key) = 0;
    /// The buyer's newest conversation.
    virtual Result<std::optional<ConversationSummary>> ofBuyer(const QString& platform, const QString& nick) = 0;
    /// The newest `limit` messages older than `before` (all when invalid), oldest first.
    virtual Result<std::vector<Message>> page(ConversationId conversation, int limit, MessageId before) = 0;
    /// The oldest `limit` messages newer than `after`, oldest first.
    virtual Result<std::vector<Message>> after(ConversationId conversation, int limit, MessageId after) = 0;
    /// The person has seen the conversation up to `upTo` (the unread count drops).
    virtual QFuture<Status> markRead(ConversationId conversation, MessageId upTo) = 0;

    virtual QFuture<Status> send(const QString& buyer, const QString& text) = 0;
    virtual QFuture<Status> sendOrderCard(const QString& buyer, const QString& orderNo) = 0;
    /// To a colleague (`toAgent`) or a group (`toGroup` when `toAgent` is empty), with a note.
    virtual QFuture<Status> transfer(const QString& buyer, const QString& toAgent, const QString& toGroup,
                                     const QString& note) = 0;
    /// Colleagues and groups with their status and load (chat.transfer).
    virtual QFuture<Result<std::vector<TransferTarget>>> transferTargets() = 0;
    /// Ends the chat, sending `closingLine` first when given.
    virtual QFuture<Status> close(const QString& buyer, const QString& closingLine) = 0;
    /// The person's own status: only online agents receive new buyers.
    virtual QFuture<Status> setPresence(platform::AgentPresence presence) = 0;

    /// The live queue (queue.monitor).
    virtual Result<LiveQueue> liveQueue(Timestamp since) = 0;
    /// Every agent's status as the platform's routing sees it (queue.monitor).
    virtual QFuture<Result<std::vector<platform::AgentState>>> teamStatus() = 0;
};

} // namespace shopdesk::session
