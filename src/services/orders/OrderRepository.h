#pragma once

#include "core/Result.h"
#include "domain/Order.h"

#include <optional>
#include <vector>

namespace shopdesk {

/// Orders and refunds as the store has them.
class OrderRepository {
public:
    virtual ~OrderRepository() = default;
    /// By platform order number, with items, the sealed receiver and its masked form.
    virtual Result<std::optional<Order>> findOrder(const QString& platform, const QString& orderNo) = 0;
    virtual Result<std::vector<Refund>> refundsOfOrder(const QString& platform, const QString& orderNo) = 0;
    virtual Result<std::optional<Refund>> findRefund(const QString& platform, const QString& refundNo) = 0;
    /// The buyer's orders, newest first (at most `limit`), with items and masked receivers.
    virtual Result<std::vector<Order>> ordersOfBuyer(const QString& platform, const QString& nick, int limit) = 0;
    /// A parcel's trace as stored, oldest first.
    virtual Result<std::vector<LogisticsEvent>> storedLogistics(const QString& platform, const QString& orderNo) = 0;
};

} // namespace shopdesk
