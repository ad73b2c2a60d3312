#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/QuickReply.h"
#include "services/quickreply/PhraseCsv.h"

#include <vector>

namespace shopdesk {

class AccessGate;
class AuditLog;
class QuickReplyRepository;

/// Quick replies (快捷短语): every agent reads the team's phrases and keeps their own with
/// quickreply.personal; the team's are kept with quickreply.team.manage.
class QuickReplyService {
public:
    static constexpr int kMaxTextChars = 500;
    static constexpr int kMaxCodeChars = 16;
    static constexpr int kMaxGroupChars = 20;

    QuickReplyService(QuickReplyRepository& phrases, AccessGate& gate, AuditLog& audit);

    /// The team's phrases and the actor's own.
    Result<std::vector<QuickReply>> phrases(const auth::Actor& actor);
    /// Creates (invalid id) or edits a phrase; its scope decides the permission. A personal phrase
    /// always belongs to the actor.
    Result<QuickReplyId> save(const auth::Actor& actor, QuickReply phrase);
    Status remove(const auth::Actor& actor, QuickReplyId id);
    Status recordUse(const auth::Actor& actor, QuickReplyId id);

    /// The team's phrases, by group and order (quickreply.team.manage).
    Result<std::vector<QuickReply>> teamPhrases(const auth::Actor& actor);
    /// Imports parsed rows into the team library, all or nothing, audited.
    Result<PhraseImportSummary> importTeam(const auth::Actor& actor, const std::vector<PhraseRow>& rows);
    /// Moves a team phrase one place up (-1) or down (+1) within its group.
    Status moveTeam(const auth::Actor& actor, QuickReplyId id, int delta);

private:
    Status checkScope(const auth::Actor& actor, const QuickReply& phrase);

    QuickReplyRepository& m_phrases;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
