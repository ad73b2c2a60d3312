#include "auth/Permission.h"

#include <QRegularExpression>

namespace shopdesk::auth {

const std::vector<PermissionInfo>& permissionCatalogue()
{
    using P = Permission;
    using G = PermissionGroup;
    static const std::vector<PermissionInfo> catalogue{
        {P::ChatRead, "chat.read", "查看买家消息", "Read buyer chats", G::Messages},
        {P::ChatReply, "chat.reply", "回复买家消息", "Reply to buyers", G::Messages},
        {P::ChatTransfer, "chat.transfer", "转接会话", "Transfer chats", G::Messages},
        {P::ChatClose, "chat.close", "结束会话", "Close chats", G::Messages},
        {P::ChatSupervise, "chat.supervise", "处理同事或排队中的会话（接管、转移）",
         "Act on colleagues' and queued chats (take over, move)", G::Messages},
        {P::HistorySearch, "history.search", "搜索聊天记录", "Search chat history", G::Messages},
        {P::HistoryImport, "history.import", "导入聊天记录", "Import chat history", G::Messages},
        {P::HistoryDelete, "history.delete", "删除聊天记录", "Delete chat records", G::Messages},
        {P::BuyerPiiView, "buyer.pii.view", "查看买家完整手机号和地址", "See buyers' full phone and address",
         G::Privacy},
        {P::OrderView, "order.view", "查看订单", "View orders", G::Orders},
        {P::OrderRemark, "order.remark", "订单备注和插旗", "Remark and flag orders", G::Orders},
        {P::OrderAddressModify, "order.address.modify", "修改收货地址", "Change receiver address", G::Orders},
        {P::OrderPriceModify, "order.price.modify", "修改订单价格", "Change order price", G::Orders},
        {P::RefundView, "refund.view", "查看退款", "View refunds", G::Refunds},
        {P::RefundAgree, "refund.agree", "同意退款", "Agree to refunds", G::Refunds},
        {P::RefundRefuse, "refund.refuse", "拒绝退款", "Refuse refunds", G::Refunds},
        {P::ReviewView, "review.view", "查看评价", "View reviews", G::Reviews},
        {P::ReviewReply, "review.reply", "回复评价", "Reply to reviews", G::Reviews},
        {P::ProductEdit, "product.edit", "编辑商品价格、库存和描述", "Edit product price, stock, description",
         G::Products},
        {P::ShopDataView, "shop.data.view", "查看店铺数据", "View shop data", G::ShopData},
        {P::QuickReplyPersonal, "quickreply.personal", "管理个人快捷短语", "Manage personal quick replies",
         G::QuickReplies},
        {P::QuickReplyTeamManage, "quickreply.team.manage", "管理团队快捷短语", "Manage team quick replies",
         G::QuickReplies},
        {P::TeamPerformanceView, "team.performance.view", "查看客服绩效", "View team performance", G::ShopData},
        {P::RoutingConfigure, "routing.configure", "设置分流和排队", "Configure routing and queue", G::Team},
        {P::QueueMonitor, "queue.monitor", "监控排队", "Monitor the live queue", G::Team},
        {P::AccountManage, "account.manage", "管理子账号", "Manage sub-accounts", G::Team},
        {P::RoleManage, "role.manage", "管理角色", "Manage roles", G::Team},
        {P::AuditView, "audit.view", "查看审计日志", "View the audit log", G::Team},
        {P::SimRun, "sim.run", "运行模拟店铺（写入模拟数据）", "Run the simulated shop (writes simulated data)",
         G::Team},
    };
    return catalogue;
}

const PermissionInfo& permissionInfo(Permission p)
{
    for (const auto& info : permissionCatalogue()) {
        if (info.permission == p) {
            return info;
        }
    }
    return permissionCatalogue().front();
}

std::optional<Permission> permissionFromKey(QStringView key)
{
    for (const auto& info : permissionCatalogue()) {
        if (key == QLatin1String(info.key)) {
            return info.permission;
        }
    }
    return std::nullopt;
}

QString permissionKey(Permission p)
{
    return QString::fromLatin1(permissionInfo(p).key);
}

QString permissionLabel(Permission p, const QString& language)
{
    const auto& info = permissionInfo(p);
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(language.startsWith(u"zh") ? info.zh : info.en),
                                         QString::fromLatin1(info.key));
}

const char* groupLabelZh(PermissionGroup g)
{
    switch (g) {
    case PermissionGroup::Messages:
        return "消息管理";
    case PermissionGroup::Privacy:
        return "买家隐私";
    case PermissionGroup::Orders:
        return "订单管理";
    case PermissionGroup::Refunds:
        return "退款售后";
    case PermissionGroup::Reviews:
        return "评价管理";
    case PermissionGroup::Products:
        return "商品管理";
    case PermissionGroup::ShopData:
        return "店铺数据";
    case PermissionGroup::QuickReplies:
        return "快捷短语";
    case PermissionGroup::Team:
        return "团队管理";
    }
    return "";
}

const char* groupLabelEn(PermissionGroup g)
{
    switch (g) {
    case PermissionGroup::Messages:
        return "Messages";
    case PermissionGroup::Privacy:
        return "Buyer privacy";
    case PermissionGroup::Orders:
        return "Orders";
    case PermissionGroup::Refunds:
        return "Refunds and after-sales";
    case PermissionGroup::Reviews:
        return "Reviews";
    case PermissionGroup::Products:
        return "Products";
    case PermissionGroup::ShopData:
        return "Shop data";
    case PermissionGroup::QuickReplies:
        return "Quick replies";
    case PermissionGroup::Team:
        return "Team administration";
    }
    return "";
}

PermissionSet::PermissionSet(std::initializer_list<Permission> ps)
{
    for (Permission p : ps) {
        insert(p);
    }
}

PermissionSet PermissionSet::all()
{
    PermissionSet s;
    s.m_bits.set();
    return s;
}

PermissionSet PermissionSet::minus(const PermissionSet& other) const
{
    PermissionSet s;
    s.m_bits = m_bits & ~other.m_bits;
    return s;
}

std::vector<Permission> PermissionSet::list() const
{
    std::vector<Permission> out;
    for (const auto& info : permissionCatalogue()) {
        if (contains(info.permission)) {
            out.push_back(info.permission);
        }
    }
    return out;
}

QStringList PermissionSet::keys() const
{
    QStringList out;
    for (Permission p : list()) {
        out << permissionKey(p);
    }
    return out;
}

PermissionSet PermissionSet::parseKnown(const QString& stored, bool* hadUnknown)
{
    PermissionSet set;
    for (const QString& key : stored.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (auto p = permissionFromKey(key)) {
            set.insert(*p);
        } else if (hadUnknown) {
            *hadUnknown = true;
        }
    }
    return set;
}

std::optional<PermissionSet> PermissionSet::parse(const QString& text, QString* unknown)
{
    PermissionSet set;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString& word : text.split(separators, Qt::SkipEmptyParts)) {
        if (word.endsWith(QLatin1String(".*"))) {
            const QString prefix = word.chopped(1);
            bool any = false;
            for (const auto& info : permissionCatalogue()) {
                if (QString::fromLatin1(info.key).startsWith(prefix)) {
                    set.insert(info.permission);
                    any = true;
                }
            }
            if (!any) {
                if (unknown) {
                    *unknown = word;
                }
                return std::nullopt;
            }
            continue;
        }
        auto p = permissionFromKey(word);
        if (!p) {
            if (unknown) {
                *unknown = word;
            }
            return std::nullopt;
        }
        set.insert(*p);
    }
    return set;
}

} // namespace shopdesk::auth
