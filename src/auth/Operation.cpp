#include "auth/Operation.h"

#include <QCoreApplication>

#include <stdexcept>

namespace shopdesk::auth {

const std::vector<OperationInfo>& operationTable()
{
    using O = Operation;
    using P = Permission;
    static const std::vector<OperationInfo> table{
        {O::HistoryImport, "history.import", P::HistoryImport, "导入聊天记录", "Import history", "history import"},
        {O::HistorySearch, "history.search", P::HistorySearch, "搜索聊天记录", "Search history", "search"},
        {O::OrderView, "order.view", P::OrderView, "查看订单", "View orders", "order show"},
        {O::BuyerPiiReveal, "buyer.pii.reveal", P::BuyerPiiView, "查看买家完整信息", "Reveal buyer personal data",
         "order show --reveal"},
        {O::AccountList, "account.list", P::AccountManage, "查看子账号", "List sub-accounts", "account list"},
        {O::AccountCreate, "account.create", P::AccountManage, "新建子账号", "Create a sub-account", "account create"},
        {O::AccountResetPassword, "account.password.reset", P::AccountManage, "重置子账号密码",
         "Reset a sub-account's password", "account passwd (another account)"},
        {O::AccountSetRoles, "account.roles.set", P::AccountManage, "配置子账号角色", "Set a sub-account's roles",
         "account roles"},
        {O::AccountDisable, "account.disable", P::AccountManage, "停用子账号", "Disable a sub-account",
         "account disable"},
        {O::AccountEnable, "account.enable", P::AccountManage, "启用子账号", "Enable a sub-account", "account enable"},
        {O::AccountDelete, "account.delete", P::AccountManage, "删除子账号", "Delete a sub-account", "account delete"},
        {O::SettingsChange, "settings.change", P::AccountManage, "修改登录安全设置", "Change login security settings",
         "settings set"},
        {O::RoleList, "role.list", P::RoleManage, "查看角色", "List roles", "role list / role show"},
        {O::RoleCreate, "role.create", P::RoleManage, "新建角色", "Create a role", "role create"},
        {O::RoleEdit, "role.edit", P::RoleManage, "编辑角色", "Edit a role", "role edit"},
        {O::RoleDelete, "role.delete", P::RoleManage, "删除角色", "Delete a role", "role delete"},
        {O::AuditList, "audit.list", P::AuditView, "查看审计日志", "List the audit log", "audit list"},
        {O::AuditVerify, "audit.verify", P::AuditView, "校验审计日志", "Verify the audit log", "audit verify"},
        {O::RoutingConfigure, "routing.configure", P::RoutingConfigure, "设置分流和排队", "Configure routing",
         "routing show / set / group / agent"},
        {O::ChatReply, "chat.reply", P::ChatReply, "回复买家", "Reply to a buyer", ""},
        {O::ChatOrderCard, "chat.order_card", P::ChatReply, "发送订单卡片", "Send an order card", ""},
        {O::ChatTransfer, "chat.transfer", P::ChatTransfer, "转接会话", "Transfer a conversation", ""},
        {O::ChatClose, "chat.close", P::ChatClose, "结束会话", "Close a conversation", ""},
        {O::OrderRemark, "order.remark", P::OrderRemark, "订单备注和插旗", "Remark and flag an order", ""},
        {O::OrderAddressModify, "order.address.modify", P::OrderAddressModify, "修改收货地址",
         "Change the receiver address", ""},
        {O::OrderPriceModify, "order.price.modify", P::OrderPriceModify, "修改订单价格", "Change an order's price", ""},
        {O::OrderLogistics, "order.logistics", P::OrderView, "查看物流", "Read the logistics trace", ""},
        {O::RefundView, "refund.view", P::RefundView, "查看退款", "View refunds", ""},
        {O::RefundAgree, "refund.agree", P::RefundAgree, "同意退款", "Agree to a refund", ""},
        {O::RefundRefuse, "refund.refuse", P::RefundRefuse, "拒绝退款", "Refuse a refund", ""},
        {O::ReviewReply, "review.reply", P::ReviewReply, "回复评价", "Reply to a review", ""},
        {O::SimConfigure, "sim.configure", P::RoutingConfigure, "设置模拟店铺", "Configure the simulated shop",
         "settings set sim.*"},
        {O::QuickReplyPersonalEdit, "quickreply.personal.edit", P::QuickReplyPersonal, "编辑个人快捷短语",
         "Edit one's own quick replies", ""},
        {O::QuickReplyTeamEdit, "quickreply.team.edit", P::QuickReplyTeamManage, "编辑团队快捷短语",
         "Edit the team's quick replies", ""},
        {O::BuyerNotesEdit, "buyer.notes.edit", P::ChatReply, "编辑买家等级与标签", "Edit a buyer's grade and tags",
         ""},
        {O::HistoryDelete, "history.delete", P::HistoryDelete, "删除聊天记录", "Delete chat records", ""},
        {O::FollowUpConfigure, "followup.configure", P::RoutingConfigure, "设置跟进规则", "Set the follow-up rules",
         "settings set followup.*"},
        {O::ReportAgents, "report.agents", P::TeamPerformanceView, "查看客服绩效报表",
         "Read the agents' performance report", "report agents"},
        {O::QueueMonitor, "queue.monitor", P::QueueMonitor, "查看实时队列和团队状态",
         "See the live queue and the team's status", ""},
        {O::ChatRead, "chat.read", P::ChatRead, "查看会话和聊天内容", "Read conversations and their messages", ""},
        {O::ChatSupervise, "chat.supervise", P::ChatSupervise, "处理同事或排队中的买家",
         "Act on a colleague's or a queued buyer", ""},
        {O::HistoryRecords, "history.records", P::HistorySearch, "查看买家的消息记录", "Read a buyer's message records",
         ""},
        {O::FollowUpView, "followup.view", P::OrderView, "查看待跟进订单", "See the orders to follow up", ""},
        {O::QuickReplyView, "quickreply.view", P::ChatReply, "使用快捷短语", "Use the quick replies", ""},
        {O::BuyerNotesView, "buyer.notes.view", P::ChatRead, "查看买家等级与标签", "See a buyer's grade and tags", ""},
        {O::AccountUnlock, "account.unlock", P::AccountManage, "解锁子账号", "Unlock a sub-account", "account unlock"},
        {O::AuditReanchor, "audit.reanchor", P::AuditView, "确认审计日志的恢复（仅店主）",
         "Accept a restored audit log (owner only)", "audit reanchor"},
        {O::SettingsView, "settings.view", P::AccountManage, "查看店铺设置", "See the shop's settings",
         "settings show"},
        {O::SimRun, "sim.run", P::SimRun, "运行模拟店铺", "Run the simulated shop", "sim run"},
        {O::ChatDraft, "chat.draft", P::ChatRead, "保存和读取自己的回复草稿", "Keep one's own reply drafts", ""},
        {O::ShopTextsEdit, "shop.texts.edit", P::QuickReplyTeamManage, "编辑店铺话术（结束语、评价邀请、催付）",
         "Edit the shop's texts (closing line, rating invitation, payment reminder)", "settings set text.*"},
    };
    return table;
}

const OperationInfo& operationInfo(Operation op)
{
    for (const auto& info : operationTable()) {
        if (info.operation == op) {
            return info;
        }
    }
    // Deny by default: an operation missing from the table is a programming error, caught by the
    // table-driven test; in production it must never silently pass.
    throw std::logic_error("operation missing from the permission table");
}

QString missingPermission(const QString& fullName, Operation op)
{
    const OperationInfo& info = operationInfo(op);
    const auto& perm = permissionInfo(info.required);
    // The operation's name in the language the sentence comes in (the catalogue says which, as
    // Qt's QT_LAYOUT_DIRECTION entry does for the direction).
    const bool chinese = QCoreApplication::translate("shopdesk::auth", "SHOPDESK_LANGUAGE") == u"zh_CN";
    return QCoreApplication::translate("shopdesk::auth", "%1 may not %2: that needs the permission %3 (%4).")
        .arg(fullName, chinese ? QString::fromUtf8(info.zh) : QString::fromUtf8(info.en).toLower(),
             QString::fromLatin1(perm.key), QString::fromUtf8(perm.zh));
}

} // namespace shopdesk::auth
