#pragma once

#include "core/Result.h"
#include "domain/Account.h"
#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QTableView;

namespace shopdesk::ui {

class AccountDialog;

class TableRowsModel;

/// 子账号: the shop's sub-accounts; create, change password, disable/enable, unlock, delete (a typed
/// confirmation: it is irreversible). Needs account.manage; the services check every action. What
/// a button does follows the account's state as read, never the text shown for it.
class AccountsPage : public QWidget {
    Q_OBJECT
public:
    AccountsPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QTableView* table() const { return m_table; }
    TableRowsModel* model() const { return m_model; }
    /// Chooses the account's row (false when it is not listed).
    bool select(const QString& name);
    QLabel* messageLabel() const { return m_message; }
    QString selectedName() const;
    /// The selected account as last read.
    std::optional<Account> selected() const;
    /// The delete as the dialog does it: refused unless `typed` is the account's name.
    QFuture<Status> removeAccount(const QString& name, const QString& typed);
    QFuture<Status> create(const NewAccount& account);
    /// Disables an enabled account, enables a disabled one (by its state, not its label).
    QFuture<Status> toggleDisabled();
    QFuture<Status> unlockSelected();
    /// Changes an account's roles, group and limit (what changed only; no escalation, the
    /// service checks).
    QFuture<Status> change(const Account& before, const NewAccount& after);
    /// The edit dialog of the selected account (open, not modal to the test).
    AccountDialog* editSelected();
    QPushButton* disableButton() const { return m_disable; }
    QPushButton* unlockButton() const { return m_unlock; }

private:
    void createDialog();
    void changePassword();
    void removeDialog();
    void updateButtons();
    void report(const Status& st, const QString& done);
    bool isLocked(const Account& a) const;

    WorkbenchContext& m_context;
    QTableView* m_table;
    TableRowsModel* m_model;
    QPushButton* m_new;
    QPushButton* m_edit;
    QPushButton* m_password;
    QPushButton* m_disable;
    QPushButton* m_unlock;
    QPushButton* m_delete;
    QLabel* m_message;
    std::vector<Account> m_accounts; ///< as last read, by name
};

} // namespace shopdesk::ui
