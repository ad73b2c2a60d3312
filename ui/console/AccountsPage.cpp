#include "console/AccountsPage.h"

#include "backend/Backend.h"
#include "common/Format.h"
#include "common/Outcome.h"
#include "console/AccountDialog.h"
#include "login/ChangePasswordDialog.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/routing/RoutingConfigService.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shopdesk::ui {

AccountsPage::AccountsPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTableWidget(this))
    , m_new(new QPushButton(tr("New…"), this))
    , m_password(new QPushButton(tr("Change password…"), this))
    , m_disable(new QPushButton(tr("Disable / enable"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_message(new QLabel(this))
{
    setUpListTable(m_table, {tr("Name"), tr("Roles"), tr("Group"), tr("Limit"), tr("Status"), tr("Last login")});
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_new, m_password, m_disable, m_delete}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    connect(m_new, &QPushButton::clicked, this, &AccountsPage::createDialog);
    connect(m_password, &QPushButton::clicked, this, &AccountsPage::changePassword);
    connect(m_disable, &QPushButton::clicked, this, &AccountsPage::toggleDisabled);
    connect(m_delete, &QPushButton::clicked, this, &AccountsPage::removeDialog);
    reload();
}

bool AccountsPage::reload()
{
    auto accounts = m_context.backend.accounts().list(m_context.actor);
    if (!accounts) {
        m_message->setText(accounts.error().message);
        return false;
    }
    const Timestamp now = m_context.backend.clock().now();
    m_table->setRowCount(0);
    for (const Account& a : *accounts) {
        if (a.isDeleted()) {
            continue;
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString status = a.disabled ? tr("disabled") : tr("active");
        if (a.lockedUntil && *a.lockedUntil > now) {
            status = tr("locked");
        }
        const QStringList cells{a.name,  a.roles.join(QStringLiteral(", ")),
                                a.group, a.receptionLimit ? QString::number(*a.receptionLimit) : tr("group default"),
                                status,  a.lastLoginAt ? format::fullTime(*a.lastLoginAt) : tr("never")};
        for (int c = 0; c < cells.size(); ++c) {
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        }
    }
    m_table->resizeColumnsToContents();
    return true;
}

QString AccountsPage::selectedName() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), 0)->text();
}

void AccountsPage::report(const Status& st, const QString& done)
{
    showOutcome(m_message, st, done);
    if (st) {
        reload();
    }
}

Status AccountsPage::create(const NewAccount& account)
{
    auto created = m_context.backend.accounts().create(m_context.actor, account);
    const Status st = created ? Status() : Status(created.error());
    report(st, tr("%1 created.").arg(account.name));
    return st;
}

void AccountsPage::createDialog()
{
    auto grantable = m_context.backend.accounts().grantableRoles(m_context.actor);
    if (!grantable) {
        report(grantable.error(), {});
        return;
    }
    auto all = m_context.backend.roles().list(m_context.actor);
    std::vector<auth::Role> roles = all ? *all : *grantable;
    QStringList groups;
    if (auto config = m_context.backend.routing().load()) {
        for (const auto& g : config->groups) {
            groups << g.name;
        }
    }
    AccountDialog dialog(roles, *grantable, groups, this);
    while (dialog.exec() == QDialog::Accepted) {
        if (create(dialog.account())) {
            return;
        }
    }
}

void AccountsPage::changePassword()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        return;
    }
    ChangePasswordDialog dialog(tr("A new password for %1. They must choose their own at the next login.").arg(name),
                                this);
    while (dialog.exec() == QDialog::Accepted) {
        const Status st = m_context.backend.accounts().resetPassword(m_context.actor, name, dialog.password());
        if (st) {
            report(st, tr("Password of %1 reset.").arg(name));
            return;
        }
        dialog.setError(st.error().message);
    }
}

void AccountsPage::toggleDisabled()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        return;
    }
    const bool disabled = m_table->item(m_table->currentRow(), 4)->text() == tr("disabled");
    report(m_context.backend.accounts().setDisabled(m_context.actor, name, !disabled),
           disabled ? tr("%1 enabled.").arg(name) : tr("%1 disabled.").arg(name));
}

Status AccountsPage::removeAccount(const QString& name, const QString& typed)
{
    if (typed != name) {
        const Status refused = Error::invalid(tr("Nothing deleted: type the account's name, %1, exactly.").arg(name));
        report(refused, {});
        return refused;
    }
    const Status st = m_context.backend.accounts().remove(m_context.actor, name, true);
    report(st, tr("%1 deleted; their history stays attributed to the name.").arg(name));
    return st;
}

void AccountsPage::removeDialog()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        return;
    }
    bool ok = false;
    const QString typed = QInputDialog::getText(
        this, tr("Delete %1").arg(name),
        tr("Deleting a sub-account is irreversible: it can never log in again (its history stays attributed to "
           "its name). Type %1 to confirm.")
            .arg(name),
        QLineEdit::Normal, QString(), &ok);
    if (ok) {
        (void)removeAccount(name, typed.trimmed()); // the page shows the outcome
    }
}

} // namespace shopdesk::ui
