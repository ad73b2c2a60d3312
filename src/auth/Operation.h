#pragma once

#include "auth/Permission.h"

#include <vector>

namespace shopdesk::auth {

/// Every gated service operation. Each one names the permission it needs in operationTable(): the
/// one central table the services check against, docs/permissions.md is generated from, and the
/// table-driven test walks (an operation without an entry, or without a test, fails that test).
enum class Operation {
    HistoryImport,
    HistorySearch,
    OrderView,
    BuyerPiiReveal,
    AccountList,
    AccountCreate,
    AccountResetPassword,
    AccountSetRoles,
    AccountDisable,
    AccountEnable,
    AccountDelete,
    SettingsChange,
    RoleList,
    RoleCreate,
    RoleEdit,
    RoleDelete,
    AuditList,
    AuditVerify,
    RoutingConfigure,
    ChatReply,
    ChatOrderCard,
    ChatTransfer,
    ChatClose,
    OrderRemark,
    OrderAddressModify,
    OrderPriceModify,
    OrderLogistics,
    RefundView,
    RefundAgree,
    RefundRefuse,
    ReviewReply,
    SimConfigure,
    QuickReplyPersonalEdit,
    QuickReplyTeamEdit,
    BuyerNotesEdit,
    HistoryDelete,
    FollowUpConfigure,
    ReportAgents,
    QueueMonitor,
    ChatRead,
    ChatSupervise,
    HistoryRecords,
    FollowUpView,
    QuickReplyView,
    BuyerNotesView,
    AccountUnlock,
    AuditReanchor,
    SettingsView,
    SimRun,
    ChatDraft,
    ShopTextsEdit,
    Count
};

struct OperationInfo {
    Operation operation;
    /// Stable name, as audited ("account.create") and shown in docs/permissions.md.
    const char* name;
    Permission required;
    const char* zh;
    const char* en;
    /// The shopdeskctl command that performs it (for the docs), or "" when only the app does.
    const char* command;
};

const std::vector<OperationInfo>& operationTable();
const OperationInfo& operationInfo(Operation op);
/// "NAME may not …: that needs the permission KEY (中文)." — the refusal of a missing permission,
/// said alike by the gate and by a client's mirror.
QString missingPermission(const QString& fullName, Operation op);

} // namespace shopdesk::auth
