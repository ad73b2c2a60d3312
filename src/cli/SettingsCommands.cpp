#include "cli/Commands.h"

#include "backend/Backend.h"
#include "services/accounts/AccountService.h"
#include "services/settings/SimSettingsService.h"
#include "services/workbench/FollowUpService.h"

namespace shopdesk::cli {

int runSettingsShow(CliContext& ctx, Args& args)
{
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto actor = ctx.actor();
    if (!actor) {
        return ctx.fail(actor.error());
    }
    auto policy = (*ctx.backend())->accounts().loginPolicy();
    if (!policy) {
        return ctx.fail(policy.error());
    }
    auto sim = (*ctx.backend())->simSettings().load();
    if (!sim) {
        return ctx.fail(sim.error());
    }
    auto followUp = (*ctx.backend())->followUps().rules();
    if (!followUp) {
        return ctx.fail(followUp.error());
    }
    ctx.io().out << "login.max_failures\t" << policy->maxFailures << "\nlogin.lock_minutes\t" << policy->lockMinutes
                 << "\nsim.bots\t" << sim->bots << "\nsim.buyers_per_minute\t" << sim->buyersPerMinute
                 << "\nsim.speed\t" << sim->speed << "\nfollowup.unpaid_hours\t" << followUp->unpaidHours
                 << "\nfollowup.unshipped_hours\t" << followUp->unshippedHours << "\nfollowup.stale_trace_hours\t"
                 << followUp->staleTraceHours << "\nfollowup.served_days\t" << followUp->servedDays << Qt::endl;
    return 0;
}

int runSettingsSet(CliContext& ctx, Args& args)
{
    const auto key = args.next();
    const auto value = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!key || !value) {
        return ctx.fail(Error::usage(QStringLiteral("settings set needs KEY VALUE")));
    }
    const bool sim = SimSettingsService::keys().contains(*key);
    if (sim || FollowUpService::keys().contains(*key)) {
        auto actor = ctx.actor();
        if (!actor) {
            return ctx.fail(actor.error());
        }
        Backend& b = **ctx.backend();
        if (Status st = sim ? b.simSettings().set(*actor, *key, *value) : b.followUps().set(*actor, *key, *value);
            !st) {
            return ctx.fail(st);
        }
        ctx.io().out << *key << " = " << *value << Qt::endl;
        return 0;
    }
    bool ok = false;
    const int number = value->toInt(&ok);
    if (!ok) {
        return ctx.fail(Error::invalid(QStringLiteral("%1 takes a whole number").arg(*key)));
    }
    auto actor = ctx.actor();
    if (!actor) {
        return ctx.fail(actor.error());
    }
    AccountService& accounts = (*ctx.backend())->accounts();
    auto policy = accounts.loginPolicy();
    if (!policy) {
        return ctx.fail(policy.error());
    }
    if (*key == u"login.max_failures") {
        policy->maxFailures = number;
    } else if (*key == u"login.lock_minutes") {
        policy->lockMinutes = number;
    } else {
        return ctx.fail(
            Error::notFound(QStringLiteral("unknown setting '%1' (login.max_failures, login.lock_minutes, %2, %3)")
                                .arg(*key, SimSettingsService::keys().join(QStringLiteral(", ")),
                                     FollowUpService::keys().join(QStringLiteral(", ")))));
    }
    if (Status st = accounts.setLoginPolicy(*actor, *policy); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << *key << " = " << number << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
