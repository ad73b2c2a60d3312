#pragma once

#include <QString>

namespace shopdesk {

/// What a person is shown of text that came from outside (a buyer's message, a nick, a remark):
/// the stored original is kept for the record, but on screen
/// - line breaks break lines (U+2028, which text layout honours; "\r\n" counts once);
/// - tabs become a space;
/// - other control characters (BEL, ESC, C1 controls, DEL) become visible marks (␇, ␛, …, or
///   U+FFFD where Unicode has no picture), noncharacters (U+FFFE, U+FFFF, …) and lone surrogates
///   become U+FFFD;
/// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
///   Arabic letter mark become U+FFFD, so no message can reorder the text around it ("abc" shown
///   as "cba", an order number or an amount spoofed).
/// `singleLine` maps line breaks to a space too (previews, list rows, window titles).
QString displayText(const QString& text, bool singleLine = false);

} // namespace shopdesk
