#pragma once

#include "core/Result.h"
#include "session/ShopSession.h"

#include <QDialog>
#include <QFuture>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace shopdesk::ui {

/// Sub-account and password (the last account name is remembered, never the password). Every
/// refusal is said in one sentence; the password check runs off the UI thread, which stays
/// responsive. A first login after a reset asks for a new password, typed twice, before the
/// workbench opens.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    /// `server`: HOST:PORT of a team server, empty for this PC's own shop.
    using Login = std::function<QFuture<Result<std::shared_ptr<session::ShopSession>>>(
        const QString& name, const QString& password, const QString& server)>;

    /// `notice`: shown above the form (why the last session ended), empty for none. `server`: the
    /// team server to offer (else the one used last; empty for this PC's shop).
    LoginDialog(Login login, const QString& shopName, const QString& notice = {}, QWidget* parent = nullptr,
                const QString& server = {});

    /// The logged-in session once accepted.
    std::shared_ptr<session::ShopSession> session() const { return m_session; }

    QLineEdit* accountEdit() const { return m_account; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* serverEdit() const { return m_server; }
    QLabel* messageLabel() const { return m_message; }
    QPushButton* loginButton() const { return m_login; }

    /// Where the last account name is kept (tests point it elsewhere).
    static QString lastAccountKey();
    static QString lastServerKey();

private:
    void attempt();
    void loggedIn(const QString& name, const QString& password);
    void changePassword(const QString& currentPassword);

    Login m_loginFn;
    QLineEdit* m_account;
    QLineEdit* m_password;
    QLineEdit* m_server;
    QLabel* m_message;
    QPushButton* m_login;
    std::shared_ptr<session::ShopSession> m_session;
};

} // namespace shopdesk::ui
