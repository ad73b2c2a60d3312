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
};

} // namespace shopdesk
