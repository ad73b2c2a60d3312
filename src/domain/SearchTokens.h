#pragma once

#include <QStringList>
#include <QStringView>

namespace shopdesk::searchtokens {

/// The tokens ShopDesk's search indexes, the same for the desktop's FTS5 index and the team
/// server's GIN index: exact substring search for text of any script and any query length.
///
/// Documents: the text is cut into runs at white space; every code point of a run is indexed as a
/// one-character token (its unigram) and, at the same position, as the two-character token it
/// starts (its bigram) when the run goes on. Letters are case-folded (textmatch::fold).
/// Queries: a one-character term is its unigram; a longer term is its bigrams.
struct Token {
    const char* bytes; ///< UTF-8 of the folded token (valid until the sink returns)
    int size;
    int start; ///< byte offsets of the token in the input
    int end;
    /// A bigram at the position of the unigram before it (FTS5_TOKEN_COLOCATED).
    bool colocated;
};

/// Called for each token in order; a non-zero answer stops the walk and is returned.
using Sink = int (*)(void* ctx, const Token& token);

/// Walks the tokens of UTF-8 `text` (an invalid byte counts as U+FFFD; never reads past `size`).
int tokenize(const char* text, int size, bool queryMode, void* ctx, Sink sink);

/// The distinct tokens of a document, for an index that stores sets (PostgreSQL's text[] + GIN).
QStringList documentTokens(QStringView text);
/// The tokens a document must have to contain every term (necessary, not sufficient: a set holds
/// no positions, so a reader checks textmatch::containsAll on what the index found).
QStringList queryTokens(const QStringList& terms);

} // namespace shopdesk::searchtokens
