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
        {{QStringLiteral("init")}, "init --shop NAME --owner NAME [--platform sim] [--tz Asia/Shanghai]", runInit},
        {{QStringLiteral("history"), QStringLiteral("import")},
         "--as A history import FILE [--skip-bad]",
         runHistoryImport},
        {{QStringLiteral("search")}, "--as A search QUERY... [--buyer NICK] [--limit N] [--json]", runSearch},
        {{QStringLiteral("events")}, "--server H:P --as A events --follow [--json]   (the change stream)", runEvents},
        {{QStringLiteral("account"), QStringLiteral("list")}, "--as A account list [--all] [--json]", runAccountList},
        {{QStringLiteral("account"), QStringLiteral("create")},
         "--as A account create NAME --roles R1[,R2] [--group G] [--limit N]",
         runAccountCreate},
        {{QStringLiteral("account"), QStringLiteral("passwd")}, "--as A account passwd NAME", runAccountPasswd},
        {{QStringLiteral("account"), QStringLiteral("roles")},
         "--as A account roles NAME --set R1[,R2]",
         runAccountRoles},
        {{QStringLiteral("account"), QStringLiteral("disable")}, "--as A account disable NAME", runAccountDisable},
        {{QStringLiteral("account"), QStringLiteral("enable")}, "--as A account enable NAME", runAccountEnable},
        {{QStringLiteral("account"), QStringLiteral("unlock")}, "--as A account unlock NAME", runAccountUnlock},
        {{QStringLiteral("account"), QStringLiteral("delete")}, "--as A account delete NAME --yes", runAccountDelete},
        {{QStringLiteral("role"), QStringLiteral("list")}, "--as A role list [--json]", runRoleList},
        {{QStringLiteral("role"), QStringLiteral("show")}, "--as A role show NAME [--json]", runRoleShow},
        {{QStringLiteral("role"), QStringLiteral("create")}, "--as A role create NAME --perms P1,P2", runRoleCreate},
        {{QStringLiteral("role"), QStringLiteral("edit")}, "--as A role edit NAME --perms P1,P2", runRoleEdit},
        {{QStringLiteral("role"), QStringLiteral("delete")}, "--as A role delete NAME", runRoleDelete},
        {{QStringLiteral("perm"), QStringLiteral("list")}, "perm list [--json]", runPermList},
        {{QStringLiteral("perm"), QStringLiteral("matrix")},
         "perm matrix            (docs/permissions.md)",
         runPermMatrix},
        {{QStringLiteral("audit"), QStringLiteral("list")},
         "--as A audit list [--actor NAME] [--action PREFIX] [--limit N] [--json]",
         runAuditList},
        {{QStringLiteral("audit"), QStringLiteral("verify")}, "--as A audit verify", runAuditVerify},
        {{QStringLiteral("audit"), QStringLiteral("reanchor")},
         "--as OWNER audit reanchor --yes   (accept a log that does not match its anchor)",
         runAuditReanchor},
        {{QStringLiteral("settings"), QStringLiteral("show")}, "--as A settings show", runSettingsShow},
        {{QStringLiteral("settings"), QStringLiteral("set")},
         "--as A settings set login.max_failures|login.lock_minutes|sim.*|followup.* N",
         runSettingsSet},
        {{QStringLiteral("order"), QStringLiteral("show")},
         "--as A order show ORDER [--reveal] [--json]",
         runOrderShow},
        {{QStringLiteral("routing"), QStringLiteral("simulate")},
         "routing simulate FILE   (docs/routing.md)",
         runRoutingSimulate},
        {{QStringLiteral("routing"), QStringLiteral("show")}, "--as A routing show [--json]", runRoutingShow},
        {{QStringLiteral("routing"), QStringLiteral("set")},
         "--as A routing set [--queue shop|off|G1,G2] [--session-end MIN] [--repeat-entry MIN] [--handling MIN]",
         runRoutingSet},
        {{QStringLiteral("routing"), QStringLiteral("group")},
         "--as A routing group set NAME --limit N | routing group delete NAME",
         runRoutingGroup},
        {{QStringLiteral("routing"), QStringLiteral("agent")},
         "--as A routing agent NAME [--group G] [--limit N | --group-limit]",
         runRoutingAgent},
        {{QStringLiteral("quickreply"), QStringLiteral("import")},
         "--as A quickreply import FILE [--dry-run]   (CSV: group,code,text; UTF-8)",
         runQuickReplyImport},
        {{QStringLiteral("quickreply"), QStringLiteral("export")},
         "--as A quickreply export FILE",
         runQuickReplyExport},
        {{QStringLiteral("report"), QStringLiteral("agents")},
         "--as A report agents --from DATE --to DATE [--slow-seconds 120] [--json|--csv]   (docs/reports.md)",
         runReportAgents},
        {{QStringLiteral("sim"), QStringLiteral("run")},
         "--as A sim run [--minutes M] [--speed X|max] [--seed S] [--agents N] [--buyers-per-minute B]\n"
         "          [--malformed-rate R] [--transient-error-rate R] [--start ISO]   (docs/adapters.md)",
         runSimRun},
    };
    return table;
}

void printHelp(QTextStream& out)
{
    out << "Usage: shopdeskctl [--db PATH | --server HOST:PORT [--server-fingerprint SHA256]] [--wait SECONDS]\n"
        << "                   [--as ACCOUNT] COMMAND [OPTIONS]\n\n"
        << "ShopDesk's headless tool: administration, history import, search and reports.\n"
        << "The database defaults to " << apppaths::defaultDatabase() << "\n"
        << "--wait: how long a write waits while another program (the app) writes; default 30 s.\n"
        << "--as: the acting sub-account (shop:name or name); its password comes from SHOPDESK_PASSWORD, else\n"
        << "      the first line of standard input. New passwords: SHOPDESK_NEW_PASSWORD, else the next line.\n"
        << "--server: team mode, every command through shopdesk-server; its certificate is pinned by\n"
        << "      --server-fingerprint, else trusted on first use and remembered.\n"
        << "\nCommands:\n";
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
    auto as = args.option(QStringLiteral("as"));
    if (!as) {
        io.err << "shopdeskctl: " << as.error().message << Qt::endl;
        return 2;
    }
    auto server = args.option(QStringLiteral("server"));
    auto fingerprint = args.option(QStringLiteral("server-fingerprint"));
    const bool plain = args.flag(QStringLiteral("plain"));
    if (!server || !fingerprint) {
        io.err << "shopdeskctl: --server and --server-fingerprint need a value" << Qt::endl;
        return 2;
    }
    std::optional<session::ServerOptions> serverOptions;
    if (*server) {
        serverOptions =
            session::ServerOptions{**server, fingerprint->value_or(QString()), QString(), QString(), plain, 15000};
    } else if (plain || *fingerprint) {
        io.err << "shopdeskctl: --server-fingerprint and --plain go with --server HOST:PORT" << Qt::endl;
        return 2;
    }
    CliContext ctx(
        io, {db->value_or(apppaths::defaultDatabase()), std::chrono::seconds(wait->value_or(30)), *as, serverOptions});

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
