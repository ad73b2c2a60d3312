#include "console/RolesPage.h"

#include "common/FormDialog.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "session/Team.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace shopdesk::ui {

using auth::Permission;

RolesPage::RolesPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_roles(new QListWidget(this))
    , m_tree(new QTreeWidget(this))
    , m_new(new QPushButton(tr("New role…"), this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_message(new QLabel(this))
{
    m_tree->setHeaderHidden(true);
    m_roles->setMaximumWidth(220);
    const bool en = gates::language() == u"en";
    std::map<int, QTreeWidgetItem*> groups;
    for (const auth::PermissionInfo& info : auth::permissionCatalogue()) {
        const int g = static_cast<int>(info.group);
        if (!groups.count(g)) {
            auto* item = new QTreeWidgetItem(
                m_tree, {QString::fromUtf8(en ? auth::groupLabelEn(info.group) : auth::groupLabelZh(info.group))});
            item->setFlags(Qt::ItemIsEnabled);
            groups[g] = item;
        }
        auto* item = new QTreeWidgetItem(groups[g], {auth::permissionLabel(info.permission, gates::language())});
        item->setData(0, Qt::UserRole, static_cast<int>(info.permission));
        item->setCheckState(0, Qt::Unchecked);
    }
    m_tree->expandAll();
    auto* right = new QVBoxLayout;
    right->addWidget(m_tree, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    right->addLayout(buttons);
    right->addWidget(m_message);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_roles);
    layout->addLayout(right, 1);
    m_message->setWordWrap(true);
    connect(m_roles, &QListWidget::currentRowChanged, this, &RolesPage::showRole);
    connect(m_save, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(m_new, &QPushButton::clicked, this, [this] {
        FormDialog dialog(tr("New role"), this, tr("Nothing is stored until you save the role."));
        auto* name = new QLineEdit(&dialog);
        auto* from = new QComboBox(&dialog);
        from->addItem(tr("Empty (no permissions)"), QString());
        for (const auth::Role& r : m_list) {
            from->addItem(tr("Like %1").arg(r.builtin ? tr("%1 (built-in)").arg(r.name) : r.name), r.name);
        }
        dialog.addRow(tr("Name"), name);
        dialog.addRow(tr("Start from"), from);
        dialog.submitWith([this, name, from] {
            return QtFuture::makeReadyFuture(startNewRole(name->text().trimmed(), from->currentData().toString()));
        });
        dialog.exec();
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int row = m_roles->currentRow();
        if (isDraftRow(row)) {
            m_draft.reset(); // never stored: discarding it is all
            reload();
            return;
        }
        if (row < 0 || m_list[static_cast<std::size_t>(row)].builtin) {
            return;
        }
        const QString name = m_list[static_cast<std::size_t>(row)].name;
        if (QMessageBox::question(this, tr("Delete role"), tr("Delete the role %1?").arg(name)) == QMessageBox::Yes) {
            m_context.session.team().removeRole(name).then(
                this, [this, name](Status st) { report(st, tr("Role %1 deleted.").arg(name)); });
        }
    });
    reload();
}

QTreeWidgetItem* RolesPage::permissionItem(Permission p) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, Qt::UserRole).toInt() == static_cast<int>(p)) {
                return group->child(i);
            }
        }
    }
    return nullptr;
}

bool RolesPage::reload()
{
    auto roles = m_context.session.team().roles();
    if (!roles) {
        m_message->setText(roles.error().message);
        return false;
    }
    const QString keep = m_roles->currentItem() ? m_roles->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list = std::move(*roles);
    QSignalBlocker block(m_roles);
    m_roles->clear();
    int select = 0;
    for (std::size_t i = 0; i < m_list.size(); ++i) {
        const auth::Role& r = m_list[i];
        auto* item = new QListWidgetItem(r.builtin ? tr("%1 (built-in)").arg(r.name) : r.name, m_roles);
        item->setData(Qt::UserRole, r.name);
        if (r.name == keep) {
            select = static_cast<int>(i);
        }
    }
    if (m_draft) {
        auto* item = new QListWidgetItem(tr("%1 (new, not saved)").arg(m_draft->name), m_roles);
        item->setData(Qt::UserRole, m_draft->name);
        QFont f = item->font();
        f.setItalic(true);
        item->setFont(f);
        if (m_draft->name == keep) {
            select = static_cast<int>(m_list.size());
        }
    }
    block.unblock();
    m_roles->setCurrentRow(select);
    showRole(select);
    return true;
}

void RolesPage::showRole(int row)
{
    if (row < 0 || (row >= static_cast<int>(m_list.size()) && !isDraftRow(row))) {
        return;
    }
    if (m_draft && m_shownDraft && !isDraftRow(row)) {
        m_draft->permissions = checked(); // what was ticked on the new role stays with it
    }
    m_shownDraft = isDraftRow(row);
    const auth::Role& r = isDraftRow(row) ? *m_draft : m_list[static_cast<std::size_t>(row)];
    for (const auth::PermissionInfo& info : auth::permissionCatalogue()) {
        QTreeWidgetItem* item = permissionItem(info.permission);
        item->setCheckState(0, r.permissions.contains(info.permission) ? Qt::Checked : Qt::Unchecked);
        const bool held = m_context.session.can(info.permission);
        Qt::ItemFlags flags = Qt::ItemIsEnabled;
        if (!r.builtin && held) {
            flags |= Qt::ItemIsUserCheckable;
        }
        if (!held) {
            flags &= ~Qt::ItemIsEnabled;
            item->setToolTip(0, tr("You do not hold this permission, so you cannot grant it."));
        } else {
            item->setToolTip(0, r.builtin ? tr("Built-in roles cannot be changed.") : QString());
        }
        item->setFlags(flags);
    }
    m_save->setEnabled(!r.builtin);
    m_delete->setEnabled(!r.builtin);
    m_save->setToolTip(r.builtin ? tr("Built-in roles cannot be changed.") : QString());
}

auth::PermissionSet RolesPage::checked() const
{
    auth::PermissionSet set;
    for (const auth::PermissionInfo& info : auth::permissionCatalogue()) {
        if (permissionItem(info.permission)->checkState(0) == Qt::Checked) {
            set.insert(info.permission);
        }
    }
    return set;
}

void RolesPage::report(const Status& st, const QString& done)
{
    showOutcome(m_message, st, done);
    if (st) {
        reload();
    }
}

QFuture<Status> RolesPage::save()
{
    const int row = m_roles->currentRow();
    if (row < 0) {
        return QtFuture::makeReadyFuture(Status());
    }
    if (isDraftRow(row)) {
        // Created now, with exactly what is ticked.
        const QString name = m_draft->name;
        return m_context.session.team().createRole(name, checked()).then(this, [this, name](Status st) {
            if (st) {
                m_draft.reset();
            }
            report(st, tr("Role %1 created.").arg(name));
            return st;
        });
    }
    const QString name = m_list[static_cast<std::size_t>(row)].name;
    return m_context.session.team().editRole(name, checked()).then(this, [this, name](Status st) {
        report(st, tr("Role %1 saved.").arg(name));
        return st;
    });
}

Status RolesPage::startNewRole(const QString& name, const QString& templateRole)
{
    if (name.isEmpty()) {
        return Error::invalid(tr("Give the role a name."));
    }
    for (const auth::Role& r : m_list) {
        if (r.name == name) {
            return Error::invalid(tr("There is a role %1 already.").arg(name));
        }
    }
    auth::Role draft;
    draft.name = name;
    for (const auth::Role& r : m_list) {
        if (r.name == templateRole) {
            for (const auth::PermissionInfo& info : auth::permissionCatalogue()) {
                // Only what the editor may grant comes along.
                if (r.permissions.contains(info.permission) && m_context.session.can(info.permission)) {
                    draft.permissions.insert(info.permission);
                }
            }
        }
    }
    m_draft = draft;
    reload();
    for (int i = 0; i < m_roles->count(); ++i) {
        if (isDraftRow(i)) {
            m_roles->setCurrentRow(i);
        }
    }
    showOutcome(m_message, Status(), tr("Tick what %1 may do, then save.").arg(name));
    return {};
}

} // namespace shopdesk::ui
