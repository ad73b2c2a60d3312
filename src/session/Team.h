#pragma once

#include "auth/Role.h"
#include "core/Result.h"
#include "domain/Account.h"
#include "domain/RoutingConfig.h"
#include "domain/ShopTexts.h"
#include "domain/SimSettings.h"
#include "domain/Workbench.h"

#include <QFuture>

#include <utility>
#include <vector>

namespace shopdesk::session {

/// A shop setting as `settings show` lists it.
struct Setting {
    QString key;
    QString value;
};

/// The team's administration: sub-accounts, roles, routing and settings. Every change obeys the
/// no-escalation rules and is audited; it takes effect at once (routing on the next decision).
class Team {
public:
    virtual ~Team() = default;

    // Sub-accounts (account.*).
    virtual Result<std::vector<Account>> accounts() = 0;
    /// Roles the person may assign: those made of permissions they hold (never owner).
    virtual Result<std::vector<auth::Role>> grantableRoles() = 0;
    virtual QFuture<Result<Account>> createAccount(const NewAccount& account) = 0;
    /// The account must choose a new password at its next login; its sessions end.
    virtual QFuture<Status> resetPassword(const QString& name, const QString& password) = 0;
    virtual QFuture<Status> setRoles(const QString& name, const QStringList& roles) = 0;
    virtual QFuture<Status> setDisabled(const QString& name, bool disabled) = 0;
    virtual QFuture<Status> unlock(const QString& name) = 0;
    /// Irreversible: `confirmed` must be true.
    virtual QFuture<Status> removeAccount(const QString& name, bool confirmed) = 0;

    // Roles (role.*).
    virtual Result<std::vector<auth::Role>> roles() = 0;
    virtual Result<auth::Role> role(const QString& name) = 0;
    virtual QFuture<Status> createRole(const QString& name, const auth::PermissionSet& permissions) = 0;
    virtual QFuture<Status> editRole(const QString& name, const auth::PermissionSet& permissions) = 0;
    virtual QFuture<Status> removeRole(const QString& name) = 0;

    // Routing (routing.configure).
    virtual Result<RoutingConfig> routing() = 0;
    virtual QFuture<Status> saveRouting(const routing::Settings& settings,
                                        const std::vector<routing::GroupConfig>& groups) = 0;
    /// An agent's group and own limit (nullopt: the group's).
    virtual QFuture<Status> setAgentRouting(const QString& account, const QString& group, std::optional<int> limit) = 0;

    // Settings.
    virtual Result<std::vector<Setting>> settings() = 0;
    /// One setting from text: login.max_failures, login.lock_minutes, sim.*, followup.*, text.*.
    virtual QFuture<Status> setSetting(const QString& key, const QString& value) = 0;
    /// The shop's wording, all three texts at once (shop.texts.edit; one audit entry).
    virtual QFuture<Status> saveShopTexts(const ShopTexts& texts) = 0;
    virtual Result<SimSettings> simSettings() = 0;
    virtual Result<FollowUpRules> followUpRules() = 0;
};

} // namespace shopdesk::session
