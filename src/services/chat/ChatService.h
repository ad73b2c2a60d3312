#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "platform/PlatformTypes.h"

#include <QFuture>

namespace shopdesk {

class ActionRunner;
class OrderRepository;

/// What an agent does in a conversation: reply, send an order card, transfer, close, and set their
/// own status. Gated (chat.reply, chat.transfer, chat.close); the sent message reaches the store
/// and the timeline through the platform's echo of it, like every other message.
class ChatService {
public:
    /// Longest message an agent may send (characters).
    static constexpr int kMaxMessageChars = 2000;
    static constexpr int kMaxNoteChars = 200;

    ChatService(ActionRunner& runner, OrderRepository& orders);

    QFuture<Status> send(const auth::Actor& actor, const QString& buyer, const QString& text);
    /// The order must be the buyer's.
    QFuture<Status> sendOrderCard(const auth::Actor& actor, const QString& buyer, const QString& orderNo);
    /// To a colleague (`toAgent`) or a group (`toGroup`, when `toAgent` is empty), with a note for them.
    QFuture<Status> transfer(const auth::Actor& actor, const QString& buyer, const QString& toAgent,
                             const QString& toGroup, const QString& note);
    /// Ends the conversation, with a closing line sent first when given.
    QFuture<Status> close(const auth::Actor& actor, const QString& buyer, const QString& closingLine);
    /// The actor's own status (no permission needed: everyone sets their own).
    QFuture<Status> setPresence(const auth::Actor& actor, platform::AgentPresence presence);
    /// Every agent's status (queue.monitor), for the live queue.
    QFuture<Result<std::vector<platform::AgentState>>> teamStatus(const auth::Actor& actor);

private:
    ActionRunner& m_runner;
    OrderRepository& m_orders;
};

} // namespace shopdesk
