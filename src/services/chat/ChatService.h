#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "platform/PlatformTypes.h"
#include "services/actions/ActionRunner.h"

#include <QFuture>

namespace shopdesk {

class OrderRepository;
class ShopTextsService;
class ConversationLookup;

/// What an agent does in a conversation: reply, send an order card, transfer, close, and set their
/// own status. Gated (chat.reply, chat.transfer, chat.close) and limited to the agent's own buyers:
/// a colleague's or a queued buyer needs chat.supervise, and acting on one is audited. The sent
/// message reaches the store and the timeline through the platform's echo of it, like every other.
class ChatService {
public:
    /// Longest message an agent may send (characters).
    static constexpr int kMaxMessageChars = 2000;
    static constexpr int kMaxNoteChars = 200;

    ChatService(ActionRunner& runner, OrderRepository& orders, ConversationLookup& conversations,
                ShopTextsService& texts, QString shopName);

    QFuture<Status> send(ActorSource who, const QString& buyer, const QString& text);
    /// The order must be the buyer's.
    QFuture<Status> sendOrderCard(ActorSource who, const QString& buyer, const QString& orderNo);
    /// To a colleague (`toAgent`) or a group (`toGroup`, when `toAgent` is empty), with a note for them.
    QFuture<Status> transfer(ActorSource who, const QString& buyer, const QString& toAgent, const QString& toGroup,
                             const QString& note);
    /// Ends the conversation, with a closing line sent first when given and, with `inviteRating`,
    /// the shop's rating invitation after it.
    QFuture<Status> close(ActorSource who, const QString& buyer, const QString& closingLine, bool inviteRating);
    /// Sends the shop's payment reminder for the buyer's unpaid order (its variables filled).
    QFuture<Status> remindPayment(ActorSource who, const QString& buyer, const QString& orderNo);
    /// The reminder, then (when it went) the order's card: what the workbench's 催付 does.
    QFuture<Status> remindPaymentWithCard(ActorSource who, const QString& buyer, const QString& orderNo);
    /// The actor's own status (no permission needed: everyone sets their own).
    QFuture<Status> setPresence(ActorSource who, platform::AgentPresence presence);
    /// Every agent's status (queue.monitor), for the live queue.
    QFuture<Result<std::vector<platform::AgentState>>> teamStatus(ActorSource who, bool forTransfer = false);

    /// Whether `buyer` is the actor's: the actor holds the chat, or served the buyer last and nobody
    /// holds it now. Otherwise chat.supervise is needed; acting so is audited (`operation` names the
    /// action). `supervising` tells which it was. Worker thread (reads the store, writes the audit).
    /// `unclaimedOk`: a buyer with no conversation at all belongs to nobody (an order's buyer who
    /// never chatted) and needs no chat.supervise.
    Status checkOwnership(ActionRunner& runner, const auth::Actor& actor, const QString& buyer,
                          auth::Operation operation, bool* supervising = nullptr, bool unclaimedOk = false);

private:
    ActionRunner& m_runner;
    OrderRepository& m_orders;
    ConversationLookup& m_conversations;
    ShopTextsService& m_texts;
    QString m_shopName;
};

} // namespace shopdesk
