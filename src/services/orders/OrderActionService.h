#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/Order.h"
#include "domain/Session.h"
#include "services/actions/ActionRunner.h"

#include <QFuture>

#include <vector>

namespace shopdesk {

class ChatService;
class OrderRepository;

/// What an agent does to an order and its refunds from the side panel. Every action is gated by its
/// permission, limited to the agent's own buyers (a colleague's or a queued buyer needs
/// chat.supervise), checked against the order's state as stored (a clear error, nothing changed),
/// audited before it is sent, and sent to the platform with retries of transient failures. The
/// store changes when the platform's confirming event arrives, never on the answer alone.
class OrderActionService {
public:
    /// Taobao's limit for a seller remark (备注).
    static constexpr int kMaxRemarkBytes = 1000;
    static constexpr int kMaxRefuseReason = kMaxRefuseReasonChars;
    static constexpr int kMaxReviewReply = 500;

    OrderActionService(ActionRunner& runner, OrderRepository& orders, ChatService& chats);

    /// What the side panel may offer for `order` now: permission, the adapter's capability, and
    /// the order's state (the UI disables or hides the rest; the services check again).
    struct Offer {
        bool remark = false;
        bool address = false;
        bool price = false;
        bool logistics = false;
        bool refunds = false;
        bool refundDecide = false; ///< agree (with refund.agree) or refuse (refund.refuse) pending refunds
    };
    Offer offer(const auth::Actor& actor, const Order& order) const;

    /// Seller remark (at most 1,000 UTF-8 bytes) and flag colour 0-5 (FlagColour).
    QFuture<Status> setRemark(ActorSource who, const QString& orderNo, const QString& remark, int flag);
    /// Only before the goods leave.
    QFuture<Status> modifyAddress(ActorSource who, const QString& orderNo, const Receiver& address);
    /// Only before payment; a discount: above zero and below the current amount.
    QFuture<Status> modifyPrice(ActorSource who, const QString& orderNo, Fen amountFen);
    QFuture<Status> agreeRefund(ActorSource who, const QString& refundNo);
    /// The reason is required; the buyer sees it.
    QFuture<Status> refuseRefund(ActorSource who, const QString& refundNo, const QString& reason);
    QFuture<Status> replyReview(ActorSource who, const QString& orderNo, const QString& reply);

    /// The parcel's trace as the platform has it now.
    QFuture<Result<std::vector<LogisticsEvent>>> logistics(ActorSource who, const QString& orderNo);

    static bool validPhone(const QString& phone);

private:
    Result<Order> storedOrder(const QString& orderNo) const;
    Result<Refund> storedRefund(const QString& refundNo) const;
    /// The order's buyer must be the actor's (see ChatService::checkOwnership).
    Status checkBuyer(const auth::Actor& actor, const Order& order, auth::Operation operation);

    ActionRunner& m_runner;
    OrderRepository& m_orders;
    ChatService& m_chats;
};

} // namespace shopdesk
