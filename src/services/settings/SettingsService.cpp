#include "services/settings/SettingsService.h"

#include "services/accounts/AccountService.h"
#include "services/auth/AccessGate.h"
#include "services/settings/FollowUpRulesService.h"
#include "services/settings/ShopTextsService.h"
#include "services/settings/SimSettingsService.h"

namespace shopdesk {

SettingsService::SettingsService(AccountService& accounts, SimSettingsService& sim, FollowUpRulesService& followUps,
                                 ShopTextsService& texts, AccessGate& gate)
    : m_accounts(accounts)
    , m_sim(sim)
    , m_followUps(followUps)
    , m_texts(texts)
    , m_gate(gate)
{
}

Result<std::vector<SettingsService::Entry>> SettingsService::list(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::SettingsView); !st) {
        return st.error();
    }
    auto policy = m_accounts.loginPolicy();
    if (!policy) {
        return policy.error();
    }
    auto sim = m_sim.load();
    if (!sim) {
        return sim.error();
    }
    auto followUp = m_followUps.rules();
    if (!followUp) {
        return followUp.error();
    }
    auto texts = m_texts.load();
    if (!texts) {
        return texts.error();
    }
    return std::vector<Entry>{
        {QStringLiteral("login.max_failures"), QString::number(policy->maxFailures)},
        {QStringLiteral("login.lock_minutes"), QString::number(policy->lockMinutes)},
        {QStringLiteral("sim.bots"), QString::number(sim->bots)},
        {QStringLiteral("sim.buyers_per_minute"), QString::number(sim->buyersPerMinute)},
        {QStringLiteral("sim.speed"), QString::number(sim->speed)},
        {QStringLiteral("followup.unpaid_hours"), QString::number(followUp->unpaidHours)},
        {QStringLiteral("followup.unshipped_hours"), QString::number(followUp->unshippedHours)},
        {QStringLiteral("followup.stale_trace_hours"), QString::number(followUp->staleTraceHours)},
        {QStringLiteral("followup.served_days"), QString::number(followUp->servedDays)},
        {ShopTexts::kClosingLine, texts->closingLine},
        {ShopTexts::kRatingInvitation, texts->ratingInvitation},
        {ShopTexts::kPaymentReminder, texts->paymentReminder},
    };
}

Status SettingsService::set(const auth::Actor& actor, const QString& key, const QString& value)
{
    if (SimSettingsService::keys().contains(key)) {
        return m_sim.set(actor, key, value);
    }
    if (FollowUpRulesService::keys().contains(key)) {
        return m_followUps.set(actor, key, value);
    }
    if (ShopTexts::keys().contains(key)) {
        return m_texts.set(actor, key, value);
    }
    if (key != u"login.max_failures" && key != u"login.lock_minutes") {
        return Error::notFound(
            QStringLiteral("unknown setting '%1' (login.max_failures, login.lock_minutes, %2, %3, %4)")
                .arg(key, SimSettingsService::keys().join(QStringLiteral(", ")),
                     FollowUpRulesService::keys().join(QStringLiteral(", ")),
                     ShopTexts::keys().join(QStringLiteral(", "))));
    }
    bool ok = false;
    const int number = value.trimmed().toInt(&ok);
    if (!ok) {
        return Error::invalid(QStringLiteral("%1 takes a whole number").arg(key));
    }
    auto policy = m_accounts.loginPolicy();
    if (!policy) {
        return policy.error();
    }
    (key == u"login.max_failures" ? policy->maxFailures : policy->lockMinutes) = number;
    return m_accounts.setLoginPolicy(actor, *policy);
}

} // namespace shopdesk
