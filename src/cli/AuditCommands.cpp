#include "cli/Commands.h"

#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "session/AuditTrail.h"

namespace shopdesk::cli {

int runAuditList(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    auto actorFilter = args.option(QStringLiteral("actor"));
    auto action = args.option(QStringLiteral("action"));
    auto limit = args.integer(QStringLiteral("limit"), 1, 100000);
    if (!actorFilter) {
        return ctx.fail(actorFilter.error());
    }
    if (!action) {
        return ctx.fail(action.error());
    }
    if (!limit) {
        return ctx.fail(limit.error());
    }
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session(false, true);
    if (!session) {
        return ctx.fail(session.error());
    }
    AuditQuery query;
    query.actor = actorFilter->value_or(QString());
    query.actionPrefix = action->value_or(QString());
    query.limit = static_cast<int>(limit->value_or(200));
    auto records = (*session)->audit().list(query);
    if (!records) {
        return ctx.fail(records.error());
    }
    const QTimeZone zone = (*session)->shop().timeZone;
    for (const AuditRecord& r : *records) {
        const QString at = isotime::format(r.entry.at, zone);
        if (json) {
            JsonWriter w;
            w.add(u"id", r.id)
                .add(u"at", at)
                .add(u"actor", r.entry.actor)
                .add(u"action", r.entry.action)
                .add(u"target", r.entry.target)
                .add(u"detail", r.entry.detail);
            ctx.printJson(w);
        } else {
            ctx.io().out << r.id << '\t' << at << '\t' << r.entry.actor << '\t' << r.entry.action << '\t'
                         << r.entry.target << '\t' << r.entry.detail << '\n';
        }
    }
    ctx.io().out.flush();
    return 0;
}

int runAuditVerify(CliContext& ctx, Args& args)
{
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session(false, true);
    if (!session) {
        return ctx.fail(session.error());
    }
    auto result = CliContext::wait((*session)->audit().verify());
    if (!result) {
        return ctx.fail(result.error());
    }
    if (!result->intact) {
        return ctx.fail(
            Error::invalid(QStringLiteral("the audit log was tampered with: %1. If this was a restore you made, "
                                          "the owner can accept the log as it is and anchor it again with "
                                          "'audit reanchor --yes' (recorded)")
                               .arg(result->reason)));
    }
    ctx.io().out << "The audit log is intact: " << result->entries
                 << " entries, chain, head and anchor outside the database verified." << Qt::endl;
    return 0;
}

int runAuditReanchor(CliContext& ctx, Args& args)
{
    const bool confirmed = args.flag(QStringLiteral("yes"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session(false, true);
    if (!session) {
        return ctx.fail(session.error());
    }
    if (Status st = CliContext::wait((*session)->audit().reanchor(confirmed)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << "The audit log is accepted as it is and anchored again (recorded as audit.reanchored)." << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
