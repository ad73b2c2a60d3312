#pragma once

#include "services/accounts/AccountService.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace shopdesk::ui {

/// Sub-account and password (the last account name is remembered, never the password). Wrong
/// passwords, lockouts with the time left and disabled accounts are said in one sentence; a first
/// login after a reset asks for a new password, typed twice, before the workbench opens.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(AccountService& accounts, const QString& shopName, QWidget* parent = nullptr);

    /// The logged-in session once accepted.
    const Session& session() const { return m_session; }

    QLineEdit* accountEdit() const { return m_account; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLabel* messageLabel() const { return m_message; }

    /// Where the last account name is kept (tests point it elsewhere).
    static QString lastAccountKey();

private:
    void attempt();
    bool changePassword(const QString& currentPassword);

    AccountService& m_accounts;
    QLineEdit* m_account;
    QLineEdit* m_password;
    QLabel* m_message;
    QPushButton* m_login;
    Session m_session;
};

} // namespace shopdesk::ui
