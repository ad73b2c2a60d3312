#include "services/search/SearchService.h"

#include "domain/TextMatch.h"
#include "services/auth/AccessGate.h"

namespace shopdesk {

Result<std::vector<MessageHit>> SearchService::search(const auth::Actor& actor, const SearchRequest& request)
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
    q.limit = request.limit;
    q.before = request.before;
    return m_messages.search(q);
}

} // namespace shopdesk
