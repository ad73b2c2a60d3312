#pragma once

#include <QString>

#include <optional>

namespace shopdesk {

/// ShopDesk's order states. The names are Taobao's vocabulary (domain.md); adapters of other
/// platforms map their own states onto these.
enum class OrderStatus {
    WaitBuyerPay,          ///< WAIT_BUYER_PAY: placed, not paid
    WaitSellerSendGoods,   ///< WAIT_SELLER_SEND_GOODS: paid, to ship
    WaitBuyerConfirmGoods, ///< WAIT_BUYER_CONFIRM_GOODS: shipped
    TradeFinished,         ///< TRADE_FINISHED
    TradeClosed,           ///< TRADE_CLOSED: refunded or cancelled after payment
    TradeClosedByTaobao,   ///< TRADE_CLOSED_BY_TAOBAO: cancelled before payment
};

QString orderStatusCode(OrderStatus status);
std::optional<OrderStatus> orderStatusFromCode(QStringView code);

/// Whether the order has been paid (every state after WAIT_BUYER_PAY except a pre-payment close).
bool isPaidState(OrderStatus status);
/// The receiver address may change only before the goods leave.
bool canChangeAddress(OrderStatus status);
/// The price may change only before payment.
bool canChangePrice(OrderStatus status);

/// Refund states, Taobao vocabulary.
enum class RefundStatus {
    WaitSellerAgree,        ///< WAIT_SELLER_AGREE: the buyer asked, the shop decides
    WaitBuyerReturnGoods,   ///< WAIT_BUYER_RETURN_GOODS: agreed, waiting for the parcel back
    WaitSellerConfirmGoods, ///< WAIT_SELLER_CONFIRM_GOODS: returned parcel on its way / arrived
    SellerRefuseBuyer,      ///< SELLER_REFUSE_BUYER
    Closed,                 ///< CLOSED: withdrawn
    Success,                ///< SUCCESS: money returned
};

QString refundStatusCode(RefundStatus status);
std::optional<RefundStatus> refundStatusFromCode(QStringView code);
/// A refund still waiting on the shop (agree/refuse apply).
bool isRefundPending(RefundStatus status);

} // namespace shopdesk
