#include "services/orders/OrderService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/privacy/PiiVault.h"

#include <QCoreApplication>

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

} // namespace shopdesk
