#include "services/privacy/PiiVault.h"

#include "domain/Pii.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace shopdesk {

PiiVault::PiiVault(QByteArray key)
    : m_cipher(std::move(key))
{
}

QByteArray PiiVault::context(const Order& order)
{
    return order.platform.toUtf8() + '\0' + order.orderNo.toUtf8();
}

void PiiVault::seal(Order& order) const
{
    if (!order.receiver) {
        return;
    }
    const Receiver& r = *order.receiver;
    QByteArray plain = QJsonDocument(QJsonObject{{QStringLiteral("name"), r.name},
                                                 {QStringLiteral("phone"), r.phone},
                                                 {QStringLiteral("address"), r.address}})
                           .toJson(QJsonDocument::Compact);
    order.receiverSealed = m_cipher.seal(plain, context(order));
    plain.fill('\0');
    if (order.receiverMasked.name.isEmpty()) {
        order.receiverMasked.name = pii::maskName(r.name);
    }
    if (order.receiverMasked.phone.isEmpty()) {
        order.receiverMasked.phone = pii::maskPhone(r.phone);
    }
    if (order.receiverMasked.address.isEmpty()) {
        order.receiverMasked.address = pii::maskAddress(r.address);
    }
    order.receiver.reset();
}

Result<Receiver> PiiVault::open(const Order& order) const
{
    if (order.receiverSealed.isEmpty()) {
        return Error::notFound(QStringLiteral("The order %1 has no receiver details.").arg(order.orderNo));
    }
    auto plain = m_cipher.open(order.receiverSealed, context(order));
    if (!plain) {
        return Error::internal(QStringLiteral("The receiver details of order %1 cannot be decrypted (wrong key or "
                                              "damaged data).")
                                   .arg(order.orderNo));
    }
    const QJsonObject o = QJsonDocument::fromJson(*plain).object();
    plain->fill('\0');
    return Receiver{o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("phone")).toString(),
                    o.value(QStringLiteral("address")).toString()};
}

} // namespace shopdesk
