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

LoginDialog::LoginDialog(AccountService& accounts, const QString& shopName, QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_account(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_login(nullptr)
{
    setWindowTitle(tr("ShopDesk — log in"));
    auto* title = new QLabel(tr("<b>%1</b> customer service").arg(shopName.toHtmlEscaped()), this);
    m_account->setPlaceholderText(tr("Sub-account, e.g. %1:小美").arg(shopName));
    m_account->setText(QSettings().value(lastAccountKey()).toString());
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    styleAsError(m_message);
    m_message->setMinimumWidth(320);

    auto* form = new QFormLayout;
    form->addRow(tr("Account"), m_account);
    form->addRow(tr("Password"), m_password);
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
    auto session = m_accounts.login(name, password);
    m_password->clear();
    if (!session) {
        m_message->setText(session.error().message);
        m_password->setFocus();
        return;
    }
    QSettings().setValue(lastAccountKey(), name);
    m_session = *session;
    if (m_session.mustChangePassword && !changePassword(password)) {
        m_message->setText(tr("Your password was reset: choose a new one to continue."));
        return;
    }
    accept();
}

bool LoginDialog::changePassword(const QString& currentPassword)
{
    ChangePasswordDialog dialog(tr("Your supervisor reset your password. Choose your own before you start."), this);
    while (dialog.exec() == QDialog::Accepted) {
        const Status st = m_accounts.changeOwnPassword(m_session.actor, currentPassword, dialog.password());
        if (st) {
            m_session.mustChangePassword = false;
            return true;
        }
        dialog.setError(st.error().message);
    }
    return false;
}

} // namespace shopdesk::ui
