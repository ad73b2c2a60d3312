#pragma once

#include "auth/Actor.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "services/workbench/FollowUpRepository.h"

namespace shopdesk {

class AccessGate;
class FollowUpRulesService;

/// The 待跟进 list: the agent's buyers' orders that are unpaid too long, paid but unshipped, or
/// shipped with a trace that stopped moving. Needs order.view.
class FollowUpService {
public:
    /// The rules are `rules`' (shop settings).
    FollowUpService(FollowUpRepository& repository, FollowUpRulesService& rules, AccessGate& gate, const Clock& clock);

    Result<std::vector<FollowUp>> followUps(const auth::Actor& actor);

private:
    FollowUpRepository& m_repository;
    FollowUpRulesService& m_rules;
    AccessGate& m_gate;
    const Clock& m_clock;
};

} // namespace shopdesk
