#pragma once

#include "auth/Actor.h"
#include "services/orders/OrderRepository.h"

namespace shopdesk {

class AccessGate;
class AuditLog;
class PiiVault;

/// Orders as agents see them: with order.view the order and its masked receiver; with
/// buyer.pii.view the receiver in full, every reveal audited.
class OrderService {
public:
    OrderService(OrderRepository& orders, const PiiVault& vault, AccessGate& gate, AuditLog& audit);

    /// The order with the masked receiver only (the sealed form is never handed out).
    Result<Order> find(const auth::Actor& actor, const QString& platform, const QString& orderNo);
    /// The receiver in full (buyer.pii.reveal). The audit entry is committed first; when it cannot be,
    /// nothing is shown. Waits for the store's writer: never on the UI thread.
    Result<Receiver> revealReceiver(const auth::Actor& actor, const QString& platform, const QString& orderNo);

    static constexpr int kMaxPage = 500;
    /// The buyer's orders, newest first, masked (order.view).
    Result<std::vector<Order>> ordersOfBuyer(const auth::Actor& actor, const QString& platform, const QString& nick,
                                             int limit);
    /// The refunds of the buyer's orders (refund.view).
    Result<std::vector<Refund>> refundsOfBuyer(const auth::Actor& actor, const QString& platform, const QString& nick);
    /// A parcel's trace as stored (order.logistics).
    Result<std::vector<LogisticsEvent>> storedTrace(const auth::Actor& actor, const QString& platform,
                                                    const QString& orderNo);

private:
    Result<Order> load(const QString& platform, const QString& orderNo);

    OrderRepository& m_orders;
    const PiiVault& m_vault;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
