#include "services/search/SearchService.h"

#include "domain/TextMatch.h"
#include "services/auth/AccessGate.h"

#include <algorithm>

namespace shopdesk {

using Op = auth::Operation;

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

Result<SearchPage> SearchService::records(const auth::Actor& actor, const QString& platform, const QString& nick,
                                          const QString& query, int limit)
{
    if (Status st = m_gate.check(actor, Op::HistoryRecords); !st) {
        return st.error();
    }
    const int wanted = std::clamp(limit, 1, 10'000);
    SearchPage out;
    const QStringList terms = textmatch::splitTerms(query);
    if (!terms.isEmpty()) {
        MessageQuery q;
        q.terms = terms;
        q.buyerNick = nick;
        q.limit = wanted + 1;
        auto hits = m_messages.search(q);
        if (!hits) {
            return hits.error();
        }
        out.hits = std::move(*hits);
        out.hits.erase(std::remove_if(out.hits.begin(), out.hits.end(),
                                      [&](const MessageHit& h) { return h.platform != platform; }),
                       out.hits.end());
    } else {
        auto conversations = m_messages.conversationsOfBuyer(platform, nick);
        if (!conversations) {
            return conversations.error();
        }
        for (ConversationId c : *conversations) {
            if (static_cast<int>(out.hits.size()) > wanted) {
                break;
            }
            auto page = m_messages.page(c, wanted + 1 - static_cast<int>(out.hits.size()), MessageId());
            if (!page) {
                return page.error();
            }
            for (auto it = page->rbegin(); it != page->rend(); ++it) {
                out.hits.push_back({*it, platform, QString(), nick});
            }
        }
        std::stable_sort(out.hits.begin(), out.hits.end(), [](const MessageHit& a, const MessageHit& b) {
            return a.message.id.value() > b.message.id.value();
        });
    }
    out.more = static_cast<int>(out.hits.size()) > wanted;
    if (out.more) {
        out.hits.resize(static_cast<std::size_t>(wanted));
    }
    return out;
}

} // namespace shopdesk
