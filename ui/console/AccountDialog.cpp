#include "console/AccountDialog.h"

#include "common/Gates.h"
#include "common/Outcome.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace shopdesk::ui {

AccountDialog::AccountDialog(const std::vector<auth::Role>& roles, const std::vector<auth::Role>& grantable,
                             const QStringList& groups, QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_again(new QLineEdit(this))
    , m_group(new QComboBox(this))
    , m_limit(new QSpinBox(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("New sub-account"));
    m_password->setEchoMode(QLineEdit::Password);
    m_again->setEchoMode(QLineEdit::Password);
    m_group->addItem(tr("(no group)"), QString());
    for (const QString& g : groups) {
        m_group->addItem(g, g);
    }
    m_limit->setRange(0, 200);
    m_limit->setSpecialValueText(tr("group default"));
    styleAsError(m_message);
    m_message->setWordWrap(true);

    auto* roleBox = new QGroupBox(tr("Roles"), this);
    auto* roleLayout = new QVBoxLayout(roleBox);
    for (const auth::Role& r : roles) {
        auto* box = new QCheckBox(
            QStringLiteral("%1  %2").arg(r.name, gates::language() == u"en" ? r.labelEn : r.labelZh), roleBox);
        const bool mayGrant =
            std::any_of(grantable.begin(), grantable.end(), [&](const auth::Role& g) { return g.name == r.name; });
        box->setEnabled(mayGrant);
        if (!mayGrant) {
            box->setToolTip(tr("You cannot grant this role: it holds permissions you do not have."));
        }
        roleLayout->addWidget(box);
        m_roles[r.name] = box;
    }
    auto* form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Again"), m_again);
    form->addRow(tr("Group"), m_group);
    form->addRow(tr("Reception limit"), m_limit);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (check()) {
            finish();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(roleBox);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void AccountDialog::edit(const Account& existing)
{
    m_editing = true;
    setWindowTitle(tr("Edit %1").arg(existing.name));
    m_name->setText(existing.name);
    m_name->setReadOnly(true);
    m_form->setRowVisible(m_password, false);
    m_form->setRowVisible(m_again, false);
    for (const auto& [name, box] : m_roles) {
        box->setChecked(existing.roles.contains(name));
    }
    const int g = m_group->findData(existing.group);
    if (g < 0 && !existing.group.isEmpty()) {
        m_group->addItem(existing.group, existing.group);
    }
    m_group->setCurrentIndex(std::max(0, m_group->findData(existing.group)));
    m_limit->setValue(existing.receptionLimit.value_or(0));
    m_group->setFocus();
}

QCheckBox* AccountDialog::roleBox(const QString& role) const
{
    auto it = m_roles.find(role);
    return it == m_roles.end() ? nullptr : it->second;
}

bool AccountDialog::check()
{
    if (m_name->text().trimmed().isEmpty()) {
        m_message->setText(tr("Give the sub-account a name."));
        return false;
    }
    if (!m_editing && m_password->text() != m_again->text()) {
        m_message->setText(tr("The two passwords differ. Type the same password twice."));
        return false;
    }
    if (account().roles.isEmpty()) {
        m_message->setText(tr("Choose at least one role."));
        return false;
    }
    m_message->clear();
    return true;
}

NewAccount AccountDialog::account() const
{
    NewAccount a;
    a.name = m_name->text().trimmed();
    a.password = m_password->text();
    for (const auto& [name, box] : m_roles) {
        // A role the editor may not grant counts as it stands (editing keeps it; new: never).
        if (box->isChecked() && (box->isEnabled() || m_editing)) {
            a.roles << name;
        }
    }
    a.group = m_group->currentData().toString();
    if (m_limit->value() > 0) {
        a.receptionLimit = m_limit->value();
    }
    return a;
}

void AccountDialog::submitWith(std::function<QFuture<Status>()> submit)
{
    m_submit = std::move(submit);
}

void AccountDialog::finish()
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
