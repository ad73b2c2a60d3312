#pragma once

#include <QString>

namespace shopdesk::pinyin {

/// The pinyin initial (a-z) of a Chinese character, or 0 when it has none known. Covers the 3,755
/// common characters of GB 2312 level 1 (ordered by pinyin there), which hold the words of shop
/// phrases; rarer characters have no initial and are simply skipped by initials().
char initialOf(char32_t c);

/// The initials of `text` for quick-reply lookup: each Chinese character's pinyin initial, letters
/// and digits folded to lower case, everything else dropped ("亲，发货了 OK" -> "qfhlok").
QString initials(QStringView text);

} // namespace shopdesk::pinyin
