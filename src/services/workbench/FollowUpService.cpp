#include "services/workbench/FollowUpService.h"

#include "services/auth/AccessGate.h"
#include "services/settings/SettingsRepository.h"

namespace shopdesk {

FollowUpService::FollowUpService(WorkbenchRepository& repository, SettingsRepository& settings, AccessGate& gate,
                                 const Clock& clock)
    : m_repository(repository)
    , m_settings(settings)
    , m_gate(gate)
    , m_clock(clock)
{
}

Result<FollowUpRules> FollowUpService::rules()
{
    FollowUpRules r;
    const std::pair<const char*, int*> keys[] = {{"followup.unpaid_hours", &r.unpaidHours},
                                                 {"followup.unshipped_hours", &r.unshippedHours},
                                                 {"followup.stale_trace_hours", &r.staleTraceHours},
                                                 {"followup.served_days", &r.servedDays}};
    for (const auto& [key, field] : keys) {
        auto v = m_settings.value(QString::fromLatin1(key));
        if (!v) {
            return v.error();
        }
        bool ok = false;
        const int n = *v ? (*v)->toInt(&ok) : 0;
        if (ok && n > 0) {
            *field = n;
        }
    }
    return r;
}

Result<std::vector<FollowUp>> FollowUpService::followUps(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::OrderView); !st) {
        return st.error();
    }
    auto r = rules();
    if (!r) {
        return r.error();
    }
    const qint64 now = m_clock.now().ms();
    constexpr qint64 kHour = 3600 * 1000;
    return m_repository.followUps(actor.fullName(), Timestamp::fromMs(now - r->servedDays * 24 * kHour),
                                  Timestamp::fromMs(now - r->unpaidHours * kHour),
                                  Timestamp::fromMs(now - r->unshippedHours * kHour),
                                  Timestamp::fromMs(now - r->staleTraceHours * kHour));
}

} // namespace shopdesk
