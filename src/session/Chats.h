#pragma once

#include "core/Result.h"
#include "domain/Capabilities.h"
#include "domain/Message.h"
#include "domain/RoutingConfig.h"
#include "domain/ShopTexts.h"
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

/// A reply this desktop keeps until the link to the team server is back (team mode, offline).
struct QueuedReply {
    QString text;
    /// When it stops waiting and goes back to the reply box.
    Timestamp until;
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
    /// What the person was typing to the buyer and has not sent ("" when nothing).
    virtual Result<QString> draft(const QString& platform, const QString& buyer) = 0;
    /// Keeps the draft across tab switches and restarts; "" forgets it.
    virtual QFuture<Status> saveDraft(const QString& platform, const QString& buyer, const QString& text) = 0;

    /// Sent to the buyer; in team mode while the link is down, a reply in a chat the person held
    /// waits for the link for a short lease (queued(), and ShopSession::replyReturned if it
    /// cannot go).
    virtual QFuture<Status> send(const QString& buyer, const QString& text) = 0;
    /// The replies to `buyer` waiting for the link, oldest first (none on a single seat).
    virtual std::vector<QueuedReply> queued(const QString& buyer) const
    {
        (void)buyer;
        return {};
    }
    virtual QFuture<Status> sendOrderCard(const QString& buyer, const QString& orderNo) = 0;
    /// To a colleague (`toAgent`) or a group (`toGroup` when `toAgent` is empty), with a note.
    virtual QFuture<Status> transfer(const QString& buyer, const QString& toAgent, const QString& toGroup,
                                     const QString& note) = 0;
    /// Colleagues and groups with their status and load (chat.transfer).
    virtual QFuture<Result<std::vector<TransferTarget>>> transferTargets() = 0;
    /// Ends the chat, sending `closingLine` first when given and, with `inviteRating`, the shop's
    /// rating invitation after it.
    virtual QFuture<Status> close(const QString& buyer, const QString& closingLine, bool inviteRating) = 0;
    /// Sends the shop's payment reminder for the buyer's unpaid order, then the order's card.
    virtual QFuture<Status> remindPayment(const QString& buyer, const QString& orderNo) = 0;
    /// The shop's wording: the closing line the end-chat dialog proposes, and the others.
    virtual Result<ShopTexts> shopTexts() = 0;
    /// The person's own status: only online agents receive new buyers.
    virtual QFuture<Status> setPresence(platform::AgentPresence presence) = 0;

    /// The live queue (queue.monitor).
    virtual Result<LiveQueue> liveQueue(Timestamp since) = 0;
    /// Every agent's status as the platform's routing sees it (queue.monitor).
    virtual QFuture<Result<std::vector<platform::AgentState>>> teamStatus() = 0;
};

} // namespace shopdesk::session
