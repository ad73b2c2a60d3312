// The team's administration and the audit trail through the team server (RemoteSession.h).

#include "protocol/Codec.h"
#include "session/remote/Promises.h"
#include "session/remote/RemoteSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace shopdesk::session {

// ---- RemoteTeam ----------------------------------------------------------------------------

QFuture<void> RemoteTeam::refresh()
{
    using O = auth::Operation;
    return m_s.fetchAll({
        {O::AccountList,
         QStringLiteral("accounts.list"),
         {},
         [this](const Result<QJsonValue>& r) {
             m_accounts =
                 r ? Result<std::vector<Account>>(protocol::fromJsonArray<Account>(*r, protocol::accountFromJson))
                   : Result<std::vector<Account>>(r.error());
         }},
        {O::AccountList,
         QStringLiteral("accounts.grantable"),
         {},
         [this](const Result<QJsonValue>& r) {
             m_grantable =
                 r ? Result<std::vector<auth::Role>>(protocol::fromJsonArray<auth::Role>(*r, protocol::roleFromJson))
                   : Result<std::vector<auth::Role>>(r.error());
         }},
        {O::RoleList,
         QStringLiteral("roles.list"),
         {},
         [this](const Result<QJsonValue>& r) {
             m_roles =
                 r ? Result<std::vector<auth::Role>>(protocol::fromJsonArray<auth::Role>(*r, protocol::roleFromJson))
                   : Result<std::vector<auth::Role>>(r.error());
         }},
        {O::RoutingConfigure,
         QStringLiteral("routing.get"),
         {},
         [this](const Result<QJsonValue>& r) {
             m_routing =
                 r ? Result<RoutingConfig>(protocol::routingFromJson(r->toObject())) : Result<RoutingConfig>(r.error());
         }},
        {O::SettingsView,
         QStringLiteral("settings.list"),
         {},
         [this](const Result<QJsonValue>& r) {
             if (!r) {
                 m_settings = r.error();
                 return;
             }
             std::vector<Setting> out;
             for (const QJsonValue& v : r->toArray()) {
                 out.push_back({v[QStringLiteral("key")].toString(), v[QStringLiteral("value")].toString()});
             }
             m_settings = std::move(out);
         }},
        {O::QuickReplyView,
         QStringLiteral("shoptexts.get"),
         {},
         [this](const Result<QJsonValue>& r) {
             m_texts = r ? Result<ShopTexts>(protocol::shopTextsFromJson(r->toObject())) : Result<ShopTexts>(r.error());
         }},
    });
}

QFuture<Status> RemoteTeam::write(const QString& op, QJsonObject args)
{
    auto p = started<Status>();
    m_s.call(op, std::move(args), true).then(&m_s, [this, p](Result<QJsonValue> r) {
        if (!r) {
            resolve<Status>(p, r.error());
            return;
        }
        // Answered once what the server now says is in the cache.
        refresh().then(&m_s, [this, p] {
            emit m_s.teamChanged();
            resolve<Status>(p, Status());
        });
    });
    return p->future();
}

QFuture<Result<Account>> RemoteTeam::createAccount(const NewAccount& account)
{
    auto p = started<Result<Account>>();
    m_s.call(QStringLiteral("accounts.create"), {{QStringLiteral("account"), protocol::toJson(account)}}, true)
        .then(&m_s, [this, p](Result<QJsonValue> r) {
            if (!r) {
                resolve<Result<Account>>(p, r.error());
                return;
            }
            const Account created = protocol::accountFromJson(r->toObject());
            refresh().then(&m_s, [this, p, created] {
                emit m_s.teamChanged();
                resolve<Result<Account>>(p, created);
            });
        });
    return p->future();
}

QFuture<Status> RemoteTeam::resetPassword(const QString& name, const QString& password)
{
    return write(QStringLiteral("accounts.resetPassword"),
                 {{QStringLiteral("name"), name}, {QStringLiteral("password"), password}});
}

QFuture<Status> RemoteTeam::setRoles(const QString& name, const QStringList& roles)
{
    return write(QStringLiteral("accounts.setRoles"),
                 {{QStringLiteral("name"), name}, {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}});
}

QFuture<Status> RemoteTeam::setDisabled(const QString& name, bool disabled)
{
    return write(QStringLiteral("accounts.setDisabled"),
                 {{QStringLiteral("name"), name}, {QStringLiteral("disabled"), disabled}});
}

QFuture<Status> RemoteTeam::unlock(const QString& name)
{
    return write(QStringLiteral("accounts.unlock"), {{QStringLiteral("name"), name}});
}

QFuture<Status> RemoteTeam::removeAccount(const QString& name, bool confirmed)
{
    return write(QStringLiteral("accounts.remove"),
                 {{QStringLiteral("name"), name}, {QStringLiteral("confirmed"), confirmed}});
}

Result<auth::Role> RemoteTeam::role(const QString& name)
{
    if (!m_roles) {
        return m_roles.error();
    }
    for (const auth::Role& r : *m_roles) {
        if (r.name == name) {
            return r;
        }
    }
    return Error::notFound(QStringLiteral("There is no role '%1'.").arg(name));
}

QFuture<Status> RemoteTeam::createRole(const QString& name, const auth::PermissionSet& permissions)
{
    return write(QStringLiteral("roles.create"),
                 {{QStringLiteral("name"), name},
                  {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions.keys())}});
}

QFuture<Status> RemoteTeam::editRole(const QString& name, const auth::PermissionSet& permissions)
{
    return write(QStringLiteral("roles.edit"),
                 {{QStringLiteral("name"), name},
                  {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions.keys())}});
}

QFuture<Status> RemoteTeam::removeRole(const QString& name)
{
    return write(QStringLiteral("roles.remove"), {{QStringLiteral("name"), name}});
}

QFuture<Status> RemoteTeam::saveRouting(const routing::Settings& settings,
                                        const std::vector<routing::GroupConfig>& groups)
{
    return write(QStringLiteral("routing.save"), {{QStringLiteral("settings"), protocol::toJson(settings)},
                                                  {QStringLiteral("groups"), protocol::toJsonArray(groups)}});
}

QFuture<Status> RemoteTeam::setAgentRouting(const QString& account, const QString& group, std::optional<int> limit)
{
    return write(QStringLiteral("routing.setAgent"), {{QStringLiteral("account"), account},
                                                      {QStringLiteral("group"), group},
                                                      {QStringLiteral("limit"), protocol::optionalInt(limit)}});
}

QFuture<Status> RemoteTeam::setSetting(const QString& key, const QString& value)
{
    return write(QStringLiteral("settings.set"), {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
}

QFuture<Status> RemoteTeam::saveShopTexts(const ShopTexts& texts)
{
    return write(QStringLiteral("shoptexts.save"), protocol::toJson(texts));
}

Result<SimSettings> RemoteTeam::simSettings()
{
    return Error::invalid(unservedReason("Settings"));
}

Result<FollowUpRules> RemoteTeam::followUpRules()
{
    return Error::invalid(unservedReason("Settings"));
}

// ---- RemoteAuditTrail ----------------------------------------------------------------------

Result<std::vector<AuditRecord>> RemoteAuditTrail::list(const AuditQuery& query)
{
    const QJsonObject args = protocol::toJson(query);
    const QByteArray key = QJsonDocument(args).toJson(QJsonDocument::Compact);
    auto fetch = m_s.call(QStringLiteral("audit.list"), args).then(&m_s, [this, key](Result<QJsonValue> r) {
        auto decoded = r ? Result<std::vector<AuditRecord>>(
                               protocol::fromJsonArray<AuditRecord>(*r, protocol::auditRecordFromJson))
                         : Result<std::vector<AuditRecord>>(r.error());
        m_lists.insert_or_assign(key, decoded);
        return decoded;
    });
    if (RemoteSession::mayWait()) {
        return RemoteSession::waitFor(fetch);
    }
    (void)fetch.then(&m_s, [this](const Result<std::vector<AuditRecord>>&) { emit m_s.teamChanged(); });
    auto it = m_lists.find(key);
    if (it != m_lists.end()) {
        return it->second;
    }
    return Error::busy(QCoreApplication::translate("shopdesk::session::RemoteSession", "Loading from the server…"));
}

QFuture<Result<AuditVerification>> RemoteAuditTrail::verify()
{
    return m_s.call(QStringLiteral("audit.verify")).then(&m_s, [](Result<QJsonValue> r) -> Result<AuditVerification> {
        if (!r) {
            return r.error();
        }
        return protocol::auditVerificationFromJson(r->toObject());
    });
}

QFuture<Status> RemoteAuditTrail::reanchor(bool)
{
    return QtFuture::makeReadyFuture(Status(Error::invalid(
        QCoreApplication::translate("shopdesk::session::RemoteSession",
                                    "In team mode the audit log is re-anchored on the server (shopdesk-server)."))));
}

} // namespace shopdesk::session
