#pragma once

#include "auth/Actor.h"
#include "auth/Operation.h"
#include "core/Result.h"

namespace shopdesk {

class AuditLog;

/// The permission check every gated service operation starts with. Deny by default: the
/// operation's permission (from the central table) must be held, else NotAllowed with a sentence
/// naming the permission, and the denial is audited.
class AccessGate {
public:
    explicit AccessGate(AuditLog& audit)
        : m_audit(audit)
    {
    }

    Status check(const auth::Actor& actor, auth::Operation operation);

    /// Records a refusal that is not a missing permission (escalation, owner protection) and
    /// returns it as NotAllowed.
    Error refuse(const auth::Actor& actor, auth::Operation operation, const QString& target, const QString& reason);

private:
    AuditLog& m_audit;
};

} // namespace shopdesk
