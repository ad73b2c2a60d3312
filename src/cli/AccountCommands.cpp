#include "cli/Commands.h"

#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "session/Team.h"

namespace shopdesk::cli {

namespace {

QString statusOf(const Account& a, Timestamp now)
{
    if (a.isDeleted()) {
        return QStringLiteral("deleted");
    }
    if (a.disabled) {
        return QStringLiteral("disabled");
    }
    if (a.lockedUntil && *a.lockedUntil > now) {
        return QStringLiteral("locked");
    }
    return QStringLiteral("active");
}

QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        out << part.trimmed();
    }
    return out;
}

/// The acting account and one NAME argument, or an exit status.
struct Target {
    session::ShopSession* session = nullptr;
    QString name;
    int exitCode = 0;
};

Target actorAndName(CliContext& ctx, Args& args, const char* command, bool passwordChangeOnly = false)
{
    Target t;
    const auto name = args.next();
    if (auto st = args.finish(); !st) {
        t.exitCode = ctx.fail(st);
        return t;
    }
    if (!name) {
        t.exitCode = ctx.fail(Error::usage(QStringLiteral("%1 needs an account NAME").arg(QLatin1String(command))));
        return t;
    }
    auto session = ctx.session(passwordChangeOnly);
    if (!session) {
        t.exitCode = ctx.fail(session.error());
        return t;
    }
    t.session = *session;
    t.name = *name;
    return t;
}

} // namespace

int runAccountList(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    const bool all = args.flag(QStringLiteral("all"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    session::ShopSession& s = **session;
    auto accounts = s.team().accounts();
    if (!accounts) {
        return ctx.fail(accounts.error());
    }
    const QTimeZone zone = s.shop().timeZone;
    const Timestamp now = s.clock().now();
    QTextStream& out = ctx.io().out;
    for (const Account& a : *accounts) {
        if (a.isDeleted() && !all) {
            continue;
        }
        const QString lastLogin = a.lastLoginAt ? isotime::format(*a.lastLoginAt, zone) : QString();
        if (json) {
            JsonWriter w;
            w.add(u"name", ctx.fullName(a.name))
                .addRaw(u"roles", JsonWriter::stringArray(a.roles))
                .add(u"group", a.group);
            if (a.receptionLimit) {
                w.add(u"limit", *a.receptionLimit);
            } else {
                w.addNull(u"limit");
            }
            w.add(u"status", statusOf(a, now)).addBool(u"must_change_password", a.mustChangePassword);
            if (a.lastLoginAt) {
                w.add(u"last_login", lastLogin);
            } else {
                w.addNull(u"last_login");
            }
            ctx.printJson(w);
        } else {
            out << ctx.fullName(a.name) << '\t' << a.roles.join(QLatin1Char(',')) << '\t'
                << (a.group.isEmpty() ? QStringLiteral("-") : a.group) << '\t'
                << (a.receptionLimit ? QString::number(*a.receptionLimit) : QStringLiteral("-")) << '\t'
                << statusOf(a, now) << '\t' << (lastLogin.isEmpty() ? QStringLiteral("never") : lastLogin) << '\n';
        }
    }
    out.flush();
    return 0;
}

int runAccountCreate(CliContext& ctx, Args& args)
{
    auto roles = args.option(QStringLiteral("roles"));
    auto group = args.option(QStringLiteral("group"));
    auto limit = args.integer(QStringLiteral("limit"), 1, kMaxReceptionLimit);
    if (!roles) {
        return ctx.fail(roles.error());
    }
    if (!group) {
        return ctx.fail(group.error());
    }
    if (!limit) {
        return ctx.fail(limit.error());
    }
    const auto name = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!name || !*roles) {
        return ctx.fail(Error::usage(QStringLiteral("account create needs NAME and --roles R1[,R2]")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto password = ctx.newPassword();
    if (!password) {
        return ctx.fail(password.error());
    }
    NewAccount request{*name, *password, splitList(**roles), group->value_or(QString()),
                       limit->has_value() ? std::optional<int>(static_cast<int>(**limit)) : std::nullopt};
    auto created = CliContext::wait((*session)->team().createAccount(request));
    if (!created) {
        return ctx.fail(created.error());
    }
    ctx.io().out << "Created " << ctx.fullName(created->name) << " with roles "
                 << created->roles.join(QStringLiteral(", ")) << Qt::endl;
    return 0;
}

int runAccountPasswd(CliContext& ctx, Args& args)
{
    Target t = actorAndName(ctx, args, "account passwd", true);
    if (!t.session) {
        return t.exitCode;
    }
    auto password = ctx.newPassword();
    if (!password) {
        return ctx.fail(password.error());
    }
    const bool own = CliContext::shortName(t.name) == t.session->me().name;
    Status st = CliContext::wait(own ? t.session->changePassword(ctx.actingPassword(), *password)
                                     : t.session->team().resetPassword(t.name, *password));
    if (!st) {
        return ctx.fail(st);
    }
    ctx.io().out << (own ? "Password changed."
                         : "Password reset; the account must choose a new one at its next "
                           "login.")
                 << Qt::endl;
    return 0;
}

int runAccountRoles(CliContext& ctx, Args& args)
{
    auto roles = args.option(QStringLiteral("set"));
    if (!roles) {
        return ctx.fail(roles.error());
    }
    if (!*roles) {
        return ctx.fail(Error::usage(QStringLiteral("account roles needs NAME --set R1[,R2]")));
    }
    Target t = actorAndName(ctx, args, "account roles");
    if (!t.session) {
        return t.exitCode;
    }
    if (Status st = CliContext::wait(t.session->team().setRoles(t.name, splitList(**roles))); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << "Roles of " << t.name << " set to " << splitList(**roles).join(QStringLiteral(", ")) << Qt::endl;
    return 0;
}

namespace {

int setDisabled(CliContext& ctx, Args& args, bool disabled)
{
    Target t = actorAndName(ctx, args, disabled ? "account disable" : "account enable");
    if (!t.session) {
        return t.exitCode;
    }
    if (Status st = CliContext::wait(t.session->team().setDisabled(t.name, disabled)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << t.name << (disabled ? " is disabled." : " is enabled.") << Qt::endl;
    return 0;
}

} // namespace

int runAccountDisable(CliContext& ctx, Args& args)
{
    return setDisabled(ctx, args, true);
}

int runAccountEnable(CliContext& ctx, Args& args)
{
    return setDisabled(ctx, args, false);
}

int runAccountUnlock(CliContext& ctx, Args& args)
{
    Target t = actorAndName(ctx, args, "account unlock");
    if (!t.session) {
        return t.exitCode;
    }
    if (Status st = CliContext::wait(t.session->team().unlock(t.name)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << t.name << " is unlocked." << Qt::endl;
    return 0;
}

int runAccountDelete(CliContext& ctx, Args& args)
{
    const bool confirmed = args.flag(QStringLiteral("yes"));
    Target t = actorAndName(ctx, args, "account delete");
    if (!t.session) {
        return t.exitCode;
    }
    if (Status st = CliContext::wait(t.session->team().removeAccount(t.name, confirmed)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << t.name << " is deleted; its history stays attributed to it." << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
