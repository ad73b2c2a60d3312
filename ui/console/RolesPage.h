#pragma once

#include "auth/Role.h"
#include "core/Result.h"
#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace shopdesk::ui {

/// 角色: built-in roles read-only; custom roles as a permission tree grouped as the back office
/// groups them, where permissions the supervisor lacks cannot be ticked (no escalation; the role
/// service refuses too). Needs role.manage.
class RolesPage : public QWidget {
    Q_OBJECT
public:
    RolesPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QListWidget* roleList() const { return m_roles; }
    QTreeWidget* tree() const { return m_tree; }
    QLabel* messageLabel() const { return m_message; }
    /// The tree's item of a permission.
    QTreeWidgetItem* permissionItem(auth::Permission p) const;
    auth::PermissionSet checked() const;
    QFuture<Status> save();
    /// A new custom role with the permissions the tree shows that the editor holds.
    QFuture<Status> createRole(const QString& name);

private:
    void showRole(int row);
    void report(const Status& st, const QString& done);

    WorkbenchContext& m_context;
    std::vector<auth::Role> m_list;
    QListWidget* m_roles;
    QTreeWidget* m_tree;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
    QLabel* m_message;
};

} // namespace shopdesk::ui
