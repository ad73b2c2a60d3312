#include "services/quickreply/QuickReplyService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/quickreply/QuickReplyRepository.h"

#include <QCoreApplication>

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
    return m_phrases.phrasesFor(actor.fullName());
}

Status QuickReplyService::checkScope(const auth::Actor& actor, const QuickReply& phrase)
{
    if (phrase.scope == QuickReply::Scope::Team) {
        return m_gate.check(actor, auth::Operation::QuickReplyTeamEdit);
    }
    if (Status st = m_gate.check(actor, auth::Operation::QuickReplyPersonalEdit); !st) {
        return st;
    }
    if (phrase.owner != actor.fullName()) {
        return Error::notAllowed(tr("Only its owner may change a personal phrase."));
    }
    return {};
}

Result<QuickReplyId> QuickReplyService::save(const auth::Actor& actor, QuickReply phrase)
{
    if (phrase.scope == QuickReply::Scope::Personal) {
        phrase.owner = actor.fullName();
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

Status QuickReplyService::recordUse(const auth::Actor& actor, QuickReplyId id)
{
    Q_UNUSED(actor)
    return m_phrases.recordUse(id);
}

} // namespace shopdesk
