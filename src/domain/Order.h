#pragma once

#include "core/Timestamp.h"
#include "domain/Ids.h"
#include "domain/Money.h"
#include "domain/OrderStatus.h"

#include <QString>

#include <optional>
#include <vector>

namespace shopdesk {

struct OrderItem {
    QString title;
    int quantity = 1;
    Fen priceFen = 0; ///< unit price
};

/// The longest reason the shop may give a buyer for refusing a refund (Taobao: 2-200 characters).
inline constexpr int kMaxRefuseReasonChars = 200;

/// Flag colours of an order (插旗), Taobao's numbering.
enum class FlagColour { Grey = 0, Red = 1, Yellow = 2, Green = 3, Blue = 4, Pink = 5 };
constexpr int kMaxFlag = 5;

/// Receiver of a parcel: buyer personal data, encrypted at rest and shown masked without permission.
struct Receiver {
    QString name;
    QString phone;
    QString address;
    bool operator==(const Receiver&) const = default;
};

struct Order {
    OrderId id;
    QString platform = QStringLiteral("sim");
    QString orderNo; ///< the platform's order number ("T1001")
    QString buyerNick;
    OrderStatus status = OrderStatus::WaitBuyerPay;
    Timestamp createdAt;
    std::optional<Timestamp> paidAt;
    Fen amountFen = 0;
    QString remark;    ///< seller remark (备注), at most 1,000 UTF-8 bytes on Taobao
    int flag = 0;      ///< FlagColour value 0-5
    QString flaggedBy; ///< agent who flagged the order; beats last-chat in sales attribution
    /// The receiver in clear: only in transit (from a platform or an import) until the privacy
    /// service seals it. The store refuses to write an order that still carries it.
    std::optional<Receiver> receiver;
    /// What the store keeps: the receiver sealed with AES-256-GCM, and the masked form every agent
    /// may see (the platform's own masked form when it gives one).
    QByteArray receiverSealed;
    Receiver receiverMasked;
    std::vector<OrderItem> items;
};

struct Refund {
    RefundId id;
    QString platform = QStringLiteral("sim");
    QString refundNo;
    QString orderNo;
    RefundStatus status = RefundStatus::WaitSellerAgree;
    Fen amountFen = 0;
    Timestamp createdAt;
    QString reason;
    QString refuseReason;
    /// What the buyer asks for: the money back only, or to return the goods for it.
    enum class Kind { RefundOnly, ReturnAndRefund };
    Kind kind = Kind::RefundOnly;
    /// The platform's deadline for the shop's answer (it decides for the buyer after it).
    std::optional<Timestamp> deadline;
    /// Pictures the buyer attached as proof.
    int evidenceCount = 0;
};

/// One step of a parcel's trace.
struct LogisticsEvent {
    QString platform = QStringLiteral("sim");
    QString orderNo;
    Timestamp at;
    QString carrier;
    QString trackingNo;
    QString description;
};

} // namespace shopdesk
