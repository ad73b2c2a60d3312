#include "backend/Backend.h"
#include "services/quickreply/PhraseCsv.h"
#include "services/quickreply/QuickReplyService.h"
#include "session/local/LocalDesks.h"
#include "session/local/LocalSession.h"

namespace shopdesk::session {

Result<std::vector<QuickReply>> LocalPhrases::mine()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().quickReplies().phrases(*a);
}

QFuture<Result<QuickReplyId>> LocalPhrases::save(const QuickReply& phrase)
{
    LocalSession& s = m_s;
    return s.later<Result<QuickReplyId>>([&s, phrase]() -> Result<QuickReplyId> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().quickReplies().save(*a, phrase);
    });
}

QFuture<Status> LocalPhrases::remove(QuickReplyId id)
{
    LocalSession& s = m_s;
    return s.later<Status>([&s, id]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().quickReplies().remove(*a, id);
    });
}

QFuture<Status> LocalPhrases::recordUse(QuickReplyId id)
{
    LocalSession& s = m_s;
    return s.later<Status>([&s, id]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().quickReplies().recordUse(*a, id);
    });
}

Result<std::vector<QuickReply>> LocalPhrases::team()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().quickReplies().teamPhrases(*a);
}

PhraseCsvParse LocalPhrases::parseCsv(const QByteArray& file) const
{
    return phrasecsv::read(file);
}

QFuture<Result<PhraseImportSummary>> LocalPhrases::importTeam(const std::vector<PhraseRow>& rows)
{
    LocalSession& s = m_s;
    return s.later<Result<PhraseImportSummary>>([&s, rows]() -> Result<PhraseImportSummary> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().quickReplies().importTeam(*a, rows);
    });
}

Result<QByteArray> LocalPhrases::exportTeam()
{
    auto phrases = team();
    if (!phrases) {
        return phrases.error();
    }
    return phrasecsv::write(*phrases);
}

QFuture<Status> LocalPhrases::moveTeam(QuickReplyId id, int delta)
{
    LocalSession& s = m_s;
    return s.later<Status>([&s, id, delta]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().quickReplies().moveTeam(*a, id, delta);
    });
}

} // namespace shopdesk::session
