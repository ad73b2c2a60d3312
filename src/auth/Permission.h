#pragma once

#include <QString>
#include <QStringList>

#include <bitset>
#include <optional>
#include <vector>

namespace shopdesk::auth {

/// Every permission a sub-account can hold. The keys are a contract (CLI, custom roles in the
/// database, docs/permissions.md): never rename one.
enum class Permission : unsigned {
    ChatRead,
    ChatReply,
    ChatTransfer,
    ChatClose,
    ChatSupervise,
    HistorySearch,
    HistoryImport,
    HistoryDelete,
    BuyerPiiView,
    OrderView,
    OrderRemark,
    OrderAddressModify,
    OrderPriceModify,
    RefundView,
    RefundAgree,
    RefundRefuse,
    ReviewView,
    ReviewReply,
    ProductEdit,
    ShopDataView,
    QuickReplyPersonal,
    QuickReplyTeamManage,
    TeamPerformanceView,
    RoutingConfigure,
    QueueMonitor,
    AccountManage,
    RoleManage,
    AuditView,
    SimRun,
    Count
};
constexpr std::size_t kPermissionCount = static_cast<std::size_t>(Permission::Count);

/// The groups shops know from their back office (domain.md §1).
enum class PermissionGroup { Messages, Privacy, Orders, Refunds, Reviews, Products, ShopData, QuickReplies, Team };

struct PermissionInfo {
    Permission permission;
    const char* key;
    const char* zh;
    const char* en;
    PermissionGroup group;
};

/// The catalogue, in display order.
const std::vector<PermissionInfo>& permissionCatalogue();
const PermissionInfo& permissionInfo(Permission p);
std::optional<Permission> permissionFromKey(QStringView key);
QString permissionKey(Permission p);
/// "查看买家隐私信息 (buyer.pii.view)" in the current language ("zh_CN" or "en").
QString permissionLabel(Permission p, const QString& language);

const char* groupLabelZh(PermissionGroup g);
const char* groupLabelEn(PermissionGroup g);

/// A set of permissions.
class PermissionSet {
public:
    PermissionSet() = default;
    PermissionSet(std::initializer_list<Permission> ps);
    static PermissionSet all();

    bool contains(Permission p) const { return m_bits.test(static_cast<std::size_t>(p)); }
    void insert(Permission p) { m_bits.set(static_cast<std::size_t>(p)); }
    PermissionSet& operator|=(const PermissionSet& other)
    {
        m_bits |= other.m_bits;
        return *this;
    }
    bool isSubsetOf(const PermissionSet& other) const { return (m_bits & ~other.m_bits).none(); }
    /// What this set has that `other` lacks.
    PermissionSet minus(const PermissionSet& other) const;
    bool empty() const { return m_bits.none(); }
    std::size_t size() const { return m_bits.count(); }
    bool operator==(const PermissionSet&) const = default;

    std::vector<Permission> list() const;
    /// Keys in catalogue order.
    QStringList keys() const;

    /// Parses comma/space separated keys; "chat.*" expands to a prefix. Invalid names the first
    /// unknown key.
    static std::optional<PermissionSet> parse(const QString& text, QString* unknown = nullptr);
    /// A stored set (comma separated keys) as far as this ShopDesk knows its keys: a key written by
    /// a newer version is left out (`hadUnknown` says so), never granted by guess.
    static PermissionSet parseKnown(const QString& stored, bool* hadUnknown = nullptr);

private:
    std::bitset<kPermissionCount> m_bits;
};

} // namespace shopdesk::auth
