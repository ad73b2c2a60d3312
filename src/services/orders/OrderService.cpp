#include "services/orders/OrderService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/privacy/PiiVault.h"

#include <QCoreApplication>

#include <algorithm>

namespace shopdesk {

OrderService::OrderService(OrderRepository& orders, const PiiVault& vault, AccessGate& gate, AuditLog& audit)
    : m_orders(orders)
    , m_vault(vault)
    , m_gate(gate)
    , m_audit(audit)
{
}

Result<Order> OrderService::load(const QString& platform, const QString& orderNo)
{
    auto order = m_orders.findOrder(platform, orderNo);
    if (!order) {
        return order.error();
    }
    if (!*order) {
        return Error::notFound(QStringLiteral("There is no order %1.").arg(orderNo));
    }
    return **order;
}

Result<Order> OrderService::find(const auth::Actor& actor, const QString& platform, const QString& orderNo)
{
    if (Status st = m_gate.check(actor, auth::Operation::OrderView); !st) {
        return st.error();
    }
    auto order = load(platform, orderNo);
    if (order) {
        order->receiverSealed.clear();
    }
    return order;
}

Result<Receiver> OrderService::revealReceiver(const auth::Actor& actor, const QString& platform, const QString& orderNo)
{
    if (Status st = m_gate.check(actor, auth::Operation::BuyerPiiReveal); !st) {
        return st.error();
    }
    auto order = load(platform, orderNo);
    if (!order) {
        return order.error();
    }
    if (order->receiverSealed.isEmpty()) {
        return Error::notFound(QStringLiteral("Order %1 has no receiver on record.").arg(orderNo));
    }
    // On record before anything is shown: a reveal that cannot be audited does not happen.
    if (Status st = m_audit.recordNow(m_audit.entry(actor.fullName(), QStringLiteral("buyer.pii.reveal"), orderNo,
                                                    QStringLiteral("receiver name, phone, address")));
        !st) {
        return Error::internal(
            QCoreApplication::translate("OrderService", "Not shown: the audit log could not record the reveal (%1).")
                .arg(st.error().message));
    }
    return m_vault.open(*order);
}

Result<std::vector<Order>> OrderService::ordersOfBuyer(const auth::Actor& actor, const QString& platform,
                                                       const QString& nick, int limit)
{
    if (Status st = m_gate.check(actor, auth::Operation::OrderView); !st) {
        return st.error();
    }
    auto orders = m_orders.ordersOfBuyer(platform, nick, std::clamp(limit, 1, kMaxPage));
    if (orders) {
        for (Order& o : *orders) {
            o.receiverSealed.clear(); // the sealed form never leaves the services
        }
    }
    return orders;
}

Result<std::vector<Refund>> OrderService::refundsOfBuyer(const auth::Actor& actor, const QString& platform,
                                                         const QString& nick)
{
    if (Status st = m_gate.check(actor, auth::Operation::RefundView); !st) {
        return st.error();
    }
    auto orders = m_orders.ordersOfBuyer(platform, nick, kMaxPage);
    if (!orders) {
        return orders.error();
    }
    std::vector<Refund> out;
    for (const Order& o : *orders) {
        auto refunds = m_orders.refundsOfOrder(platform, o.orderNo);
        if (!refunds) {
            return refunds.error();
        }
        out.insert(out.end(), refunds->begin(), refunds->end());
    }
    return out;
}

Result<std::vector<LogisticsEvent>> OrderService::storedTrace(const auth::Actor& actor, const QString& platform,
                                                              const QString& orderNo)
{
    if (Status st = m_gate.check(actor, auth::Operation::OrderLogistics); !st) {
        return st.error();
    }
    return m_orders.storedLogistics(platform, orderNo);
}

} // namespace shopdesk
