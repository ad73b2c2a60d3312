// The operations shopdesk-server answers once a connection is logged in: each decides on the
// actor made from the account's state at that moment and calls the same service the desktop's
// single-seat session calls.

#include "auth/Operation.h"
#include "pg/PgStore.h"
#include "server/OpAnswers.h"
#include "server/ServerBackend.h"
#include "server/TeamServerClient.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/quickreply/QuickReplyService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/settings/SettingsService.h"
#include "services/settings/ShopTextsService.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace shopdesk::server {

namespace {

using protocol::Request;

template <typename T>
Result<QJsonValue> listResult(const Result<std::vector<T>>& r)
{
    if (!r) {
        return r.error();
    }
    return QJsonValue(protocol::toJsonArray(*r));
}

/// A required text argument; Usage names it when missing.
Result<QString> text(const Request& r, const char* key)
{
    const QJsonValue v = r.args.value(QLatin1String(key));
    if (!v.isString() || v.toString().isEmpty()) {
        return Error::usage(QStringLiteral("%1 needs '%2'.").arg(r.op, QLatin1String(key)));
    }
    return v.toString();
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray()) {
        out << s.toString();
    }
    return out;
}

Result<auth::PermissionSet> permissions(const Request& r)
{
    QString unknown;
    auto set = auth::PermissionSet::parse(strings(r.args.value(QStringLiteral("permissions"))).join(u','), &unknown);
    if (!set) {
        return Error::invalid(QCoreApplication::translate("shopdesk::server", "Unknown permission '%1'.").arg(unknown));
    }
    return *set;
}

/// Whether a setting acts on what a team server runs. The simulated shop's bots and clock are a
/// single seat's (a team's agents are real, its time is real): storing those would be a setting
/// that changes nothing, so they are refused.
bool servedSetting(const QString& key)
{
    return key.startsWith(u"login.") || key.startsWith(u"followup.") || key == u"sim.buyers_per_minute" ||
           ShopTexts::keys().contains(key);
}

} // namespace

void TeamServer::registerOps()
{
    ServerBackend& b = m_backend;
    auto read = [this](const char* name, Handler h) { m_ops[QString::fromLatin1(name)] = Op{std::move(h), false, {}}; };
    auto write = [this](const char* name, Handler h) { m_ops[QString::fromLatin1(name)] = Op{std::move(h), true, {}}; };

    read("ping", [&b](Client&, const Request&, const auth::Actor&) -> Result<QJsonValue> {
        return QJsonValue(QJsonObject{{QStringLiteral("time"), static_cast<double>(b.clock().now().ms())}});
    });
    read("me", [this](Client& c, const Request&, const auth::Actor&) -> Result<QJsonValue> {
        auto i = identityFor(c);
        if (!i) {
            return i.error();
        }
        return QJsonValue(protocol::toJson(*i));
    });
    write("logout", [this](Client& c, const Request&, const auth::Actor& actor) -> Result<QJsonValue> {
        m_backend.audit().record(m_backend.audit().entry(actor.fullName(), QStringLiteral("logout")));
        Status st = m_sessions.end(c.tokenHash, QStringLiteral("logged out"), m_backend.clock().now());
        c.tokenHash.clear();
        return statusAnswer(st);
    });
    write("password.change", [this](Client& c, const Request& r, const auth::Actor& actor) -> Result<QJsonValue> {
        auto epoch = m_backend.accounts().changeOwnPassword(actor, r.args.value(QStringLiteral("current")).toString(),
                                                            r.args.value(QStringLiteral("next")).toString());
        if (!epoch) {
            return epoch.error();
        }
        // This session goes on with the new epoch; every other one of the account has ended.
        Status st = m_backend.store().writeStatus("keep the session", [&](pg::PgTx& tx) {
            tx.q("UPDATE sessions SET epoch = $2, ended_at = NULL, end_reason = NULL WHERE token_hash = $1",
                 {pg::bytesParam(c.tokenHash), pg::param(*epoch)});
        });
        c.epoch = *epoch;
        return statusAnswer(st);
    });

    // Accounts.
    read("accounts.list",
         [&b](Client&, const Request&, const auth::Actor& a) { return listResult(b.accounts().list(a)); });
    read("accounts.grantable", [&b](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        if (Status st = b.gate().check(a, auth::Operation::AccountList); !st) {
            return st.error();
        }
        return listResult(b.accounts().grantableRoles(a));
    });
    write("accounts.create", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto created =
            b.accounts().create(a, protocol::newAccountFromJson(r.args.value(QStringLiteral("account")).toObject()));
        if (!created) {
            return created.error();
        }
        return QJsonValue(protocol::toJson(*created));
    });
    write("accounts.resetPassword", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.accounts().resetPassword(a, *name, r.args.value(QStringLiteral("password")).toString()));
    });
    write("accounts.setRoles", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.accounts().setRoles(a, *name, strings(r.args.value(QStringLiteral("roles")))));
    });
    write("accounts.setDisabled", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.accounts().setDisabled(a, *name, r.args.value(QStringLiteral("disabled")).toBool(true)));
    });
    write("accounts.unlock", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.accounts().unlock(a, *name));
    });
    write("accounts.remove", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.accounts().remove(a, *name, r.args.value(QStringLiteral("confirmed")).toBool()));
    });

    // Roles.
    read("roles.list", [&b](Client&, const Request&, const auth::Actor& a) { return listResult(b.roles().list(a)); });
    read("roles.get", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        auto role = b.roles().show(a, *name);
        if (!role) {
            return role.error();
        }
        return QJsonValue(protocol::toJson(*role));
    });
    auto roleWrite =
        [&b](Status (RoleService::*method)(const auth::Actor&, const QString&, const auth::PermissionSet&)) {
            return [&b, method](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
                auto name = text(r, "name");
                if (!name) {
                    return name.error();
                }
                auto perms = permissions(r);
                if (!perms) {
                    return perms.error();
                }
                return statusAnswer((b.roles().*method)(a, *name, *perms));
            };
        };
    write("roles.create", roleWrite(&RoleService::create));
    write("roles.edit", roleWrite(&RoleService::edit));
    write("roles.remove", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "name");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.roles().remove(a, *name));
    });

    // Routing.
    read("routing.get", [&b](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        auto config = b.routing().show(a);
        if (!config) {
            return config.error();
        }
        return QJsonValue(protocol::toJson(*config));
    });
    write("routing.save", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        const auto settings = protocol::routingSettingsFromJson(r.args.value(QStringLiteral("settings")).toObject());
        const auto groups = protocol::fromJsonArray<routing::GroupConfig>(r.args.value(QStringLiteral("groups")),
                                                                          protocol::groupFromJson);
        return statusAnswer(b.routing().save(a, settings, groups));
    });
    write("routing.setAgent", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto name = text(r, "account");
        if (!name) {
            return name.error();
        }
        return statusAnswer(b.routing().setAgent(a, *name, r.args.value(QStringLiteral("group")).toString(),
                                                 protocol::optionalIntFrom(r.args.value(QStringLiteral("limit")))));
    });

    // Quick replies: the team's and the person's own.
    read("phrases.mine",
         [&b](Client&, const Request&, const auth::Actor& a) { return listResult(b.quickReplies().phrases(a)); });
    read("phrases.team",
         [&b](Client&, const Request&, const auth::Actor& a) { return listResult(b.quickReplies().teamPhrases(a)); });
    write("phrases.save", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto id =
            b.quickReplies().save(a, protocol::quickReplyFromJson(r.args.value(QStringLiteral("phrase")).toObject()));
        if (!id) {
            return id.error();
        }
        return QJsonValue(static_cast<double>(id->value()));
    });
    write("phrases.remove", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        return statusAnswer(b.quickReplies().remove(
            a, QuickReplyId(static_cast<qint64>(r.args.value(QStringLiteral("id")).toDouble()))));
    });
    write("phrases.use", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        return statusAnswer(b.quickReplies().recordUse(
            a, QuickReplyId(static_cast<qint64>(r.args.value(QStringLiteral("id")).toDouble()))));
    });
    write("phrases.move", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        return statusAnswer(b.quickReplies().moveTeam(
            a, QuickReplyId(static_cast<qint64>(r.args.value(QStringLiteral("id")).toDouble())),
            r.args.value(QStringLiteral("delta")).toInt()));
    });
    write("phrases.import", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        std::vector<PhraseRow> rows;
        for (const QJsonValue& v : r.args.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject o = v.toObject();
            rows.push_back({static_cast<qint64>(o.value(QStringLiteral("line")).toDouble()),
                            o.value(QStringLiteral("group")).toString(), o.value(QStringLiteral("code")).toString(),
                            o.value(QStringLiteral("text")).toString()});
        }
        auto done = b.quickReplies().importTeam(a, rows);
        if (!done) {
            return done.error();
        }
        return QJsonValue(
            QJsonObject{{QStringLiteral("added"), done->added}, {QStringLiteral("updated"), done->updated}});
    });

    // Audit.
    read("settings.list", [&b](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        auto entries = b.settings().list(a);
        if (!entries) {
            return entries.error();
        }
        QJsonArray out;
        for (const SettingsService::Entry& e : *entries) {
            if (servedSetting(e.key)) {
                out.append(QJsonObject{{QStringLiteral("key"), e.key}, {QStringLiteral("value"), e.value}});
            }
        }
        return QJsonValue(out);
    });
    write("settings.set", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        auto key = text(r, "key");
        if (!key) {
            return key.error();
        }
        if (!servedSetting(*key) && (key->startsWith(u"sim.") || key->startsWith(u"followup."))) {
            return Error::invalid(QStringLiteral("%1 has no effect on a team server (it is a single seat's setting "
                                                 "or its feature is not served in team mode yet); nothing was "
                                                 "changed.")
                                      .arg(*key));
        }
        return statusAnswer(b.settings().set(a, *key, r.args.value(QStringLiteral("value")).toString()));
    });
    read("shoptexts.get", [&b](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        if (Status st = b.gate().check(a, auth::Operation::QuickReplyView); !st) {
            return st.error();
        }
        auto texts = b.shopTexts().load();
        if (!texts) {
            return texts.error();
        }
        return QJsonValue(protocol::toJson(*texts));
    });
    write("shoptexts.save", [&b](Client&, const Request& r, const auth::Actor& a) -> Result<QJsonValue> {
        return statusAnswer(b.shopTexts().save(a, protocol::shopTextsFromJson(r.args)));
    });
    read("audit.list", [&b](Client&, const Request& r, const auth::Actor& a) {
        return listResult(b.audit().list(a, b.gate(), protocol::auditQueryFromJson(r.args)));
    });
    read("audit.verify", [&b](Client&, const Request&, const auth::Actor& a) -> Result<QJsonValue> {
        auto v = b.audit().verify(a, b.gate());
        if (!v) {
            return v.error();
        }
        return QJsonValue(protocol::toJson(*v));
    });
}

} // namespace shopdesk::server
