#pragma once

#include "core/Result.h"
#include "domain/AgentReport.h"

#include <QFuture>

namespace shopdesk::session {

/// Performance reports (team.performance.view).
class Reports {
public:
    virtual ~Reports() = default;
    /// The agents' report over [from, to) in the shop's time zone; answered turns slower than
    /// `slowSeconds` count as slow.
    virtual QFuture<Result<AgentReport>> agents(Timestamp from, Timestamp to, int slowSeconds) = 0;
};

} // namespace shopdesk::session
