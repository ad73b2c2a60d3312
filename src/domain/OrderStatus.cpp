#include "domain/OrderStatus.h"

#include <array>
#include <utility>

namespace shopdesk {

namespace {

constexpr std::array<std::pair<OrderStatus, const char16_t*>, 6> kOrderCodes{{
    {OrderStatus::WaitBuyerPay, u"WAIT_BUYER_PAY"},
    {OrderStatus::WaitSellerSendGoods, u"WAIT_SELLER_SEND_GOODS"},
    {OrderStatus::WaitBuyerConfirmGoods, u"WAIT_BUYER_CONFIRM_GOODS"},
    {OrderStatus::TradeFinished, u"TRADE_FINISHED"},
    {OrderStatus::TradeClosed, u"TRADE_CLOSED"},
    {OrderStatus::TradeClosedByTaobao, u"TRADE_CLOSED_BY_TAOBAO"},
}};

constexpr std::array<std::pair<RefundStatus, const char16_t*>, 6> kRefundCodes{{
    {RefundStatus::WaitSellerAgree, u"WAIT_SELLER_AGREE"},
    {RefundStatus::WaitBuyerReturnGoods, u"WAIT_BUYER_RETURN_GOODS"},
    {RefundStatus::WaitSellerConfirmGoods, u"WAIT_SELLER_CONFIRM_GOODS"},
    {RefundStatus::SellerRefuseBuyer, u"SELLER_REFUSE_BUYER"},
    {RefundStatus::Closed, u"CLOSED"},
    {RefundStatus::Success, u"SUCCESS"},
}};

template <typename E, std::size_t N>
QString codeOf(const std::array<std::pair<E, const char16_t*>, N>& table, E value)
{
    for (const auto& [e, code] : table) {
        if (e == value) {
            return QString::fromUtf16(code);
        }
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t*>, N>& table, QStringView code)
{
    for (const auto& [e, c] : table) {
        if (code == QStringView(c)) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace

QString orderStatusCode(OrderStatus status)
{
    return codeOf(kOrderCodes, status);
}

std::optional<OrderStatus> orderStatusFromCode(QStringView code)
{
    return valueOf(kOrderCodes, code);
}

bool isPaidState(OrderStatus status)
{
    return status != OrderStatus::WaitBuyerPay && status != OrderStatus::TradeClosedByTaobao;
}

bool canChangeAddress(OrderStatus status)
{
    return status == OrderStatus::WaitBuyerPay || status == OrderStatus::WaitSellerSendGoods;
}

bool canChangePrice(OrderStatus status)
{
    return status == OrderStatus::WaitBuyerPay;
}

QString refundStatusCode(RefundStatus status)
{
    return codeOf(kRefundCodes, status);
}

std::optional<RefundStatus> refundStatusFromCode(QStringView code)
{
    return valueOf(kRefundCodes, code);
}

bool isRefundPending(RefundStatus status)
{
    return status == RefundStatus::WaitSellerAgree || status == RefundStatus::WaitSellerConfirmGoods;
}

} // namespace shopdesk
