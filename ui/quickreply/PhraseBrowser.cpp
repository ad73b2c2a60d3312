#include "quickreply/PhraseBrowser.h"

#include "common/Gates.h"
#include "quickreply/PhraseLibrary.h"
#include "session/Phrases.h"
#include "session/ShopSession.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace shopdesk::ui {

PhraseBrowser::PhraseBrowser(PhraseLibrary& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_add(new QPushButton(tr("New"), this))
    , m_edit(new QPushButton(tr("Edit"), this))
    , m_remove(new QPushButton(tr("Delete"), this))
    , m_sendNow(new QPushButton(tr("Send at once"), this))
{
    m_search->setPlaceholderText(tr("Search phrases: code, words or pinyin initials"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("phrases"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_sendNow);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    connect(m_search, &QLineEdit::textChanged, this, &PhraseBrowser::rebuild);
    connect(&m_library, &PhraseLibrary::changed, this, &PhraseBrowser::rebuild);
    // A click chooses; double click or Enter inserts into the reply box; only "send at once"
    // sends, so no slip sends a phrase twice or unread.
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (auto p = selected()) {
            emit insertRequested(*p);
        }
    });
    connect(m_sendNow, &QPushButton::clicked, this, [this] {
        if (auto p = selected()) {
            emit sendRequested(*p);
        }
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &PhraseBrowser::updateButtons);
    connect(m_add, &QPushButton::clicked, this, [this] { edit(std::nullopt); });
    connect(m_edit, &QPushButton::clicked, this, [this] { edit(selected()); });
    connect(m_remove, &QPushButton::clicked, this, &PhraseBrowser::removeSelected);
    rebuild();
}

std::optional<QuickReply> PhraseBrowser::selected() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid()) {
        return std::nullopt;
    }
    const int i = item->data(0, Qt::UserRole).toInt();
    return m_library.index().phrases()[static_cast<std::size_t>(i)];
}

void PhraseBrowser::rebuild()
{
    m_tree->clear();
    const auto& phrases = m_library.index().phrases();
    const auto matches = m_library.index().find(m_search->text(), static_cast<int>(phrases.size()));
    std::map<QString, QTreeWidgetItem*> groups;
    const QString mine = tr("My phrases");
    for (int i : matches) {
        const QuickReply& p = phrases[static_cast<std::size_t>(i)];
        const QString group = p.scope == QuickReply::Scope::Personal ? mine : p.group.isEmpty() ? tr("Other") : p.group;
        auto it = groups.find(group);
        if (it == groups.end()) {
            auto* g = new QTreeWidgetItem(m_tree, {group});
            g->setFlags(Qt::ItemIsEnabled);
            it = groups.emplace(group, g).first;
        }
        auto* item = new QTreeWidgetItem(it->second, {QStringLiteral("/%1  %2").arg(p.code, p.text)});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(
            0, tr("Double click or Enter inserts it into the reply; \"Send at once\" sends it. Used %1 times.")
                   .arg(p.usageCount));
    }
    m_tree->expandAll();
    updateButtons();
}

void PhraseBrowser::updateButtons()
{
    session::ShopSession& a = m_library.session();
    gates::mirror(m_add, a, auth::Permission::QuickReplyPersonal);
    const auto p = selected();
    gates::mirror(m_sendNow, a, auth::Permission::ChatReply);
    gates::disableUnless(m_sendNow, p.has_value(), tr("Choose a phrase first."));
    for (QPushButton* b : {m_edit, m_remove}) {
        gates::mirror(b, a, auth::Permission::QuickReplyPersonal);
        gates::disableUnless(b, p && p->scope == QuickReply::Scope::Personal,
                             tr("Choose one of your own phrases; the team's are kept by supervisors."));
    }
}

QFuture<Status> PhraseBrowser::savePersonal(QuickReply phrase)
{
    phrase.scope = QuickReply::Scope::Personal;
    return m_library.session().phrases().save(phrase).then(this, [this](Result<QuickReplyId> saved) -> Status {
        if (!saved) {
            return saved.error();
        }
        m_library.reload();
        return {};
    });
}

void PhraseBrowser::edit(std::optional<QuickReply> existing)
{
    QDialog dialog(this);
    dialog.setWindowTitle(existing ? tr("Edit phrase") : tr("New phrase"));
    auto* group = new QLineEdit(existing ? existing->group : QString(), &dialog);
    auto* code = new QLineEdit(existing ? existing->code : QString(), &dialog);
    auto* text = new QPlainTextEdit(existing ? existing->text : QString(), &dialog);
    text->setPlaceholderText(tr("Variables: {买家} {客服} {订单号} {店铺} {物流公司} {运单号}"));
    auto* form = new QFormLayout;
    form->addRow(tr("Group"), group);
    form->addRow(tr("Short code"), code);
    form->addRow(tr("Text"), text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        QuickReply p = existing.value_or(QuickReply{});
        p.group = group->text();
        p.code = code->text();
        p.text = text->toPlainText();
        buttons->setEnabled(false); // until the library has answered; the text stays as typed
        savePersonal(p).then(&dialog, [&dialog, buttons](Status st) {
            buttons->setEnabled(true);
            if (!st) {
                QMessageBox::warning(&dialog, dialog.windowTitle(), st.error().message);
                return;
            }
            dialog.accept();
        });
    });
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    dialog.exec();
}

void PhraseBrowser::removeSelected()
{
    const auto p = selected();
    if (!p) {
        return;
    }
    if (QMessageBox::question(this, tr("Delete phrase"), tr("Delete /%1?").arg(p->code)) != QMessageBox::Yes) {
        return;
    }
    m_library.session().phrases().remove(p->id).then(this, [this](Status st) {
        if (!st) {
            emit failed(st.error().message);
            return;
        }
        m_library.reload();
    });
}

} // namespace shopdesk::ui
