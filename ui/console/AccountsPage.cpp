#include "console/AccountsPage.h"

#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "common/TableRows.h"
#include "console/AccountDialog.h"
#include "login/ChangePasswordDialog.h"
#include "session/Team.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPromise>
#include <QPushButton>
#include <QTableView>

#include <QVBoxLayout>
#include <algorithm>

namespace shopdesk::ui {

AccountsPage::AccountsPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTableView(this))
    , m_model(
          new TableRowsModel({tr("Name"), tr("Roles"), tr("Group"), tr("Limit"), tr("Status"), tr("Last login")}, this))
    , m_new(new QPushButton(tr("New…"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_password(new QPushButton(tr("Change password…"), this))
    , m_disable(new QPushButton(tr("Disable"), this))
    , m_unlock(new QPushButton(tr("Unlock"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_message(new QLabel(this))
{
    setUpTableView(m_table, m_model);
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_new, m_edit, m_password, m_disable, m_unlock, m_delete}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    connect(m_new, &QPushButton::clicked, this, &AccountsPage::createDialog);
    connect(m_edit, &QPushButton::clicked, this, [this] { (void)editSelected(); });
    connect(m_password, &QPushButton::clicked, this, &AccountsPage::changePassword);
    connect(m_disable, &QPushButton::clicked, this, [this] { (void)toggleDisabled(); });
    connect(m_unlock, &QPushButton::clicked, this, [this] { (void)unlockSelected(); });
    connect(m_delete, &QPushButton::clicked, this, &AccountsPage::removeDialog);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AccountsPage::updateButtons);
    reload();
}

bool AccountsPage::isLocked(const Account& a) const
{
    return a.lockedUntil && *a.lockedUntil > m_context.session.clock().now();
}

bool AccountsPage::reload()
{
    auto accounts = m_context.session.team().accounts();
    if (!accounts) {
        m_message->setText(accounts.error().message);
        return false;
    }
    m_accounts.clear();
    std::vector<TableRow> rows;
    for (Account& a : *accounts) {
        if (a.isDeleted()) {
            continue;
        }
        QString status = a.disabled ? tr("disabled") : tr("active");
        if (isLocked(a)) {
            status = a.disabled ? tr("disabled, locked") : tr("locked");
        }
        rows.push_back({a.name,
                        {a.name, a.roles.join(QStringLiteral(", ")), a.group,
                         a.receptionLimit ? QString::number(*a.receptionLimit) : tr("group default"), status,
                         a.lastLoginAt ? format::fullTime(*a.lastLoginAt) : tr("never")}});
        m_accounts.push_back(std::move(a));
    }
    const bool first = m_model->rowCount() == 0;
    m_model->setRows(std::move(rows)); // the selected account stays selected
    if (first) {
        m_table->resizeColumnsToContents();
    }
    updateButtons();
    return true;
}

bool AccountsPage::select(const QString& name)
{
    const int row = m_model->rowOfKey(name);
    if (row < 0) {
        return false;
    }
    m_table->selectRow(row);
    return true;
}

std::optional<Account> AccountsPage::selected() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    const QString name = m_model->keyAt(rows.first().row());
    const auto it =
        std::find_if(m_accounts.begin(), m_accounts.end(), [&](const Account& a) { return a.name == name; });
    if (it == m_accounts.end()) {
        return std::nullopt;
    }
    return *it;
}

QString AccountsPage::selectedName() const
{
    const auto a = selected();
    return a ? a->name : QString();
}

void AccountsPage::updateButtons()
{
    const auto a = selected();
    m_disable->setText(a && a->disabled ? tr("Enable") : tr("Disable"));
    for (QPushButton* b : {m_new, m_edit, m_password, m_disable, m_unlock, m_delete}) {
        gates::mirror(b, m_context.session, auth::Permission::AccountManage);
    }
    for (QPushButton* b : {m_edit, m_password, m_disable, m_delete}) {
        gates::disableUnless(b, a.has_value(), tr("Choose an account first."));
    }
    gates::disableUnless(m_unlock, a && isLocked(*a), tr("The selected account is not locked."));
}

void AccountsPage::report(const Status& st, const QString& done)
{
    showOutcome(m_message, st, done);
    if (st) {
        reload();
    }
}

QFuture<Status> AccountsPage::create(const NewAccount& account)
{
    const QString name = account.name;
    return m_context.session.team().createAccount(account).then(this, [this, name](Result<Account> created) {
        const Status st = created ? Status() : Status(created.error());
        report(st, tr("%1 created.").arg(name));
        return st;
    });
}

void AccountsPage::createDialog()
{
    auto grantable = m_context.session.team().grantableRoles();
    if (!grantable) {
        report(grantable.error(), {});
        return;
    }
    auto all = m_context.session.team().roles();
    std::vector<auth::Role> roles = all ? *all : *grantable;
    QStringList groups;
    if (auto config = m_context.session.team().routing()) {
        for (const auto& g : config->groups) {
            groups << g.name;
        }
    }
    auto* dialog = new AccountDialog(roles, *grantable, groups, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->submitWith([this, dialog] { return create(dialog->account()); });
    dialog->open();
}

AccountDialog* AccountsPage::editSelected()
{
    const auto a = selected();
    auto grantable = m_context.session.team().grantableRoles();
    if (!a || !grantable) {
        if (!grantable) {
            report(grantable.error(), {});
        }
        return nullptr;
    }
    auto all = m_context.session.team().roles();
    QStringList groups;
    if (auto config = m_context.session.team().routing()) {
        for (const auto& g : config->groups) {
            groups << g.name;
        }
    }
    auto* dialog = new AccountDialog(all ? *all : *grantable, *grantable, groups, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->edit(*a);
    const Account before = *a;
    dialog->submitWith([this, dialog, before] { return change(before, dialog->account()); });
    dialog->open();
    return dialog;
}

QFuture<Status> AccountsPage::change(const Account& before, const NewAccount& after)
{
    // Roles first, then routing; each only when it changed. The second waits for the first.
    session::Team& team = m_context.session.team();
    QStringList was = before.roles;
    QStringList now = after.roles;
    was.sort();
    now.sort();
    const bool rolesChanged = was != now;
    const bool routingChanged = before.group != after.group || before.receptionLimit != after.receptionLimit;
    const QString name = before.name;
    session::Team* teamPtr = &team;
    auto routing = [teamPtr, name, after, routingChanged]() -> QFuture<Status> {
        if (!routingChanged) {
            return QtFuture::makeReadyFuture(Status());
        }
        return teamPtr->setAgentRouting(name, after.group, after.receptionLimit);
    };
    QFuture<Status> first = rolesChanged ? team.setRoles(name, after.roles) : QtFuture::makeReadyFuture(Status());
    auto done = std::make_shared<QPromise<Status>>();
    done->start();
    QFuture<Status> result = done->future();
    first.then(this, [this, done, routing, name](Status st) {
        if (!st) {
            report(st, {});
            done->addResult(st);
            done->finish();
            return;
        }
        routing().then(this, [this, done, name](Status second) {
            report(second, tr("%1 changed.").arg(name));
            done->addResult(second);
            done->finish();
        });
    });
    return result;
}

void AccountsPage::changePassword()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        return;
    }
    auto* dialog = new ChangePasswordDialog(
        tr("A new password for %1. They must choose their own at the next login.").arg(name), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->submitWith([this, dialog, name] {
        return m_context.session.team().resetPassword(name, dialog->password()).then(this, [this, name](Status st) {
            if (st) {
                report(st, tr("Password of %1 reset.").arg(name));
            }
            return st;
        });
    });
    dialog->open();
}

QFuture<Status> AccountsPage::toggleDisabled()
{
    const auto a = selected();
    if (!a) {
        return QtFuture::makeReadyFuture(Status());
    }
    const QString name = a->name;
    const bool disable = !a->disabled;
    return m_context.session.team().setDisabled(name, disable).then(this, [this, name, disable](Status st) {
        report(st, disable ? tr("%1 disabled.").arg(name) : tr("%1 enabled.").arg(name));
        return st;
    });
}

QFuture<Status> AccountsPage::unlockSelected()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        return QtFuture::makeReadyFuture(Status());
    }
    return m_context.session.team().unlock(name).then(this, [this, name](Status st) {
        report(st, tr("%1 unlocked.").arg(name));
        return st;
    });
}

QFuture<Status> AccountsPage::removeAccount(const QString& name, const QString& typed)
{
    if (typed != name) {
        const Status refused = Error::invalid(tr("Nothing deleted: type the account's name, %1, exactly.").arg(name));
        report(refused, {});
        return QtFuture::makeReadyFuture(refused);
    }
    return m_context.session.team().removeAccount(name, true).then(this, [this, name](Status st) {
        report(st, tr("%1 deleted; their history stays attributed to the name.").arg(name));
        return st;
    });
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
