#include "domain/RoutingConfig.h"

namespace shopdesk {

QString routingQueueText(const routing::Settings& s)
{
    switch (s.queue) {
    case routing::Settings::Queue::Shop:
        return QStringLiteral("shop");
    case routing::Settings::Queue::Off:
        return QStringLiteral("off");
    case routing::Settings::Queue::Groups:
        return s.queueGroups.join(QLatin1Char(','));
    }
    return {};
}

int limitOf(const RoutingConfig& config, const routing::AgentConfig& agent)
{
    if (agent.limit) {
        return *agent.limit;
    }
    for (const routing::GroupConfig& g : config.groups) {
        if (g.name == agent.group) {
            return g.limit;
        }
    }
    return 0;
}

QString routingFingerprint(const RoutingConfig& c)
{
    QString out = QStringLiteral("%1|%2|%3|%4")
                      .arg(routingQueueText(c.settings))
                      .arg(c.settings.sessionEndMinutes)
                      .arg(c.settings.repeatEntryMinutes)
                      .arg(c.settings.handlingMinutes);
    for (const routing::GroupConfig& g : c.groups) {
        out += QStringLiteral("|g:%1=%2").arg(g.name).arg(g.limit);
    }
    for (const routing::AgentConfig& a : c.agents) {
        out += QStringLiteral("|a:%1@%2=%3").arg(a.name, a.group, a.limit ? QString::number(*a.limit) : QString());
    }
    return out;
}

Result<routing::Settings> withRoutingQueue(routing::Settings s, const QString& queue)
{
    const QString q = queue.trimmed();
    s.queueGroups.clear();
    if (q == u"shop") {
        s.queue = routing::Settings::Queue::Shop;
    } else if (q == u"off") {
        s.queue = routing::Settings::Queue::Off;
    } else {
        s.queue = routing::Settings::Queue::Groups;
        for (const QString& g : q.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            s.queueGroups << g.trimmed();
        }
        if (s.queueGroups.isEmpty()) {
            return Error::invalid(QStringLiteral("The queue is shop, off, or a list of groups."));
        }
    }
    return s;
}

} // namespace shopdesk
