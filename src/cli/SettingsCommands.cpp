#include "cli/Commands.h"

#include "session/Team.h"

namespace shopdesk::cli {

int runSettingsShow(CliContext& ctx, Args& args)
{
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto settings = (*session)->team().settings();
    if (!settings) {
        return ctx.fail(settings.error());
    }
    for (const session::Setting& s : *settings) {
        ctx.io().out << s.key << '\t' << s.value << '\n';
    }
    ctx.io().out.flush();
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
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    if (Status st = CliContext::wait((*session)->team().setSetting(*key, *value)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << *key << " = " << value->trimmed() << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
