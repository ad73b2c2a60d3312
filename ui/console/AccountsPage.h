#pragma once

#include "core/Result.h"
#include "services/accounts/AccountService.h"
#include "workbench/WorkbenchContext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace shopdesk::ui {

/// 子账号: the shop's sub-accounts; create, change password, disable/enable, delete (a typed
/// confirmation: it is irreversible). Needs account.manage; the services check every action.
class AccountsPage : public QWidget {
    Q_OBJECT
public:
    AccountsPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QTableWidget* table() const { return m_table; }
    QLabel* messageLabel() const { return m_message; }
    QString selectedName() const;
    /// The delete as the dialog does it: refused unless `typed` is the account's name.
    Status removeAccount(const QString& name, const QString& typed);
    Status create(const NewAccount& account);

private:
    void createDialog();
    void changePassword();
    void toggleDisabled();
    void removeDialog();
    void report(const Status& st, const QString& done);

    WorkbenchContext& m_context;
    QTableWidget* m_table;
    QPushButton* m_new;
    QPushButton* m_password;
    QPushButton* m_disable;
    QPushButton* m_delete;
    QLabel* m_message;
};

} // namespace shopdesk::ui
