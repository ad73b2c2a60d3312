#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/QuickReply.h"

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

private:
    Status checkScope(const auth::Actor& actor, const QuickReply& phrase);

    QuickReplyRepository& m_phrases;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
