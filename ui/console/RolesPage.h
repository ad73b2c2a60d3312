#pragma once

#include "auth/Role.h"
#include "core/Result.h"
#include "workbench/WorkbenchContext.h"

#include <QFuture>

#include <QWidget>
#include <optional>

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
    /// Saves the role shown: a new one is created only now, with what is ticked.
    QFuture<Status> save();
    /// Starts a new role (nothing is stored until 保存): empty, or with the permissions of
    /// `templateRole` that the editor may grant. It is listed, marked as not saved, and chosen.
    Status startNewRole(const QString& name, const QString& templateRole = {});
    /// Whether a new role waits to be saved.
    bool hasUnsavedRole() const { return m_draft.has_value(); }

private:
    void showRole(int row);
    void report(const Status& st, const QString& done);

    WorkbenchContext& m_context;
    std::vector<auth::Role> m_list;
    std::optional<auth::Role> m_draft; ///< a new role not yet saved (listed last)
    bool m_shownDraft = false;         ///< the tree shows the new role
    bool isDraftRow(int row) const { return m_draft && row == static_cast<int>(m_list.size()); }
    QListWidget* m_roles;
    QTreeWidget* m_tree;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
    QLabel* m_message;
};

} // namespace shopdesk::ui
