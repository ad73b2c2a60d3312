#include "session/ShopSession.h"

#include "session/Orders.h"

namespace shopdesk::session {

ShopSession::~ShopSession() = default;

bool ShopSession::can(auth::Permission p) const
{
    const Identity& id = me();
    return !isEnded() && !id.mustChangePassword && id.permissions.contains(p);
}

bool ShopSession::may(auth::Operation op) const
{
    return can(auth::operationInfo(op).required);
}

const QStringList& Buyers::grades()
{
    static const QStringList g{QString(), QStringLiteral("VIP"), QStringLiteral("A"), QStringLiteral("B"),
                               QStringLiteral("C")};
    return g;
}

} // namespace shopdesk::session
