#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"

#include <QTimeZone>

namespace shopdesk::isotime {

/// Parses ISO 8601 date-time *with* a UTC offset: 2026-11-11T10:00:00+08:00, ...Z, optional
/// fractional seconds (kept to the millisecond). A time without an offset is refused: it would be
/// read in whatever zone the machine happens to be in.
Result<Timestamp> parse(QStringView text);

/// Formats `t` in `zone` as 2026-11-11T10:00:00+08:00 (milliseconds only when non-zero).
QString format(Timestamp t, const QTimeZone& zone);

/// Parses a calendar date YYYY-MM-DD and returns its midnight in `zone`.
Result<Timestamp> parseDateStart(QStringView text, const QTimeZone& zone);

} // namespace shopdesk::isotime
