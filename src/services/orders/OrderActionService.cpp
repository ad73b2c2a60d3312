#include "services/orders/OrderActionService.h"

#include "services/actions/ActionRunner.h"
#include "services/chat/ChatService.h"
#include "services/orders/OrderRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace shopdesk {

using platform::Capability;
using Op = auth::Operation;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::OrderActionService", text);
}

const char* flagName(int flag)
{
    static const char* names[] = {"grey", "red", "yellow", "green", "blue", "pink"};
    return flag >= 0 && flag <= kMaxFlag ? names[flag] : "?";
}

} // namespace

OrderActionService::OrderActionService(ActionRunner& runner, OrderRepository& orders, ChatService& chats)
    : m_runner(runner)
    , m_orders(orders)
    , m_chats(chats)
{
}

Status OrderActionService::checkBuyer(const auth::Actor& actor, const Order& order, auth::Operation operation)
{
    return m_chats.checkOwnership(m_runner, actor, order.buyerNick, operation, nullptr, true);
}

Result<Order> OrderActionService::storedOrder(const QString& orderNo) const
{
    auto order = m_orders.findOrder(m_runner.platformName(), orderNo);
    if (!order) {
        return order.error();
    }
    if (!*order) {
        return Error::notFound(tr("There is no order %1.").arg(orderNo));
    }
    return **order;
}

Result<Refund> OrderActionService::storedRefund(const QString& refundNo) const
{
    auto refund = m_orders.findRefund(m_runner.platformName(), refundNo);
    if (!refund) {
        return refund.error();
    }
    if (!*refund) {
        return Error::notFound(tr("There is no refund %1.").arg(refundNo));
    }
    return **refund;
}

OrderActionService::Offer OrderActionService::offer(const auth::Actor& actor, const Order& order) const
{
    auto can = [&](Op op, Capability c) { return ActionRunner::permitted(actor, op) && m_runner.supports(c); };
    Offer o;
    o.remark = can(Op::OrderRemark, Capability::Remark);
    o.address = can(Op::OrderAddressModify, Capability::ModifyAddress) && canChangeAddress(order.status);
    o.price = can(Op::OrderPriceModify, Capability::ModifyPrice) && canChangePrice(order.status);
    o.logistics = can(Op::OrderLogistics, Capability::Logistics) && isPaidState(order.status);
    o.refunds = can(Op::RefundView, Capability::Refunds);
    o.refundDecide = o.refunds && (can(Op::RefundAgree, Capability::RefundDecide) ||
                                   can(Op::RefundRefuse, Capability::RefundDecide));
    return o;
}

QFuture<Status> OrderActionService::setRemark(ActorSource who, const QString& orderNo, const QString& remark, int flag)
{
    const qsizetype bytes = remark.toUtf8().size();
    const ActionRunner::Action action{
        Op::OrderRemark, Capability::Remark, orderNo,
        QStringLiteral("remark %1 bytes, flag %2 (%3)").arg(bytes).arg(flag).arg(QLatin1String(flagName(flag)))};
    auto validate = [=, this](const auth::Actor& a) -> Status {
        if (bytes > kMaxRemarkBytes) {
            return Error::invalid(tr("A seller remark has at most 1,000 bytes (this one has %1; a Chinese character "
                                     "takes 3).")
                                      .arg(bytes));
        }
        if (flag < 0 || flag > kMaxFlag) {
            return Error::invalid(tr("The flag colour must be 0 (grey) to 5 (pink)."));
        }
        auto order = storedOrder(orderNo);
        return order ? checkBuyer(a, *order, Op::OrderRemark) : Status(order.error());
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate, [&p, orderNo, remark, flag](const auth::Actor& a) {
        return p.setRemark(orderNo, remark, flag, a.name);
    });
}

bool OrderActionService::validPhone(const QString& phone)
{
    // A mainland mobile number (optionally +86) or a landline with area code and extension.
    static const QRegularExpression mobile(QStringLiteral("^(\\+?86[- ]?)?1[3-9]\\d{9}$"));
    static const QRegularExpression landline(QStringLiteral("^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$"));
    const QString p = phone.trimmed();
    return mobile.match(p).hasMatch() || landline.match(p).hasMatch();
}

QFuture<Status> OrderActionService::modifyAddress(ActorSource who, const QString& orderNo, const Receiver& address)
{
    // The audit names the order only: the address is buyer personal data.
    const ActionRunner::Action action{Op::OrderAddressModify, Capability::ModifyAddress, orderNo,
                                      QStringLiteral("receiver changed")};
    auto validate = [=, this](const auth::Actor& a) -> Status {
        const QString name = address.name.trimmed();
        const QString street = address.address.trimmed();
        if (name.isEmpty() || name.size() > 50) {
            return Error::invalid(tr("Give the receiver's name (at most 50 characters)."));
        }
        if (!validPhone(address.phone)) {
            return Error::invalid(
                tr("The phone number is not valid: give an 11-digit mobile number or a landline with area code."));
        }
        if (street.size() < 5 || street.size() > 200) {
            return Error::invalid(tr("Give the full address: province, city, district and street (5 to 200 "
                                     "characters)."));
        }
        auto order = storedOrder(orderNo);
        if (!order) {
            return order.error();
        }
        if (!canChangeAddress(order->status)) {
            return Error::invalid(
                tr("Order %1 has already shipped (%2): its address can no longer be changed. Offer the buyer a parcel "
                   "interception or a return instead.")
                    .arg(orderNo, orderStatusCode(order->status)));
        }
        return checkBuyer(a, *order, Op::OrderAddressModify);
    };
    const Receiver clean{address.name.trimmed(), address.phone.trimmed(), address.address.trimmed()};
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, orderNo, clean](const auth::Actor&) { return p.modifyAddress(orderNo, clean); });
}

QFuture<Status> OrderActionService::modifyPrice(ActorSource who, const QString& orderNo, Fen amountFen)
{
    // The entry names both amounts: what the order cost before and what it costs now.
    auto before = storedOrder(orderNo);
    const QString was = before ? formatYuan(before->amountFen) : QStringLiteral("?");
    const ActionRunner::Action action{Op::OrderPriceModify, Capability::ModifyPrice, orderNo,
                                      QStringLiteral("amount %1 -> %2").arg(was, formatYuan(amountFen))};
    auto validate = [=, this](const auth::Actor& a) -> Status {
        auto order = storedOrder(orderNo);
        if (!order) {
            return order.error();
        }
        if (!canChangePrice(order->status)) {
            return Error::invalid(tr("Order %1 is already paid (%2): its price can no longer be changed.")
                                      .arg(orderNo, orderStatusCode(order->status)));
        }
        if (amountFen <= 0) {
            return Error::invalid(tr("The new price must be above ¥0.00."));
        }
        if (amountFen >= order->amountFen) {
            return Error::invalid(tr("A price change is a discount: the new price must be below the current %1.")
                                      .arg(formatYuan(order->amountFen)));
        }
        return checkBuyer(a, *order, Op::OrderPriceModify);
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, orderNo, amountFen](const auth::Actor&) { return p.modifyPrice(orderNo, amountFen); });
}

QFuture<Status> OrderActionService::agreeRefund(ActorSource who, const QString& refundNo)
{
    const ActionRunner::Action action{Op::RefundAgree, Capability::RefundDecide, refundNo, QStringLiteral("agreed")};
    auto validate = [=, this](const auth::Actor& a) -> Status {
        auto refund = storedRefund(refundNo);
        if (!refund) {
            return refund.error();
        }
        if (!isRefundPending(refund->status)) {
            return Error::invalid(
                tr("Refund %1 is already decided (%2).").arg(refundNo, refundStatusCode(refund->status)));
        }
        auto order = storedOrder(refund->orderNo);
        return order ? checkBuyer(a, *order, Op::RefundAgree) : Status(order.error());
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, refundNo](const auth::Actor&) { return p.agreeRefund(refundNo); });
}

QFuture<Status> OrderActionService::refuseRefund(ActorSource who, const QString& refundNo, const QString& reason)
{
    const QString why = reason.trimmed();
    const ActionRunner::Action action{Op::RefundRefuse, Capability::RefundDecide, refundNo,
                                      QStringLiteral("refused, reason %1 characters").arg(why.size())};
    auto validate = [=, this](const auth::Actor& a) -> Status {
        if (why.isEmpty()) {
            return Error::invalid(tr("Give the buyer a reason for refusing the refund."));
        }
        if (why.size() > kMaxRefuseReason) {
            return Error::invalid(tr("The reason has at most %1 characters.").arg(kMaxRefuseReason));
        }
        auto refund = storedRefund(refundNo);
        if (!refund) {
            return refund.error();
        }
        if (!isRefundPending(refund->status)) {
            return Error::invalid(
                tr("Refund %1 is already decided (%2).").arg(refundNo, refundStatusCode(refund->status)));
        }
        auto order = storedOrder(refund->orderNo);
        return order ? checkBuyer(a, *order, Op::RefundRefuse) : Status(order.error());
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, refundNo, why](const auth::Actor&) { return p.refuseRefund(refundNo, why); });
}

QFuture<Status> OrderActionService::replyReview(ActorSource who, const QString& orderNo, const QString& reply)
{
    const QString text = reply.trimmed();
    const ActionRunner::Action action{Op::ReviewReply, Capability::ReviewReply, orderNo,
                                      QStringLiteral("reply %1 characters").arg(text.size())};
    auto validate = [=, this](const auth::Actor&) -> Status {
        if (text.isEmpty() || text.size() > kMaxReviewReply) {
            return Error::invalid(tr("A reply has 1 to %1 characters.").arg(kMaxReviewReply));
        }
        auto order = storedOrder(orderNo);
        return order ? Status() : Status(order.error());
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, orderNo, text](const auth::Actor&) { return p.replyReview(orderNo, text); });
}

QFuture<Result<std::vector<LogisticsEvent>>> OrderActionService::logistics(ActorSource who, const QString& orderNo)
{
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.read<std::vector<LogisticsEvent>>(std::move(who), Op::OrderLogistics, Capability::Logistics,
                                                      [&p, orderNo] { return p.logistics(orderNo); });
}

} // namespace shopdesk
