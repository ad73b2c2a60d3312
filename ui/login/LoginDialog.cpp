#include "login/LoginDialog.h"

#include "common/Outcome.h"
#include "login/ChangePasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace shopdesk::ui {

QString LoginDialog::lastAccountKey()
{
    return QStringLiteral("login/lastAccount");
}

QString LoginDialog::lastServerKey()
{
    return QStringLiteral("login/server");
}

LoginDialog::LoginDialog(Login login, const QString& shopName, const QString& notice, QWidget* parent,
                         const QString& server)
    : QDialog(parent)
    , m_loginFn(std::move(login))
    , m_account(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_server(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_login(nullptr)
{
    setWindowTitle(tr("ShopDesk — log in"));
    auto* title = new QLabel(shopName.isEmpty() ? tr("<b>ShopDesk</b> customer service")
                                                : tr("<b>%1</b> customer service").arg(shopName.toHtmlEscaped()),
                             this);
    m_account->setPlaceholderText(tr("Sub-account, e.g. %1:小美").arg(shopName));
    m_account->setText(QSettings().value(lastAccountKey()).toString());
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setPlaceholderText(tr("Empty: this PC's shop; a team: HOST:PORT"));
    m_server->setText(server.isEmpty() ? QSettings().value(lastServerKey()).toString() : server);
    m_message->setWordWrap(true);
    styleAsError(m_message);
    m_message->setMinimumWidth(320);
    m_message->setText(notice);

    auto* form = new QFormLayout;
    form->addRow(tr("Account"), m_account);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Server"), m_server);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_login = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_login->setDefault(true);
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    (m_account->text().isEmpty() ? m_account : m_password)->setFocus();
}

void LoginDialog::attempt()
{
    const QString name = m_account->text().trimmed();
    if (name.isEmpty()) {
        m_message->setText(tr("Type your sub-account name."));
        m_account->setFocus();
        return;
    }
    const QString password = m_password->text();
    m_password->clear();
    m_login->setEnabled(false);
    m_message->setText(tr("Checking…"));
    const QString server = m_server->text().trimmed();
    m_loginFn(name, password, server)
        .then(this, [this, name, password, server](Result<std::shared_ptr<session::ShopSession>> s) {
            m_login->setEnabled(true);
            if (!s) {
                m_message->setText(s.error().message);
                m_password->setFocus();
                return;
            }
            m_session = std::move(*s);
            QSettings().setValue(lastServerKey(), server);
            loggedIn(name, password);
        });
}

void LoginDialog::loggedIn(const QString& name, const QString& password)
{
    QSettings().setValue(lastAccountKey(), name);
    m_message->clear();
    if (m_session->me().mustChangePassword) {
        changePassword(password);
        return;
    }
    accept();
}

void LoginDialog::changePassword(const QString& currentPassword)
{
    auto* dialog =
        new ChangePasswordDialog(tr("Your supervisor reset your password. Choose your own before you start."), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->submitWith(
        [this, dialog, currentPassword] { return m_session->changePassword(currentPassword, dialog->password()); });
    connect(dialog, &QDialog::accepted, this, &QDialog::accept);
    connect(dialog, &QDialog::rejected, this, [this] {
        m_session.reset();
        m_message->setText(tr("Your password was reset: choose a new one to continue."));
    });
    dialog->open();
}

} // namespace shopdesk::ui
