#include "cli/Commands.h"

#include "core/JsonWriter.h"
#include "session/Team.h"

namespace shopdesk::cli {

namespace {

void printRole(CliContext& ctx, const auth::Role& r, bool json)
{
    if (json) {
        JsonWriter w;
        w.add(u"name", r.name)
            .addBool(u"builtin", r.builtin)
            .addRaw(u"permissions", JsonWriter::stringArray(r.permissions.keys()));
        ctx.printJson(w);
    } else {
        ctx.io().out << r.name << '\t' << (r.builtin ? "built-in" : "custom") << '\t'
                     << r.permissions.keys().join(QLatin1Char(',')) << '\n';
    }
}

Result<auth::PermissionSet> parsePerms(const std::optional<QString>& text)
{
    if (!text) {
        return Error::usage(QStringLiteral("give the permissions with --perms P1,P2 (see shopdeskctl perm list)"));
    }
    QString unknown;
    auto set = auth::PermissionSet::parse(*text, &unknown);
    if (!set) {
        return Error::invalid(QStringLiteral("unknown permission '%1' (see shopdeskctl perm list)").arg(unknown));
    }
    return *set;
}

} // namespace

int runRoleList(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto roles = (*session)->team().roles();
    if (!roles) {
        return ctx.fail(roles.error());
    }
    for (const auth::Role& r : *roles) {
        printRole(ctx, r, json);
    }
    ctx.io().out.flush();
    return 0;
}

int runRoleShow(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    const auto name = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!name) {
        return ctx.fail(Error::usage(QStringLiteral("role show needs a role NAME")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto role = (*session)->team().role(*name);
    if (!role) {
        return ctx.fail(role.error());
    }
    printRole(ctx, *role, json);
    ctx.io().out.flush();
    return 0;
}

namespace {

int createOrEdit(CliContext& ctx, Args& args, bool create)
{
    auto perms = args.option(QStringLiteral("perms"));
    if (!perms) {
        return ctx.fail(perms.error());
    }
    const auto name = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!name) {
        return ctx.fail(Error::usage(QStringLiteral("give the role NAME")));
    }
    auto set = parsePerms(*perms);
    if (!set) {
        return ctx.fail(set.error());
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    session::Team& team = (*session)->team();
    if (Status st = CliContext::wait(create ? team.createRole(*name, *set) : team.editRole(*name, *set)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << (create ? "Created" : "Updated") << " role " << *name << ": " << set->keys().join(QLatin1Char(','))
                 << Qt::endl;
    return 0;
}

} // namespace

int runRoleCreate(CliContext& ctx, Args& args)
{
    return createOrEdit(ctx, args, true);
}

int runRoleEdit(CliContext& ctx, Args& args)
{
    return createOrEdit(ctx, args, false);
}

int runRoleDelete(CliContext& ctx, Args& args)
{
    const auto name = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!name) {
        return ctx.fail(Error::usage(QStringLiteral("role delete needs a role NAME")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    if (Status st = CliContext::wait((*session)->team().removeRole(*name)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << "Deleted role " << *name << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
