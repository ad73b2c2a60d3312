#pragma once

#include "auth/Role.h"
#include "core/Result.h"
#include "domain/Account.h"
#include "domain/AgentReport.h"
#include "domain/Import.h"
#include "domain/QuickReply.h"
#include "domain/RoutingConfig.h"
#include "domain/Search.h"
#include "domain/ShopTexts.h"
#include "domain/Workbench.h"
#include "protocol/OrderCodec.h"

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace shopdesk::protocol {

/// What the server tells a client about its login (the client's Identity mirror is made of it).
struct IdentityWire {
    qint64 accountId = 0;
    QString shop;
    QString name;
    QStringList permissions;
    bool owner = false;
    bool mustChangePassword = false;
    QString group;
    std::optional<int> receptionLimit;
};

QJsonObject toJson(const Account& a);
Account accountFromJson(const QJsonObject& o);
QJsonObject toJson(const NewAccount& a); ///< the password travels only inside TLS, never logged
NewAccount newAccountFromJson(const QJsonObject& o);
QJsonObject toJson(const auth::Role& r);
auth::Role roleFromJson(const QJsonObject& o);
QJsonObject toJson(const IdentityWire& i);
IdentityWire identityFromJson(const QJsonObject& o);
QJsonObject toJson(const RoutingConfig& c);
RoutingConfig routingFromJson(const QJsonObject& o);
QJsonObject toJson(const routing::Settings& s);
routing::Settings routingSettingsFromJson(const QJsonObject& o);
QJsonObject toJson(const routing::GroupConfig& g);
routing::GroupConfig groupFromJson(const QJsonObject& o);
QJsonObject toJson(const AuditRecord& r);
AuditRecord auditRecordFromJson(const QJsonObject& o);
QJsonObject toJson(const AuditQuery& q);
AuditQuery auditQueryFromJson(const QJsonObject& o);
QJsonObject toJson(const AuditVerification& v);
AuditVerification auditVerificationFromJson(const QJsonObject& o);

QJsonObject toJson(const ConversationSummary& c);
ConversationSummary conversationFromJson(const QJsonObject& o);
QJsonObject toJson(const QuickReply& p);
QuickReply quickReplyFromJson(const QJsonObject& o);
QJsonObject toJson(const Message& m);
Message messageFromJson(const QJsonObject& o);
QJsonObject toJson(const AgentReport& r);
AgentReport agentReportFromJson(const QJsonObject& o);
/// The first `maxErrors` bad lines are listed; the rest are counted (moreErrors).
QJsonObject toJson(const ImportReport& r, qsizetype maxErrors = 1000);
ImportReport importReportFromJson(const QJsonObject& o);
QJsonObject toJson(const FollowUp& f);
FollowUp followUpFromJson(const QJsonObject& o);
QJsonObject toJson(const ShopTexts& t);
ShopTexts shopTextsFromJson(const QJsonObject& o);
QJsonObject toJson(const SearchRequest& r);
SearchRequest searchRequestFromJson(const QJsonObject& o);
QJsonObject toJson(const SearchPage& p);
SearchPage searchPageFromJson(const QJsonObject& o);

template <typename T>
QJsonArray toJsonArray(const std::vector<T>& items)
{
    QJsonArray out;
    for (const T& item : items) {
        out.append(toJson(item));
    }
    return out;
}

template <typename T, typename F>
std::vector<T> fromJsonArray(const QJsonValue& v, F&& decode)
{
    std::vector<T> out;
    for (const QJsonValue& item : v.toArray()) {
        out.push_back(decode(item.toObject()));
    }
    return out;
}

QJsonValue optionalInt(const std::optional<int>& v);
std::optional<int> optionalIntFrom(const QJsonValue& v);

} // namespace shopdesk::protocol
