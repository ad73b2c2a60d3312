#include "common/Format.h"

#include "auth/Operation.h"
#include "common/Gates.h"
#include "domain/DisplayText.h"

#include <QCoreApplication>
#include <QDateTime>

namespace shopdesk::ui::format {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("shopdesk::ui::format", s);
}
} // namespace

QString shown(const QString& text)
{
    return displayText(text);
}

QString shownLine(const QString& text)
{
    return displayText(text, true);
}

QString auditAction(const QString& key)
{
    for (const auth::OperationInfo& op : auth::operationTable()) {
        if (key == QLatin1String(op.name)) {
            return QString::fromUtf8(gates::language() == u"en" ? op.en : op.zh);
        }
    }
    static const std::pair<const char*, const char*> kOthers[] = {
        {"login", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Login")},
        {"login.ok", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Login")},
        {"login.failed", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Failed login")},
        {"login.refused", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Login refused")},
        {"logout", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Logout")},
        {"account.locked", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Account locked")},
        {"account.unlock", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Account unlocked")},
        {"account.roles", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Roles changed")},
        {"password.change", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Own password changed")},
        {"password.reset", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Password reset")},
        {"permission.denied", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Refused: no permission")},
        {"chat.supervise", QT_TRANSLATE_NOOP("shopdesk::ui::format", "A colleague's chat acted on")},
        {"audit.reanchored", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Audit chain re-anchored")},
        {"settings.change", QT_TRANSLATE_NOOP("shopdesk::ui::format", "Setting changed")},
    };
    for (const auto& [k, label] : kOthers) {
        if (key == QLatin1String(k)) {
            return tr(label);
        }
    }
    return key;
}

QString groupName(const QString& key)
{
    if (key.isEmpty()) {
        return tr("anyone");
    }
    if (key == u"presales") {
        return tr("Pre-sales");
    }
    if (key == u"aftersales") {
        return tr("After-sales");
    }
    return key;
}

QString money(Fen fen)
{
    return formatYuan(fen); // "¥12.30": the sign is formatYuan's
}

namespace {
QTimeZone& shopZone()
{
    static QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    return zone;
}
} // namespace

void setZone(const QTimeZone& zone)
{
    if (zone.isValid()) {
        shopZone() = zone;
    }
}

const QTimeZone& zone()
{
    return shopZone();
}

QString shopTime(Timestamp t, const QString& pattern)
{
    return QDateTime::fromMSecsSinceEpoch(t.ms(), shopZone()).toString(pattern);
}

QString shortTime(Timestamp t, Timestamp now)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(t.ms(), shopZone());
    const QDateTime today = QDateTime::fromMSecsSinceEpoch(now.ms(), shopZone());
    return at.date() == today.date() ? at.toString(QStringLiteral("HH:mm"))
                                     : at.toString(QStringLiteral("MM-dd HH:mm"));
}

QString fullTime(Timestamp t)
{
    return shopTime(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString duration(qint64 secs)
{
    secs = std::max<qint64>(0, secs);
    if (secs >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(secs / 3600)
            .arg((secs / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(secs % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

QString orderStatus(OrderStatus s)
{
    switch (s) {
    case OrderStatus::WaitBuyerPay:
        return tr("Awaiting payment");
    case OrderStatus::WaitSellerSendGoods:
        return tr("To ship");
    case OrderStatus::WaitBuyerConfirmGoods:
        return tr("Shipped");
    case OrderStatus::TradeFinished:
        return tr("Completed");
    case OrderStatus::TradeClosed:
        return tr("Closed (refunded)");
    case OrderStatus::TradeClosedByTaobao:
        return tr("Closed (unpaid)");
    }
    return {};
}

QColor orderStatusColour(OrderStatus s)
{
    switch (s) {
    case OrderStatus::WaitBuyerPay:
        return QColor(0xE6, 0x7E, 0x22);
    case OrderStatus::WaitSellerSendGoods:
        return QColor(0xD3, 0x54, 0x00);
    case OrderStatus::WaitBuyerConfirmGoods:
        return QColor(0x29, 0x80, 0xB9);
    case OrderStatus::TradeFinished:
        return QColor(0x27, 0xAE, 0x60);
    case OrderStatus::TradeClosed:
    case OrderStatus::TradeClosedByTaobao:
        return QColor(0x7F, 0x8C, 0x8D);
    }
    return Qt::gray;
}

QString refundStatus(RefundStatus s)
{
    switch (s) {
    case RefundStatus::WaitSellerAgree:
        return tr("Awaiting the shop");
    case RefundStatus::WaitBuyerReturnGoods:
        return tr("Agreed, awaiting return");
    case RefundStatus::WaitSellerConfirmGoods:
        return tr("Return on its way");
    case RefundStatus::SellerRefuseBuyer:
        return tr("Refused");
    case RefundStatus::Closed:
        return tr("Withdrawn");
    case RefundStatus::Success:
        return tr("Refunded");
    }
    return {};
}

QString flagName(int flag)
{
    switch (flag) {
    case 1:
        return tr("Red");
    case 2:
        return tr("Yellow");
    case 3:
        return tr("Green");
    case 4:
        return tr("Blue");
    case 5:
        return tr("Pink");
    default:
        return tr("Grey (none)");
    }
}

QColor flagColour(int flag)
{
    switch (flag) {
    case 1:
        return QColor(0xE7, 0x4C, 0x3C);
    case 2:
        return QColor(0xF1, 0xC4, 0x0F);
    case 3:
        return QColor(0x2E, 0xCC, 0x71);
    case 4:
        return QColor(0x34, 0x98, 0xDB);
    case 5:
        return QColor(0xFF, 0x6F, 0xB5);
    default:
        return QColor(0xB0, 0xB0, 0xB0);
    }
}

} // namespace shopdesk::ui::format
