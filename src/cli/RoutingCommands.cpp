#include "cli/Commands.h"

#include "core/JsonWriter.h"
#include "routing/RoutingScenario.h"
#include "session/Team.h"

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

int runRoutingShow(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    auto config = (*session)->team().routing();
    if (!config) {
        return ctx.fail(config.error());
    }
    const routing::Settings& s = config->settings;
    if (json) {
        JsonWriter groups;
        for (const auto& g : config->groups) {
            groups.add(g.name, g.limit);
        }
        JsonWriter agents;
        for (const auto& a : config->agents) {
            JsonWriter w;
            w.add(u"group", a.group);
            if (a.limit) {
                w.add(u"limit", *a.limit);
            } else {
                w.addNull(u"limit");
            }
            agents.addRaw(a.name, w.toJson());
        }
        JsonWriter w;
        if (s.queue == routing::Settings::Queue::Groups) {
            w.addRaw(u"queue", JsonWriter::stringArray(s.queueGroups));
        } else {
            w.add(u"queue", routingQueueText(s));
        }
        w.add(u"session_end_minutes", s.sessionEndMinutes)
            .add(u"repeat_entry_minutes", s.repeatEntryMinutes)
            .add(u"handling_minutes", s.handlingMinutes)
            .addRaw(u"groups", groups.toJson())
            .addRaw(u"agents", agents.toJson());
        ctx.printJson(w);
    } else {
        QTextStream& out = ctx.io().out;
        out << "queue\t" << routingQueueText(s) << "\nsession_end_minutes\t" << s.sessionEndMinutes
            << "\nrepeat_entry_minutes\t" << s.repeatEntryMinutes << "\nhandling_minutes\t" << s.handlingMinutes
            << '\n';
        for (const auto& g : config->groups) {
            out << "group\t" << g.name << "\tlimit " << g.limit << '\n';
        }
        for (const auto& a : config->agents) {
            out << "agent\t" << a.name << '\t' << (a.group.isEmpty() ? QStringLiteral("-") : a.group) << '\t'
                << (a.limit ? QStringLiteral("limit %1").arg(*a.limit) : QStringLiteral("group limit")) << '\n';
        }
    }
    ctx.io().out.flush();
    return 0;
}

namespace {

/// Loads, lets `change` edit settings and groups, saves.
int changeConfig(CliContext& ctx,
                 const std::function<Status(routing::Settings&, std::vector<routing::GroupConfig>&)>& change)
{
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    session::Team& team = (*session)->team();
    auto config = team.routing();
    if (!config) {
        return ctx.fail(config.error());
    }
    if (Status st = change(config->settings, config->groups); !st) {
        return ctx.fail(st);
    }
    if (Status st = CliContext::wait(team.saveRouting(config->settings, config->groups)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << "Routing saved; effective now." << Qt::endl;
    return 0;
}

} // namespace

int runRoutingSet(CliContext& ctx, Args& args)
{
    auto queue = args.option(QStringLiteral("queue"));
    auto end = args.integer(QStringLiteral("session-end"), 0, 1440);
    auto repeat = args.integer(QStringLiteral("repeat-entry"), 0, 1440);
    auto handling = args.integer(QStringLiteral("handling"), 0, 1440);
    if (!queue) {
        return ctx.fail(queue.error());
    }
    for (const auto* r : {&end, &repeat, &handling}) {
        if (!*r) {
            return ctx.fail(r->error());
        }
    }
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    return changeConfig(ctx, [&](routing::Settings& s, std::vector<routing::GroupConfig>&) -> Status {
        if (*queue) {
            auto q = withRoutingQueue(s, **queue);
            if (!q) {
                return q.error();
            }
            s = *q;
        }
        s.sessionEndMinutes = static_cast<int>(end->value_or(s.sessionEndMinutes));
        s.repeatEntryMinutes = static_cast<int>(repeat->value_or(s.repeatEntryMinutes));
        s.handlingMinutes = static_cast<int>(handling->value_or(s.handlingMinutes));
        return {};
    });
}

int runRoutingGroup(CliContext& ctx, Args& args)
{
    const auto verb = args.next();
    const auto name = args.next();
    auto limit = args.integer(QStringLiteral("limit"), 0, 200);
    if (!limit) {
        return ctx.fail(limit.error());
    }
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!verb || !name || (*verb != u"set" && *verb != u"delete") || (*verb == u"set" && !*limit)) {
        return ctx.fail(Error::usage(QStringLiteral("routing group set NAME --limit N | routing group delete NAME")));
    }
    return changeConfig(ctx, [&](routing::Settings& s, std::vector<routing::GroupConfig>& groups) -> Status {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.name == *name; });
        if (*verb == u"delete") {
            if (it == groups.end()) {
                return Error::notFound(QStringLiteral("There is no routing group '%1'.").arg(*name));
            }
            groups.erase(it);
            s.queueGroups.removeAll(*name);
            return {};
        }
        if (it == groups.end()) {
            groups.push_back({*name, static_cast<int>(**limit)});
        } else {
            it->limit = static_cast<int>(**limit);
        }
        return {};
    });
}

int runRoutingAgent(CliContext& ctx, Args& args)
{
    auto group = args.option(QStringLiteral("group"));
    auto limit = args.integer(QStringLiteral("limit"), 0, 200);
    const bool groupLimit = args.flag(QStringLiteral("group-limit"));
    const auto name = args.next();
    if (!group) {
        return ctx.fail(group.error());
    }
    if (!limit) {
        return ctx.fail(limit.error());
    }
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!name || (*limit && groupLimit)) {
        return ctx.fail(Error::usage(QStringLiteral("routing agent NAME [--group G] [--limit N | --group-limit]")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    session::Team& team = (*session)->team();
    auto config = team.routing();
    if (!config) {
        return ctx.fail(config.error());
    }
    const QString shortName = name->section(QLatin1Char(':'), -1);
    auto it =
        std::find_if(config->agents.begin(), config->agents.end(), [&](const auto& a) { return a.name == shortName; });
    QString newGroup = it != config->agents.end() ? it->group : QString();
    std::optional<int> newLimit = it != config->agents.end() ? it->limit : std::nullopt;
    if (*group) {
        newGroup = **group;
    }
    if (*limit) {
        newLimit = static_cast<int>(**limit);
    } else if (groupLimit) {
        newLimit.reset();
    }
    if (Status st = CliContext::wait(team.setAgentRouting(*name, newGroup, newLimit)); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << shortName << ": group " << (newGroup.isEmpty() ? QStringLiteral("-") : newGroup) << ", limit "
                 << (newLimit ? QString::number(*newLimit) : QStringLiteral("of the group")) << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
