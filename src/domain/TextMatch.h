#pragma once

#include <QString>
#include <QStringList>

namespace shopdesk::textmatch {

/// The one definition of "a message matches a search" that the full-text index, the fallback scan
/// and the tests all share: every query term (split at white space) occurs in the text as a
/// substring, letters compared case-insensitively (simple lower-case mapping per code point).

/// Case folding of one code point.
char32_t fold(char32_t c);

/// White space separates query terms and breaks index n-grams (Unicode white space incl. U+3000).
bool isSpace(char32_t c);

/// `s` with every code point folded.
QString foldString(QStringView s);

/// The query's terms, in order, duplicates removed, *not* folded.
QStringList splitTerms(QStringView query);

/// True when every term of `foldedTerms` (already folded) occurs in `text`.
bool containsAll(QStringView text, const QStringList& foldedTerms);

} // namespace shopdesk::textmatch
