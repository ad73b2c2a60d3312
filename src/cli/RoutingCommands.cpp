#include "cli/Commands.h"

#include "routing/RoutingScenario.h"

#include <QFile>

namespace shopdesk::cli {

int runRoutingSimulate(CliContext& ctx, Args& args)
{
    const auto path = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!path) {
        return ctx.fail(Error::usage(QStringLiteral("routing simulate needs a scenario FILE")));
    }
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ctx.fail(Error::notFound(QStringLiteral("cannot read %1: %2").arg(*path, file.errorString())));
    }
    if (file.size() > 512 * 1024 * 1024) {
        return ctx.fail(Error::invalid(QStringLiteral("the scenario is larger than 512 MiB")));
    }
    QTextStream& out = ctx.io().out;
    const Status st = routing::runScenario(file.readAll(),
                                           [&out](const QByteArray& line) { out << QString::fromUtf8(line) << '\n'; });
    out.flush();
    return st ? 0 : ctx.fail(st);
}

} // namespace shopdesk::cli
