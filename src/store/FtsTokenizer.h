#pragma once

#include "core/Result.h"

#include <functional>
#include <string>
#include <string_view>

struct sqlite3;

namespace shopdesk::store {

/// The "shopdesk" FTS5 tokenizer: exact substring search for text of any script and any query length.
///
/// Documents: the text is cut into runs at white space; every code point of a run is indexed as a
/// one-character token (its unigram) and, at the same position (FTS5_TOKEN_COLOCATED), as the
/// two-character token it starts (its bigram) when the run goes on. Letters are case-folded.
/// Queries: a one-character term is its unigram; a longer term is the phrase of its bigrams, which
/// occur at consecutive positions exactly where the term occurs as a substring of a run. So a
/// match is precisely "contains the term" (textmatch::containsAll), with no false hits and no misses,
/// for 1-character queries (which a trigram index cannot answer) as much as for order numbers.
Status registerShopdeskTokenizer(sqlite3* db);

/// What the tokenizer emits, for tests: (token, colocated) in order.
struct EmittedToken {
    std::string token;
    bool colocated = false;
    bool operator==(const EmittedToken&) const = default;
};
std::vector<EmittedToken> tokenizeForTest(std::string_view utf8, bool queryMode);

} // namespace shopdesk::store
