#include "cli/Commands.h"

#include "session/History.h"

#include <QFile>

namespace shopdesk::cli {

namespace {

constexpr int kMaxPrintedErrors = 100;

} // namespace

int runHistoryImport(CliContext& ctx, Args& args)
{
    const bool skipBad = args.flag(QStringLiteral("skip-bad"));
    const auto path = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!path) {
        return ctx.fail(Error::usage(QStringLiteral("history import needs a FILE")));
    }
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ctx.fail(Error::notFound(QStringLiteral("cannot read %1: %2").arg(*path, file.errorString())));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    session::ImportOptions options;
    options.skipBad = skipBad;
    auto report = CliContext::wait((*session)->history().import(file, options));
    if (!report) {
        return ctx.fail(report.error());
    }
    int printed = 0;
    for (const auto& e : report->errors) {
        if (++printed > kMaxPrintedErrors) {
            ctx.io().err << "... and " << (report->badLines() - kMaxPrintedErrors) << " more bad lines" << Qt::endl;
            break;
        }
        ctx.io().err << "line " << e.line << ": " << e.reason << Qt::endl;
    }
    if (!report->committed) {
        ctx.io().err << "shopdeskctl: nothing was imported: " << report->badLines()
                     << " bad line(s); fix them or use --skip-bad" << Qt::endl;
        return exitCodeFor(ErrorCode::Invalid);
    }
    const auto& s = report->summary;
    ctx.io().out << "Imported " << s.messagesAdded << " messages (" << s.messagesDuplicate << " already present), "
                 << s.ordersAdded << " new orders (" << s.ordersUpdated << " updated), " << s.refundsAdded
                 << " new refunds (" << s.refundsUpdated << " updated)";
    if (report->badLines() > 0) {
        ctx.io().out << "; skipped " << report->badLines() << " bad line(s)";
    }
    ctx.io().out << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
