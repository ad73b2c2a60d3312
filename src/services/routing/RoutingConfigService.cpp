#include "services/routing/RoutingConfigService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/settings/SettingsRepository.h"

#include <QSet>

namespace shopdesk {

namespace {

constexpr int kMaxMinutes = 24 * 60;
constexpr int kMaxLimit = 200;

Result<int> intSetting(SettingsRepository& settings, const char* key, int fallback)
{
    auto v = settings.value(QString::fromLatin1(key));
    if (!v) {
        return v.error();
    }
    bool ok = false;
    const int n = *v ? (*v)->toInt(&ok) : fallback;
    return *v && !ok ? fallback : n;
}

} // namespace

RoutingConfigService::RoutingConfigService(RoutingRepository& routing, SettingsRepository& settings,
                                           AccountRepository& accounts, AccessGate& gate, AuditLog& audit)
    : m_routing(routing)
    , m_settings(settings)
    , m_accounts(accounts)
    , m_gate(gate)
    , m_audit(audit)
{
}

Result<RoutingConfig> RoutingConfigService::load()
{
    RoutingConfig c;
    auto queue = m_settings.value(QStringLiteral("routing.queue"));
    if (!queue) {
        return queue.error();
    }
    if (*queue) {
        auto s = withRoutingQueue(c.settings, **queue);
        if (s) {
            c.settings = *s;
        }
    }
    auto end = intSetting(m_settings, "routing.session_end_minutes", c.settings.sessionEndMinutes);
    auto repeat = intSetting(m_settings, "routing.repeat_entry_minutes", c.settings.repeatEntryMinutes);
    auto handling = intSetting(m_settings, "routing.handling_minutes", c.settings.handlingMinutes);
    for (const auto* r : {&end, &repeat, &handling}) {
        if (!*r) {
            return r->error();
        }
    }
    c.settings.sessionEndMinutes = *end;
    c.settings.repeatEntryMinutes = *repeat;
    c.settings.handlingMinutes = *handling;
    auto groups = m_routing.groups();
    if (!groups) {
        return groups.error();
    }
    c.groups = *groups;
    auto accounts = m_accounts.list();
    if (!accounts) {
        return accounts.error();
    }
    for (const Account& a : *accounts) {
        if (a.isDeleted() || a.disabled) {
            continue;
        }
        // An account in no group and without a limit of its own cannot be given buyers: it takes
        // part with limit 0 (transfers, repeat entry and overflow still reach it).
        c.agents.push_back({a.name, a.group,
                            a.group.isEmpty() && !a.receptionLimit ? std::optional<int>(0) : a.receptionLimit,
                            routing::AgentStatus::Offline});
    }
    return c;
}

Result<RoutingConfig> RoutingConfigService::show(const auth::Actor& actor)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoutingConfigure); !st) {
        return st.error();
    }
    return load();
}

Status RoutingConfigService::validate(const routing::Settings& s, const std::vector<routing::GroupConfig>& groups,
                                      const std::vector<Account>& accounts) const
{
    for (int m : {s.sessionEndMinutes, s.repeatEntryMinutes, s.handlingMinutes}) {
        if (m < 0 || m > kMaxMinutes) {
            return Error::invalid(QStringLiteral("Minutes must be from 0 to %1.").arg(kMaxMinutes));
        }
    }
    if (s.sessionEndMinutes == 0) {
        return Error::invalid(QStringLiteral("Sessions need at least 1 minute before they end."));
    }
    QSet<QString> names;
    for (const routing::GroupConfig& g : groups) {
        if (g.name.trimmed().isEmpty() || g.name.size() > 32 || names.contains(g.name)) {
            return Error::invalid(QStringLiteral("Group names are 1-32 characters and unique."));
        }
        if (g.limit < 0 || g.limit > kMaxLimit) {
            return Error::invalid(QStringLiteral("A reception limit is from 0 to %1.").arg(kMaxLimit));
        }
        names.insert(g.name);
    }
    for (const QString& g : s.queueGroups) {
        if (!names.contains(g)) {
            return Error::invalid(QStringLiteral("The queue names the unknown group '%1'.").arg(g));
        }
    }
    for (const Account& a : accounts) {
        if (!a.isDeleted() && !a.group.isEmpty() && !names.contains(a.group)) {
            return Error::invalid(
                QStringLiteral("The group '%1' still has agents (e.g. %2); move them first.").arg(a.group, a.name));
        }
    }
    return {};
}

Status RoutingConfigService::save(const auth::Actor& actor, const routing::Settings& settings,
                                  const std::vector<routing::GroupConfig>& groups)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoutingConfigure); !st) {
        return st;
    }
    auto accounts = m_accounts.list();
    if (!accounts) {
        return accounts.error();
    }
    if (Status st = validate(settings, groups, *accounts); !st) {
        return st;
    }
    QStringList groupText;
    for (const auto& g : groups) {
        groupText << QStringLiteral("%1=%2").arg(g.name).arg(g.limit);
    }
    const QString detail = QStringLiteral("queue=%1 session_end=%2 repeat_entry=%3 handling=%4 groups=%5")
                               .arg(routingQueueText(settings))
                               .arg(settings.sessionEndMinutes)
                               .arg(settings.repeatEntryMinutes)
                               .arg(settings.handlingMinutes)
                               .arg(groupText.join(QLatin1Char(',')));
    Status st = m_routing.save(
        {{QStringLiteral("routing.queue"), routingQueueText(settings)},
         {QStringLiteral("routing.session_end_minutes"), QString::number(settings.sessionEndMinutes)},
         {QStringLiteral("routing.repeat_entry_minutes"), QString::number(settings.repeatEntryMinutes)},
         {QStringLiteral("routing.handling_minutes"), QString::number(settings.handlingMinutes)}},
        groups, {m_audit.entry(actor.fullName(), QStringLiteral("routing.configure"), QString(), detail)});
    if (st) {
        changed();
    }
    return st;
}

Status RoutingConfigService::setAgent(const auth::Actor& actor, const QString& account, const QString& group,
                                      std::optional<int> limit)
{
    if (Status st = m_gate.check(actor, auth::Operation::RoutingConfigure); !st) {
        return st;
    }
    const QString name = account.section(QLatin1Char(':'), -1);
    auto record = m_accounts.find(name);
    if (!record) {
        return record.error();
    }
    if (!*record || (*record)->account.isDeleted()) {
        return Error::notFound(QStringLiteral("There is no account %1.").arg(account));
    }
    if (limit && (*limit < 0 || *limit > kMaxLimit)) {
        return Error::invalid(QStringLiteral("A reception limit is from 0 to %1.").arg(kMaxLimit));
    }
    if (!group.isEmpty()) {
        auto groups = m_routing.groups();
        if (!groups) {
            return groups.error();
        }
        if (std::none_of(groups->begin(), groups->end(),
                         [&](const routing::GroupConfig& g) { return g.name == group; })) {
            return Error::notFound(QStringLiteral("There is no routing group '%1'.").arg(group));
        }
    }
    AccountChange change;
    change.group = group;
    change.receptionLimit = limit;
    auto saved =
        m_accounts.update((*record)->account.id, change,
                          {m_audit.entry(actor.fullName(), QStringLiteral("routing.agent"), name,
                                         QStringLiteral("group=%1 limit=%2")
                                             .arg(group.isEmpty() ? QStringLiteral("-") : group,
                                                  limit ? QString::number(*limit) : QStringLiteral("group")))});
    if (!saved) {
        return saved.error();
    }
    changed();
    return {};
}

void RoutingConfigService::changed()
{
    for (const auto& listener : m_listeners) {
        listener();
    }
}

} // namespace shopdesk
