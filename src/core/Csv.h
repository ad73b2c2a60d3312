#pragma once

#include <QByteArray>
#include <QString>

/// CSV for spreadsheets (RFC 4180 quoting), safe to open in Excel or WPS: a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula there (CSV injection), so
/// it is written with a leading apostrophe, which the spreadsheet shows as text and our readers
/// take off again.
namespace shopdesk::csv {

/// The UTF-8 byte-order mark: Excel reads a file without it in the machine's code page.
inline const QByteArray kBom = QByteArrayLiteral("\xEF\xBB\xBF");

/// Whether a spreadsheet would read `text` as a formula.
bool looksLikeFormula(const QString& text);
/// One field: neutralised when it looks like a formula, quoted when it holds a comma, a quote, a
/// line break or a neutralised start.
QString field(const QString& text);
/// A field as read back: the apostrophe field() put before a formula-like start is removed.
QString unneutralise(const QString& text);

} // namespace shopdesk::csv
