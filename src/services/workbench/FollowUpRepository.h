#pragma once

#include "core/Result.h"
#include "domain/Workbench.h"

#include <vector>

namespace shopdesk {

/// What the 待跟进 list reads. Implemented by the desktop's store and by the team server's.
class FollowUpRepository {
public:
    virtual ~FollowUpRepository() = default;
    /// Orders of buyers `agent` served since `servedSince` that need chasing: unpaid and created
    /// before `unpaidBefore`, paid before `unshippedBefore` and not shipped, or shipped with no
    /// trace step since `staleBefore`; oldest order first.
    virtual Result<std::vector<FollowUp>> followUps(const QString& agent, Timestamp servedSince, Timestamp unpaidBefore,
                                                    Timestamp unshippedBefore, Timestamp staleBefore) = 0;
};

} // namespace shopdesk
