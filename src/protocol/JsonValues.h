#pragma once

#include "core/Timestamp.h"

#include <QJsonValue>

#include <optional>

namespace shopdesk::protocol {

/// The JSON of the protocol's scalars: times as milliseconds (null when absent), 64-bit numbers
/// within a double's exact range (ids and fen).
QJsonValue optionalTime(const std::optional<Timestamp>& t);
std::optional<Timestamp> timeFrom(const QJsonValue& v);
qint64 int64From(const QJsonValue& v);

} // namespace shopdesk::protocol
