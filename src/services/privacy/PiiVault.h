#pragma once

#include "core/Result.h"
#include "crypto/AesGcm.h"
#include "domain/Order.h"

namespace shopdesk {

/// Seals buyer personal data (an order's receiver) with AES-256-GCM before it reaches the store,
/// and opens it again for a permitted reveal. A sealed value is bound to its order (platform and
/// number as associated data), so it cannot be moved to another order.
class PiiVault {
public:
    explicit PiiVault(QByteArray key);

    /// Moves `order.receiver` into `receiverSealed`, fills the masked forms the platform did not
    /// give, and clears the clear text. No-op for an order without a receiver.
    void seal(Order& order) const;
    /// The receiver of a stored order; NotFound when it has none.
    Result<Receiver> open(const Order& order) const;

private:
    static QByteArray context(const Order& order);
    crypto::AesGcm m_cipher;
};

} // namespace shopdesk
