#pragma once

#include "core/Result.h"
#include "domain/Capabilities.h"
#include "domain/Order.h"
#include "domain/Workbench.h"

#include <QFuture>

#include <optional>
#include <vector>

namespace shopdesk::session {

/// What may be offered for an order now: the permission, the platform's capability and the
/// order's state (the UI disables or hides the rest; the desk checks again).
struct OrderOffer {
    bool remark = false;
    bool address = false;
    bool price = false;
    bool logistics = false;
    bool refunds = false;
    bool refundDecide = false;
};

/// A buyer's orders, refunds and parcels, and what an agent does to them. Receivers come masked;
/// the full one only through reveal() (buyer.pii.view, audited before it is shown).
class Orders {
public:
    virtual ~Orders() = default;

    /// Newest first (order.view).
    virtual Result<std::vector<Order>> ofBuyer(const QString& platform, const QString& nick, int limit) = 0;
    virtual Result<std::optional<Order>> find(const QString& platform, const QString& orderNo) = 0;
    /// The refunds of the buyer's orders (refund.view).
    virtual Result<std::vector<Refund>> refundsOfBuyer(const QString& platform, const QString& nick) = 0;
    /// The parcel's trace as stored (order.logistics).
    virtual Result<std::vector<LogisticsEvent>> storedTrace(const QString& platform, const QString& orderNo) = 0;
    /// The trace as the platform has it now.
    virtual QFuture<Result<std::vector<LogisticsEvent>>> liveTrace(const QString& orderNo) = 0;
    /// The receiver in full; the audit entry is stored before the answer comes.
    virtual QFuture<Result<Receiver>> reveal(const QString& platform, const QString& orderNo) = 0;
    virtual OrderOffer offer(const Order& order) const = 0;

    virtual QFuture<Status> setRemark(const QString& orderNo, const QString& remark, int flag) = 0;
    virtual QFuture<Status> modifyAddress(const QString& orderNo, const Receiver& address) = 0;
    virtual QFuture<Status> modifyPrice(const QString& orderNo, Fen amountFen) = 0;
    virtual QFuture<Status> agreeRefund(const QString& refundNo) = 0;
    virtual QFuture<Status> refuseRefund(const QString& refundNo, const QString& reason) = 0;
    /// The platform's reasons for refusing a refund (the refuse dialog offers them, plus free text).
    virtual QStringList refuseReasons() const = 0;
    virtual QFuture<Status> replyReview(const QString& orderNo, const QString& reply) = 0;

    /// 待跟进: the person's buyers' orders that need chasing (followup.view).
    virtual Result<std::vector<FollowUp>> followUps() = 0;
};

/// What the shop keeps about buyers.
class Buyers {
public:
    virtual ~Buyers() = default;
    /// "" (none), "VIP", "A", "B", "C".
    static const QStringList& grades();

    virtual Result<BuyerNotes> notes(const QString& platform, const QString& nick) = 0;
    virtual QFuture<Status> setNotes(const QString& platform, const QString& nick, const BuyerNotes& notes) = 0;
    /// The buyer's profile on the platform (member level, orders placed).
    virtual QFuture<Result<platform::BuyerProfile>> profile(const QString& nick) = 0;
};

} // namespace shopdesk::session
