#include "auth/Role.h"

#include <QRegularExpression>

namespace shopdesk::auth {

const std::vector<Role>& builtinRoles()
{
    using P = Permission;
    static const std::vector<Role> roles = [] {
        const PermissionSet chat{P::ChatRead, P::ChatReply, P::ChatTransfer, P::ChatClose};
        PermissionSet presales = chat;
        presales |= PermissionSet{P::HistorySearch, P::OrderView,  P::OrderRemark,       P::OrderPriceModify,
                                  P::RefundView,    P::ReviewView, P::QuickReplyPersonal};
        PermissionSet aftersales = chat;
        aftersales |= PermissionSet{P::HistorySearch, P::OrderView,         P::OrderRemark,  P::OrderAddressModify,
                                    P::RefundView,    P::RefundAgree,       P::RefundRefuse, P::ReviewView,
                                    P::ReviewReply,   P::QuickReplyPersonal};
        return std::vector<Role>{
            // The owner and the supervisor hold every permission. What only the owner can do is not a
            // permission but a protection: nobody else may delete, disable, demote or reset the main
            // account, and the owner role cannot be given to anyone else.
            {kOwnerRole, PermissionSet::all(), true, QStringLiteral("店主（主账号）"),
             QStringLiteral("Owner (main account)")},
            {QStringLiteral("supervisor"), PermissionSet::all(), true, QStringLiteral("客服主管"),
             QStringLiteral("Supervisor")},
            {QStringLiteral("presales"), presales, true, QStringLiteral("售前客服"), QStringLiteral("Pre-sales agent")},
            {QStringLiteral("aftersales"), aftersales, true, QStringLiteral("售后客服"),
             QStringLiteral("After-sales agent")},
            {QStringLiteral("trainee"), PermissionSet{P::ChatRead, P::ChatReply, P::OrderView, P::QuickReplyPersonal},
             true, QStringLiteral("实习客服"), QStringLiteral("Trainee")},
            {QStringLiteral("auditor"),
             PermissionSet{P::ChatRead, P::HistorySearch, P::OrderView, P::RefundView, P::ShopDataView,
                           P::TeamPerformanceView, P::AuditView},
             true, QStringLiteral("审计员"), QStringLiteral("Auditor")},
        };
    }();
    return roles;
}

std::optional<Role> builtinRole(QStringView name)
{
    for (const Role& r : builtinRoles()) {
        if (name == r.name) {
            return r;
        }
    }
    return std::nullopt;
}

bool isValidRoleName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[\\w\\-\\x{4e00}-\\x{9fff}]{1,32}$"));
    return re.match(name).hasMatch();
}

} // namespace shopdesk::auth
