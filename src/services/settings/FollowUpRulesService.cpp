#include "services/settings/FollowUpRulesService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/settings/SettingsRepository.h"

#include <QCoreApplication>

namespace shopdesk {

namespace {

struct Rule {
    const char* key;
    int FollowUpRules::*field;
    int max;
};

constexpr Rule kRules[] = {{"followup.unpaid_hours", &FollowUpRules::unpaidHours, 720},
                           {"followup.unshipped_hours", &FollowUpRules::unshippedHours, 720},
                           {"followup.stale_trace_hours", &FollowUpRules::staleTraceHours, 720},
                           {"followup.served_days", &FollowUpRules::servedDays, 90}};

} // namespace

FollowUpRulesService::FollowUpRulesService(SettingsRepository& settings, AccessGate& gate, AuditLog& audit)
    : m_settings(settings)
    , m_gate(gate)
    , m_audit(audit)
{
}

const QStringList& FollowUpRulesService::keys()
{
    static const QStringList k = [] {
        QStringList out;
        for (const Rule& r : kRules) {
            out << QString::fromLatin1(r.key);
        }
        return out;
    }();
    return k;
}

Status FollowUpRulesService::set(const auth::Actor& actor, const QString& key, const QString& value)
{
    if (Status st = m_gate.check(actor, auth::Operation::FollowUpConfigure); !st) {
        return st;
    }
    for (const Rule& r : kRules) {
        if (key != QLatin1String(r.key)) {
            continue;
        }
        bool ok = false;
        const int n = value.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > r.max) {
            return Error::invalid(QCoreApplication::translate("shopdesk::FollowUpRulesService",
                                                              "%1 takes a whole number "
                                                              "from 1 to %2.")
                                      .arg(key)
                                      .arg(r.max));
        }
        return m_settings.setValues(
            {{key, QString::number(n)}},
            {m_audit.entry(actor.fullName(), QStringLiteral("followup.configure"), key, QString::number(n))});
    }
    return Error::notFound(
        QCoreApplication::translate("shopdesk::FollowUpRulesService", "There is no setting %1.").arg(key));
}

Result<FollowUpRules> FollowUpRulesService::rules()
{
    FollowUpRules rules;
    for (const Rule& r : kRules) {
        auto v = m_settings.value(QString::fromLatin1(r.key));
        if (!v) {
            return v.error();
        }
        bool ok = false;
        const int n = *v ? (*v)->toInt(&ok) : 0;
        if (ok && n > 0 && n <= r.max) {
            rules.*(r.field) = n;
        }
    }
    return rules;
}

} // namespace shopdesk
