#include "services/quickreply/QuickReplyService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/quickreply/QuickReplyRepository.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace shopdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::QuickReplyService", text);
}

QString scopeName(QuickReply::Scope s)
{
    return s == QuickReply::Scope::Team ? QStringLiteral("team") : QStringLiteral("personal");
}

} // namespace

QuickReplyService::QuickReplyService(QuickReplyRepository& phrases, AccessGate& gate, AuditLog& audit)
    : m_phrases(phrases)
    , m_gate(gate)
    , m_audit(audit)
{
}

Result<std::vector<QuickReply>> QuickReplyService::phrases(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::QuickReplyView); !st) {
        return st.error();
    }
    return m_phrases.phrasesFor(actor.name);
}

Status QuickReplyService::checkScope(const auth::Actor& actor, const QuickReply& phrase)
{
    if (phrase.scope == QuickReply::Scope::Team) {
        return m_gate.check(actor, auth::Operation::QuickReplyTeamEdit);
    }
    if (Status st = m_gate.check(actor, auth::Operation::QuickReplyPersonalEdit); !st) {
        return st;
    }
    if (phrase.owner != actor.name) {
        return Error::notAllowed(tr("Only its owner may change a personal phrase."));
    }
    return {};
}

Result<QuickReplyId> QuickReplyService::save(const auth::Actor& actor, QuickReply phrase)
{
    if (phrase.scope == QuickReply::Scope::Personal) {
        phrase.owner = actor.name; // account names are stored in their canonical (short) form
    } else {
        phrase.owner.clear();
    }
    if (phrase.id.isValid()) {
        auto stored = m_phrases.find(phrase.id);
        if (!stored) {
            return stored.error();
        }
        if (!*stored) {
            return Error::notFound(tr("That phrase no longer exists."));
        }
        if (Status st = checkScope(actor, **stored); !st) {
            return st.error();
        }
        phrase.usageCount = (*stored)->usageCount;
    }
    if (Status st = checkScope(actor, phrase); !st) {
        return st.error();
    }
    phrase.text = phrase.text.trimmed();
    phrase.code = phrase.code.trimmed();
    phrase.group = phrase.group.trimmed();
    if (phrase.text.isEmpty() || phrase.text.size() > kMaxTextChars) {
        return Error::invalid(tr("A phrase has 1 to %1 characters.").arg(kMaxTextChars));
    }
    if (phrase.code.size() > kMaxCodeChars || phrase.code.contains(QLatin1Char(' '))) {
        return Error::invalid(tr("A short code has at most %1 characters and no spaces.").arg(kMaxCodeChars));
    }
    if (phrase.group.size() > kMaxGroupChars) {
        return Error::invalid(tr("A group name has at most %1 characters.").arg(kMaxGroupChars));
    }
    const QString action = phrase.scope == QuickReply::Scope::Team ? QStringLiteral("quickreply.team.edit")
                                                                   : QStringLiteral("quickreply.personal.edit");
    return m_phrases.save(phrase,
                          {m_audit.entry(actor.fullName(), action, phrase.code,
                                         phrase.id.isValid() ? QStringLiteral("edit") : QStringLiteral("create"))});
}

Status QuickReplyService::remove(const auth::Actor& actor, QuickReplyId id)
{
    auto stored = m_phrases.find(id);
    if (!stored) {
        return stored.error();
    }
    if (!*stored) {
        return Error::notFound(tr("That phrase no longer exists."));
    }
    if (Status st = checkScope(actor, **stored); !st) {
        return st;
    }
    const QString action = (*stored)->scope == QuickReply::Scope::Team ? QStringLiteral("quickreply.team.edit")
                                                                       : QStringLiteral("quickreply.personal.edit");
    return m_phrases.remove(id, {m_audit.entry(actor.fullName(), action, (*stored)->code,
                                               QStringLiteral("delete %1").arg(scopeName((*stored)->scope)))});
}

Result<std::vector<QuickReply>> QuickReplyService::teamPhrases(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::QuickReplyTeamEdit); !st) {
        return st.error();
    }
    auto all = m_phrases.phrasesFor(QString());
    if (!all) {
        return all.error();
    }
    std::vector<QuickReply> team;
    for (QuickReply& p : *all) {
        if (p.scope == QuickReply::Scope::Team) {
            team.push_back(std::move(p));
        }
    }
    return team;
}

Result<PhraseImportSummary> QuickReplyService::importTeam(const auth::Actor& actor, const std::vector<PhraseRow>& rows)
{
    auto team = teamPhrases(actor);
    if (!team) {
        return team.error();
    }
    std::map<QString, QuickReply> byCode;
    int nextOrder = 0;
    for (const QuickReply& p : *team) {
        if (!p.code.isEmpty()) {
            byCode[p.code] = p;
        }
        nextOrder = std::max(nextOrder, p.sortOrder + 1);
    }
    PhraseImportSummary summary;
    std::vector<QuickReply> out;
    for (const PhraseRow& r : rows) {
        QuickReply p;
        auto it = r.code.isEmpty() ? byCode.end() : byCode.find(r.code);
        if (it != byCode.end()) {
            p = it->second;
            ++summary.updated;
        } else {
            p.scope = QuickReply::Scope::Team;
            p.sortOrder = nextOrder++;
            ++summary.added;
        }
        p.group = r.group.trimmed();
        p.code = r.code.trimmed();
        p.text = r.text.trimmed();
        out.push_back(std::move(p));
    }
    if (Status st = m_phrases.saveMany(
            out, {m_audit.entry(actor.fullName(), QStringLiteral("quickreply.team.edit"), QStringLiteral("import"),
                                QStringLiteral("added=%1 updated=%2").arg(summary.added).arg(summary.updated))});
        !st) {
        return st.error();
    }
    return summary;
}

Status QuickReplyService::moveTeam(const auth::Actor& actor, QuickReplyId id, int delta)
{
    auto team = teamPhrases(actor);
    if (!team) {
        return team.error();
    }
    auto it = std::find_if(team->begin(), team->end(), [&](const QuickReply& p) { return p.id == id; });
    if (it == team->end()) {
        return Error::notFound(tr("That phrase no longer exists."));
    }
    std::vector<QuickReply> group;
    for (const QuickReply& p : *team) {
        if (p.group == it->group) {
            group.push_back(p);
        }
    }
    auto pos =
        std::find_if(group.begin(), group.end(), [&](const QuickReply& p) { return p.id == id; }) - group.begin();
    const auto to = pos + delta;
    if (to < 0 || to >= static_cast<std::ptrdiff_t>(group.size())) {
        return {};
    }
    std::swap(group[static_cast<std::size_t>(pos)], group[static_cast<std::size_t>(to)]);
    for (std::size_t i = 0; i < group.size(); ++i) {
        group[i].sortOrder = static_cast<int>(i);
    }
    return m_phrases.saveMany(group, {m_audit.entry(actor.fullName(), QStringLiteral("quickreply.team.edit"), it->code,
                                                    QStringLiteral("reorder"))});
}

Status QuickReplyService::recordUse(const auth::Actor& actor, QuickReplyId id)
{
    if (Status st = m_gate.check(actor, auth::Operation::QuickReplyView); !st) {
        return st;
    }
    return m_phrases.recordUse(id);
}

} // namespace shopdesk
