#pragma once

#include "core/Timestamp.h"

#include "domain/Money.h"
#include "domain/OrderStatus.h"
#include <QTimeZone>

#include <QColor>
#include <QString>

namespace shopdesk::ui::format {

/// "¥12.30"
QString money(Fen fen);
/// Text from outside (messages, nicks, remarks) as it may be shown: controls as visible marks,
/// direction overrides neutralised, line breaks kept (`shown`) or flattened (`shownLine`).
QString shown(const QString& text);
QString shownLine(const QString& text);
/// "09:41" today, "11-10 09:41" on another day, in local time.
/// The zone every time is shown in: the shop's (set once the session is known; Asia/Shanghai until then).
void setZone(const QTimeZone& zone);
const QTimeZone& zone();
/// `t` in the shop's zone, e.g. with "MM-dd HH:mm".
QString shopTime(Timestamp t, const QString& pattern);
/// "HH:mm" today (in the shop's zone), else "MM-dd HH:mm".
QString shortTime(Timestamp t, Timestamp now);
QString fullTime(Timestamp t);
/// "1:05" / "12:30" (minutes:seconds), "1:02:03" past an hour.
QString duration(qint64 secs);

/// The agent's words for order and refund states (待付款, 待发货, ...).
QString orderStatus(OrderStatus s);
QColor orderStatusColour(OrderStatus s);
QString refundStatus(RefundStatus s);

/// A routing group as people call it: the built-in keys by their names (售前, 售后), others as
/// the shop named them; empty: anyone in the shop.
QString groupName(const QString& key);

/// An audit entry's action as people read it ("同意退款" for refund.agree); the key itself when
/// nothing better is known.
QString auditAction(const QString& key);

/// Flag colours 0-5: names and colours as the platforms show them.
QString flagName(int flag);
QColor flagColour(int flag);

} // namespace shopdesk::ui::format
