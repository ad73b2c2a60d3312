#pragma once

#include "core/Timestamp.h"
#include "domain/Money.h"
#include "domain/OrderStatus.h"

#include <QColor>
#include <QString>

namespace shopdesk::ui::format {

/// "¥12.30"
QString money(Fen fen);
/// "09:41" today, "11-10 09:41" on another day, in local time.
QString shortTime(Timestamp t, Timestamp now);
QString fullTime(Timestamp t);
/// "1:05" / "12:30" (minutes:seconds), "1:02:03" past an hour.
QString duration(qint64 secs);

/// The agent's words for order and refund states (待付款, 待发货, ...).
QString orderStatus(OrderStatus s);
QColor orderStatusColour(OrderStatus s);
QString refundStatus(RefundStatus s);

/// Flag colours 0-5: names and colours as the platforms show them.
QString flagName(int flag);
QColor flagColour(int flag);

} // namespace shopdesk::ui::format
