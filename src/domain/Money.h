#pragma once

#include <QString>

namespace shopdesk {

/// Money is an integer number of fen (分, 1/100 yuan). Never a double.
using Fen = qint64;

/// "¥129.00", "-¥5.50".
QString formatYuan(Fen fen);

/// Parses "129", "129.5", "129.50", "¥129.00" into fen; false on anything else (more than two
/// decimals, signs, garbage).
bool parseYuan(QStringView text, Fen& out);

} // namespace shopdesk
