#include "services/settings/SimSettingsService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/settings/SettingsRepository.h"

#include <QCoreApplication>

#include <cmath>

namespace shopdesk {

namespace {

const QString kBots = QStringLiteral("sim.bots");
const QString kBuyers = QStringLiteral("sim.buyers_per_minute");
const QString kSpeed = QStringLiteral("sim.speed");

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::SimSettingsService", text);
}

} // namespace

SimSettingsService::SimSettingsService(SettingsRepository& settings, AccessGate& gate, AuditLog& audit)
    : m_settings(settings)
    , m_gate(gate)
    , m_audit(audit)
{
}

const QStringList& SimSettingsService::keys()
{
    static const QStringList k{kBots, kBuyers, kSpeed};
    return k;
}

Result<SimSettings> SimSettingsService::load()
{
    SimSettings s;
    for (const QString& key : keys()) {
        auto v = m_settings.value(key);
        if (!v) {
            return v.error();
        }
        if (!*v) {
            continue;
        }
        bool ok = false;
        const double number = (*v)->toDouble(&ok);
        if (!ok) {
            continue; // a damaged value falls back to the default
        }
        if (key == kBots) {
            s.bots = static_cast<int>(number);
        } else if (key == kBuyers) {
            s.buyersPerMinute = number;
        } else {
            s.speed = number;
        }
    }
    return s;
}

Status SimSettingsService::save(const auth::Actor& actor, const SimSettings& s)
{
    if (Status st = m_gate.check(actor, auth::Operation::SimConfigure); !st) {
        return st;
    }
    if (s.bots < 0 || s.bots > SimSettings::kMaxBots) {
        return Error::invalid(tr("Colleague bots: 0 to %1.").arg(SimSettings::kMaxBots));
    }
    if (!std::isfinite(s.buyersPerMinute) || s.buyersPerMinute < 0 ||
        s.buyersPerMinute > SimSettings::kMaxBuyersPerMinute) {
        return Error::invalid(tr("Buyers per minute: 0 to %1.").arg(SimSettings::kMaxBuyersPerMinute));
    }
    if (!std::isfinite(s.speed) || s.speed < 1 || s.speed > SimSettings::kMaxSpeed) {
        return Error::invalid(tr("Speed: 1 (real time) to %1 simulated seconds a second.").arg(SimSettings::kMaxSpeed));
    }
    const QString bots = QString::number(s.bots);
    const QString buyers = QString::number(s.buyersPerMinute, 'g', 10);
    const QString speed = QString::number(s.speed, 'g', 10);
    return m_settings.setValues(
        {{kBots, bots}, {kBuyers, buyers}, {kSpeed, speed}},
        {m_audit.entry(actor.fullName(), QStringLiteral("sim.configure"), QStringLiteral("sim"),
                       QStringLiteral("bots=%1 buyers_per_minute=%2 speed=%3").arg(bots, buyers, speed))});
}

Status SimSettingsService::set(const auth::Actor& actor, const QString& key, const QString& value)
{
    auto current = load();
    if (!current) {
        return current.error();
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok) {
        return Error::invalid(tr("%1 takes a number.").arg(key));
    }
    if (key == kBots) {
        if (number != std::floor(number)) {
            return Error::invalid(tr("%1 takes a whole number.").arg(key));
        }
        current->bots = static_cast<int>(std::clamp(number, -1.0, 1e6));
    } else if (key == kBuyers) {
        current->buyersPerMinute = number;
    } else if (key == kSpeed) {
        current->speed = number;
    } else {
        return Error::notFound(tr("There is no setting %1.").arg(key));
    }
    return save(actor, *current);
}

} // namespace shopdesk
