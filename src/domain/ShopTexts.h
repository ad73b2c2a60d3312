#pragma once

#include <QString>
#include <QStringList>

namespace shopdesk {

/// What the shop says to buyers in its own words: shop settings with defaults, edited by the team
/// (shop.texts.edit), used by the chat service, never written into a widget. The payment reminder
/// may use the phrase variables ({订单号}, {买家}, {店铺}, {客服}).
struct ShopTexts {
    QString closingLine = QStringLiteral("亲，感谢您的支持，有问题随时联系我们哦，祝您生活愉快~");
    QString ratingInvitation = QStringLiteral("请您对本次服务进行评价，您的反馈对我们很重要。");
    QString paymentReminder =
        QStringLiteral("亲，您拍下的订单{订单号}还没有付款哦，库存有限，付款后我们会尽快为您发货~");

    /// Longest text a setting takes (characters).
    static constexpr int kMaxChars = 500;
    static inline const QString kClosingLine = QStringLiteral("text.closing_line");
    static inline const QString kRatingInvitation = QStringLiteral("text.rating_invitation");
    static inline const QString kPaymentReminder = QStringLiteral("text.payment_reminder");
    static const QStringList& keys()
    {
        static const QStringList k{kClosingLine, kRatingInvitation, kPaymentReminder};
        return k;
    }
    bool operator==(const ShopTexts&) const = default;
};

} // namespace shopdesk
