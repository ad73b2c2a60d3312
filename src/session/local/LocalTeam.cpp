#include "backend/Backend.h"
#include "backend/LiveShop.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/auth/AccessGate.h"
#include "services/routing/RoutingConfigService.h"
#include "services/settings/FollowUpRulesService.h"
#include "services/settings/SettingsService.h"
#include "services/settings/ShopTextsService.h"
#include "services/settings/SimSettingsService.h"
#include "session/local/LocalDesks.h"
#include "session/local/LocalSession.h"

namespace shopdesk::session {

QFuture<Status> LocalTeam::change(std::function<Status(const auth::Actor&)> work)
{
    LocalSession& s = m_s;
    QFuture<Status> done = s.later<Status>([&s, work]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return work(*a);
    });
    // Mirrored at once (a changed role may be the person's own), told to the pages, and the
    // running routing takes a changed configuration before its next decision. (A QFuture keeps
    // one continuation: the caller continues the chained future, not `done`.)
    return done.then(&s, [&s](Status st) {
        if (st) {
            s.teamTouched();
            if (LiveShop* live = s.live()) {
                live->routingChanged();
            }
        }
        return st;
    });
}

Result<std::vector<Account>> LocalTeam::accounts()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().accounts().list(*a);
}

Result<std::vector<auth::Role>> LocalTeam::grantableRoles()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    if (Status st = m_s.backend().gate().check(*a, auth::Operation::AccountList); !st) {
        return st.error();
    }
    return m_s.backend().accounts().grantableRoles(*a);
}

QFuture<Result<Account>> LocalTeam::createAccount(const NewAccount& account)
{
    LocalSession& s = m_s;
    QFuture<Result<Account>> done = s.later<Result<Account>>([&s, account]() -> Result<Account> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().accounts().create(*a, account);
    });
    return done.then(&s, [&s](Result<Account> r) {
        if (r) {
            s.teamTouched();
        }
        return r;
    });
}

QFuture<Status> LocalTeam::resetPassword(const QString& name, const QString& password)
{
    return change([this, name, password](const auth::Actor& a) {
        return m_s.backend().accounts().resetPassword(a, name, password);
    });
}

QFuture<Status> LocalTeam::setRoles(const QString& name, const QStringList& roles)
{
    return change(
        [this, name, roles](const auth::Actor& a) { return m_s.backend().accounts().setRoles(a, name, roles); });
}

QFuture<Status> LocalTeam::setDisabled(const QString& name, bool disabled)
{
    return change([this, name, disabled](const auth::Actor& a) {
        return m_s.backend().accounts().setDisabled(a, name, disabled);
    });
}

QFuture<Status> LocalTeam::unlock(const QString& name)
{
    return change([this, name](const auth::Actor& a) { return m_s.backend().accounts().unlock(a, name); });
}

QFuture<Status> LocalTeam::removeAccount(const QString& name, bool confirmed)
{
    return change(
        [this, name, confirmed](const auth::Actor& a) { return m_s.backend().accounts().remove(a, name, confirmed); });
}

Result<std::vector<auth::Role>> LocalTeam::roles()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().roles().list(*a);
}

Result<auth::Role> LocalTeam::role(const QString& name)
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().roles().show(*a, name);
}

QFuture<Status> LocalTeam::createRole(const QString& name, const auth::PermissionSet& permissions)
{
    return change(
        [this, name, permissions](const auth::Actor& a) { return m_s.backend().roles().create(a, name, permissions); });
}

QFuture<Status> LocalTeam::editRole(const QString& name, const auth::PermissionSet& permissions)
{
    return change(
        [this, name, permissions](const auth::Actor& a) { return m_s.backend().roles().edit(a, name, permissions); });
}

QFuture<Status> LocalTeam::removeRole(const QString& name)
{
    return change([this, name](const auth::Actor& a) { return m_s.backend().roles().remove(a, name); });
}

Result<RoutingConfig> LocalTeam::routing()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    return m_s.backend().routing().show(*a);
}

QFuture<Status> LocalTeam::saveRouting(const routing::Settings& settings,
                                       const std::vector<routing::GroupConfig>& groups)
{
    return change(
        [this, settings, groups](const auth::Actor& a) { return m_s.backend().routing().save(a, settings, groups); });
}

QFuture<Status> LocalTeam::setAgentRouting(const QString& account, const QString& group, std::optional<int> limit)
{
    return change([this, account, group, limit](const auth::Actor& a) {
        return m_s.backend().routing().setAgent(a, account, group, limit);
    });
}

Result<std::vector<Setting>> LocalTeam::settings()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    auto entries = m_s.backend().settings().list(*a);
    if (!entries) {
        return entries.error();
    }
    std::vector<Setting> out;
    for (const auto& e : *entries) {
        out.push_back({e.key, e.value});
    }
    return out;
}

QFuture<Status> LocalTeam::setSetting(const QString& key, const QString& value)
{
    return change([this, key, value](const auth::Actor& a) { return m_s.backend().settings().set(a, key, value); });
}

QFuture<Status> LocalTeam::saveShopTexts(const ShopTexts& texts)
{
    return change([this, texts](const auth::Actor& a) { return m_s.backend().shopTexts().save(a, texts); });
}

Result<SimSettings> LocalTeam::simSettings()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    if (Status st = m_s.backend().gate().check(*a, auth::Operation::SettingsView); !st) {
        return st.error();
    }
    return m_s.backend().simSettings().load();
}

Result<FollowUpRules> LocalTeam::followUpRules()
{
    auto a = m_s.actor();
    if (!a) {
        return a.error();
    }
    if (Status st = m_s.backend().gate().check(*a, auth::Operation::SettingsView); !st) {
        return st.error();
    }
    return m_s.backend().followUpRules().rules();
}

} // namespace shopdesk::session
