#include "records/MessageManagerDialog.h"

#include "backend/Backend.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "domain/TextMatch.h"
#include "services/history/MessageRepository.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "store/SqliteStore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

namespace {
constexpr int kShownLimit = 2000;
}

MessageManagerDialog::MessageManagerDialog(WorkbenchContext& context, const QString& platform, const QString& buyer,
                                           QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_platform(platform)
    , m_buyer(buyer)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_delete(new QPushButton(tr("Delete…"), this))
{
    setWindowTitle(tr("Message records of %1").arg(buyer));
    resize(640, 520);
    m_search->setPlaceholderText(tr("Search this buyer's messages"));
    m_search->setClearButtonEnabled(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_delete, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    gates::mirror(m_delete, context.actor, auth::Permission::HistoryDelete,
                  tr("Deletes the selected messages, or every message shown when none is selected"));
    connect(m_search, &QLineEdit::returnPressed, this, &MessageManagerDialog::reload);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int n = m_list->selectedItems().isEmpty() ? m_list->count() : int(m_list->selectedItems().size());
        if (QMessageBox::warning(this, tr("Delete records"),
                                 tr("Delete %1 message(s) of %2? This cannot be undone and is recorded in the audit "
                                    "log.")
                                     .arg(n)
                                     .arg(m_buyer),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            return;
        }
        auto removed = deleteSelected();
        if (!removed) {
            QMessageBox::warning(this, windowTitle(), removed.error().message);
        }
    });
    reload();
}

bool MessageManagerDialog::reload()
{
    m_list->clear();
    std::vector<MessageHit> hits;
    const QStringList terms = textmatch::splitTerms(m_search->text());
    if (terms.isEmpty()) {
        // No words: every message of the buyer, newest first.
        auto conversations = m_context.backend.store().workbench().conversationsOfBuyer(m_platform, m_buyer);
        if (!conversations) {
            m_list->addItem(conversations.error().message);
            return false;
        }
        for (ConversationId c : *conversations) {
            auto page = m_context.backend.store().messages().page(c, kShownLimit, MessageId());
            if (!page) {
                m_list->addItem(page.error().message);
                return false;
            }
            for (auto it = page->rbegin(); it != page->rend(); ++it) {
                hits.push_back({*it, m_platform, QString(), m_buyer});
            }
        }
    } else {
        MessageQuery query;
        query.terms = terms;
        query.buyerNick = m_buyer;
        query.limit = kShownLimit;
        auto found = m_context.backend.store().messages().search(query);
        if (!found) {
            m_list->addItem(found.error().message);
            return false;
        }
        hits = std::move(*found);
    }
    for (const MessageHit& h : hits) {
        const QString who = h.message.sender == Sender::Buyer   ? m_buyer
                            : h.message.sender == Sender::Agent ? h.message.agent
                                                                : tr("system");
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2\n%3").arg(format::fullTime(h.message.sentAt), who, h.message.text));
        item->setData(Qt::UserRole, h.message.id.value());
        m_list->addItem(item);
    }
    return true;
}

Result<qint64> MessageManagerDialog::deleteSelected()
{
    std::vector<MessageId> ids;
    const auto selected = m_list->selectedItems();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if ((selected.isEmpty() || item->isSelected()) && item->data(Qt::UserRole).isValid()) {
            ids.emplace_back(item->data(Qt::UserRole).toLongLong());
        }
    }
    if (ids.empty()) {
        return qint64(0);
    }
    auto removed = m_context.backend.buyers().deleteHistory(m_context.actor, m_platform, m_buyer, ids);
    if (removed) {
        reload();
    }
    return removed;
}

} // namespace shopdesk::ui
