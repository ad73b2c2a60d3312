#pragma once

#include "domain/Order.h"

#include <QJsonObject>

namespace shopdesk::protocol {

/// Orders as the server sends them: the receiver masked only (the sealed form never leaves the
/// server; a reveal sends the Receiver alone, after its audit entry).
QJsonObject toJson(const Order& o);
Order orderFromJson(const QJsonObject& o);
QJsonObject toJson(const Refund& r);
Refund refundFromJson(const QJsonObject& o);
QJsonObject toJson(const LogisticsEvent& e);
LogisticsEvent logisticsFromJson(const QJsonObject& o);
QJsonObject toJson(const Receiver& r);
Receiver receiverFromJson(const QJsonObject& o);

} // namespace shopdesk::protocol
