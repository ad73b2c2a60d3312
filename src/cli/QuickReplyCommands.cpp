#include "cli/Commands.h"

#include "session/Phrases.h"

#include <QFile>
#include <QSaveFile>

namespace shopdesk::cli {

int runQuickReplyExport(CliContext& ctx, Args& args)
{
    const auto path = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!path) {
        return ctx.fail(Error::usage(QStringLiteral("quickreply export needs a FILE")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto team = (*session)->phrases().team();
    if (!team) {
        return ctx.fail(team.error());
    }
    auto csv = (*session)->phrases().exportTeam();
    if (!csv) {
        return ctx.fail(csv.error());
    }
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*csv) < 0 || !file.commit()) {
        return ctx.fail(Error::invalid(QStringLiteral("cannot write %1: %2").arg(*path, file.errorString())));
    }
    ctx.io().out << team->size() << " team phrases written to " << *path << Qt::endl;
    return 0;
}

int runQuickReplyImport(CliContext& ctx, Args& args)
{
    const bool dryRun = args.flag(QStringLiteral("dry-run"));
    const auto path = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!path) {
        return ctx.fail(Error::usage(QStringLiteral("quickreply import needs a FILE")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ctx.fail(Error::notFound(QStringLiteral("cannot read %1: %2").arg(*path, file.errorString())));
    }
    const PhraseCsvParse parsed = (*session)->phrases().parseCsv(file.readAll());
    for (const PhraseRowError& e : parsed.errors) {
        ctx.io().err << *path << ':' << e.line << ": " << e.reason << Qt::endl;
    }
    if (!parsed.errors.empty()) {
        return ctx.fail(Error::invalid(
            QStringLiteral("%1 bad line(s); nothing imported. Fix them and import again.").arg(parsed.errors.size())));
    }
    if (dryRun) {
        ctx.io().out << parsed.rows.size() << " phrases would be imported" << Qt::endl;
        return 0;
    }
    auto summary = CliContext::wait((*session)->phrases().importTeam(parsed.rows));
    if (!summary) {
        return ctx.fail(summary.error());
    }
    ctx.io().out << summary->added << " added, " << summary->updated << " updated" << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
