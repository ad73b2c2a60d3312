#include "services/orders/OrderService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/privacy/PiiVault.h"

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
    auto receiver = m_vault.open(*order);
    if (receiver) {
        m_audit.record(m_audit.entry(actor.fullName(), QStringLiteral("buyer.pii.reveal"), orderNo,
                                     QStringLiteral("receiver name, phone, address")));
    }
    return receiver;
}

} // namespace shopdesk
