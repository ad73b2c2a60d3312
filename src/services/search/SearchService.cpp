#include "services/search/SearchService.h"

#include "domain/TextMatch.h"
#include "services/auth/AccessGate.h"

namespace shopdesk {

Result<SearchPage> SearchService::search(const auth::Actor& actor, const SearchRequest& request)
{
    if (Status st = m_gate.check(actor, auth::Operation::HistorySearch); !st) {
        return st.error();
    }
    const QStringList terms = textmatch::splitTerms(request.query);
    if (terms.isEmpty()) {
        return Error::invalid(QStringLiteral("The search is empty: type at least one character."));
    }
    if (terms.size() > kMaxTerms) {
        return Error::invalid(QStringLiteral("Too many search words (at most %1).").arg(kMaxTerms));
    }
    for (const QString& t : terms) {
        if (t.size() > kMaxTermChars) {
            return Error::invalid(QStringLiteral("A search word is longer than %1 characters.").arg(kMaxTermChars));
        }
    }
    if (request.limit < 1 || request.limit > kMaxLimit) {
        return Error::invalid(QStringLiteral("The result limit must be between 1 and %1.").arg(kMaxLimit));
    }
    MessageQuery q;
    q.terms = terms;
    q.buyerNick = request.buyerNick;
    q.conversations = request.conversations;
    q.limit = request.limit + 1; // one more than asked: whether there are more
    q.before = request.before;
    auto hits = m_messages.search(q);
    if (!hits) {
        return hits.error();
    }
    SearchPage page;
    page.hits = std::move(*hits);
    page.more = static_cast<int>(page.hits.size()) > request.limit;
    if (page.more) {
        page.hits.resize(static_cast<std::size_t>(request.limit));
    }
    return page;
}

} // namespace shopdesk
