#pragma once

#include "services/orders/OrderRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteOrderRepository final : public OrderRepository {
public:
    explicit SqliteOrderRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<std::optional<Order>> findOrder(const QString& platform, const QString& orderNo) override;
    Result<std::vector<Refund>> refundsOfOrder(const QString& platform, const QString& orderNo) override;
    Result<std::optional<Refund>> findRefund(const QString& platform, const QString& refundNo) override;
    Result<std::vector<Order>> ordersOfBuyer(const QString& platform, const QString& nick, int limit) override;
    Result<std::vector<LogisticsEvent>> storedLogistics(const QString& platform, const QString& orderNo) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
