#pragma once

#include <QString>
#include <QStringList>

namespace shopdesk::store {

/// The FTS5 MATCH expression for query terms: each term becomes one double-quoted FTS5 string
/// ("" inside doubles a quote), so that nothing the user typed - quotes, *, NEAR(, OR, -, :, ^,
/// parentheses - is ever read as query syntax. The quoted strings are ANDed. The tokenizer turns
/// each string into its unigram or bigram phrase.
QString ftsMatchExpression(const QStringList& terms);

} // namespace shopdesk::store
