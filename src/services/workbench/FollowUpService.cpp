#include "services/workbench/FollowUpService.h"

#include "services/auth/AccessGate.h"
#include "services/settings/FollowUpRulesService.h"

namespace shopdesk {

FollowUpService::FollowUpService(FollowUpRepository& repository, FollowUpRulesService& rules, AccessGate& gate,
                                 const Clock& clock)
    : m_repository(repository)
    , m_rules(rules)
    , m_gate(gate)
    , m_clock(clock)
{
}

Result<std::vector<FollowUp>> FollowUpService::followUps(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::FollowUpView); !st) {
        return st.error();
    }
    auto r = m_rules.rules();
    if (!r) {
        return r.error();
    }
    const qint64 now = m_clock.now().ms();
    constexpr qint64 kHour = 3600 * 1000;
    // Routing records name agents by their short name (the canonical form), never "shop:name".
    return m_repository.followUps(actor.name, Timestamp::fromMs(now - r->servedDays * 24 * kHour),
                                  Timestamp::fromMs(now - r->unpaidHours * kHour),
                                  Timestamp::fromMs(now - r->unshippedHours * kHour),
                                  Timestamp::fromMs(now - r->staleTraceHours * kHour));
}

} // namespace shopdesk
