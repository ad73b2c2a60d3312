#include "cli/CliApp.h"

#include "cli/Commands.h"
#include "core/AppPaths.h"

#include <QCoreApplication>

#include <functional>

namespace shopdesk::cli {

namespace {

struct Command {
    QStringList words;
    const char* synopsis;
    std::function<int(CliContext&, Args&)> run;
};

const std::vector<Command>& commands()
{
    static const std::vector<Command> table{
        {{QStringLiteral("init")}, "init --shop NAME [--platform sim] [--tz Asia/Shanghai]", runInit},
        {{QStringLiteral("history"), QStringLiteral("import")}, "history import FILE [--skip-bad]", runHistoryImport},
        {{QStringLiteral("search")}, "search QUERY... [--buyer NICK] [--limit N] [--json]", runSearch},
    };
    return table;
}

void printHelp(QTextStream& out)
{
    out << "Usage: shopdeskctl [--db PATH] [--wait SECONDS] COMMAND [OPTIONS]\n\n"
        << "ShopDesk's headless tool: administration, history import, search and reports.\n"
        << "The database defaults to " << apppaths::defaultDatabase() << "\n"
        << "--wait: how long a write waits while another program (the app) writes; default 30 s.\n\nCommands:\n";
    for (const Command& c : commands()) {
        out << "  " << c.synopsis << '\n';
    }
    out << "\nExit status: 0 ok, 1 error, 2 usage, 3 not allowed, 4 not found, 5 invalid input or state.\n";
    out.flush();
}

} // namespace

int run(const QStringList& arguments, CliIo& io)
{
    Args args(arguments);
    if (args.flag(QStringLiteral("help")) || arguments.isEmpty()) {
        printHelp(io.out);
        return arguments.isEmpty() ? 2 : 0;
    }
    if (args.flag(QStringLiteral("version"))) {
        io.out << "shopdeskctl " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    auto db = args.option(QStringLiteral("db"));
    if (!db) {
        io.err << "shopdeskctl: " << db.error().message << Qt::endl;
        return 2;
    }
    auto wait = args.integer(QStringLiteral("wait"), 0, 3600);
    if (!wait) {
        io.err << "shopdeskctl: " << wait.error().message << Qt::endl;
        return 2;
    }
    CliContext ctx(io, db->value_or(apppaths::defaultDatabase()), std::chrono::seconds(wait->value_or(30)));

    QStringList words;
    for (const Command& c : commands()) {
        Args probe = args;
        bool matches = true;
        for (const QString& w : c.words) {
            const auto word = probe.next();
            if (!word || *word != w) {
                matches = false;
                break;
            }
        }
        if (matches) {
            return c.run(ctx, probe);
        }
    }
    const auto first = args.next();
    return ctx.fail(
        Error::usage(QStringLiteral("unknown command '%1'; see shopdeskctl --help").arg(first.value_or(QString()))));
}

} // namespace shopdesk::cli
