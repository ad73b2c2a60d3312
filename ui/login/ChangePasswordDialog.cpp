#include "login/ChangePasswordDialog.h"

#include "common/Outcome.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

ChangePasswordDialog::ChangePasswordDialog(const QString& explanation, QWidget* parent)
    : QDialog(parent)
    , m_first(new QLineEdit(this))
    , m_second(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Choose a new password"));
    m_first->setEchoMode(QLineEdit::Password);
    m_second->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    styleAsError(m_message);
    auto* intro = new QLabel(explanation, this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("New password"), m_first);
    form->addRow(tr("Again"), m_second);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::check);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

QString ChangePasswordDialog::password() const
{
    return m_first->text();
}

void ChangePasswordDialog::setError(const QString& message)
{
    m_message->setText(message);
}

void ChangePasswordDialog::check()
{
    if (m_first->text().size() < 8) {
        setError(tr("A password has at least 8 characters."));
        return;
    }
    if (m_first->text() != m_second->text()) {
        setError(tr("The two passwords differ. Type the same password twice."));
        m_second->clear();
        m_second->setFocus();
        return;
    }
    finish();
}

void ChangePasswordDialog::submitWith(std::function<QFuture<Status>()> submit)
{
    m_submit = std::move(submit);
}

void ChangePasswordDialog::finish()
{
    if (!m_submit) {
        accept();
        return;
    }
    m_buttons->setEnabled(false);
    m_submit().then(this, [this](Status st) {
        m_buttons->setEnabled(true);
        if (st) {
            accept();
        } else {
            m_message->setText(st.error().message);
        }
    });
}

} // namespace shopdesk::ui
