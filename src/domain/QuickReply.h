#pragma once

#include "domain/Ids.h"

#include <QString>

namespace shopdesk {

/// A canned reply (快捷短语). Team phrases are kept by supervisors; personal ones by each agent.
struct QuickReply {
    enum class Scope { Team, Personal };
    QuickReplyId id;
    Scope scope = Scope::Team;
    QString owner; ///< account name for personal phrases, empty for team phrases
    QString group;
    QString code; ///< short code typed after '/'
    QString text; ///< may contain variables such as {买家} / {buyer}
    int sortOrder = 0;
    qint64 usageCount = 0;
};

} // namespace shopdesk
