#include "records/MessageManagerDialog.h"

#include "common/Format.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "session/History.h"

#include <QDialogButtonBox>
#include <QInputDialog>
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
    , m_delete(new QPushButton(tr("Delete selected…"), this))
    , m_deleteAll(new QPushButton(tr("Delete all of this buyer…"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Message records of %1").arg(buyer));
    resize(640, 520);
    m_search->setPlaceholderText(tr("Search this buyer's messages"));
    m_search->setClearButtonEnabled(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_delete, QDialogButtonBox::ActionRole);
    buttons->addButton(m_deleteAll, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_status->setWordWrap(true);
    m_status->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(m_search, &QLineEdit::returnPressed, this, &MessageManagerDialog::reload);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &MessageManagerDialog::updateButtons);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int n = static_cast<int>(m_list->selectedItems().size());
        if (QMessageBox::warning(this, tr("Delete records"),
                                 tr("Delete the %1 selected message(s) of %2? This cannot be undone and is recorded in "
                                    "the audit log.")
                                     .arg(n)
                                     .arg(m_buyer),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            return;
        }
        (void)deleteSelected();
    });
    connect(m_deleteAll, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString typed = QInputDialog::getText(
            this, tr("Delete all records of %1").arg(m_buyer),
            tr("Every message of %1, in every conversation, is deleted for good and the deletion recorded in the audit "
               "log. Type the buyer's name, %1, to confirm.")
                .arg(m_buyer),
            QLineEdit::Normal, QString(), &ok);
        if (ok) {
            (void)deleteAll(typed);
        }
    });
    updateButtons();
    reload();
}

void MessageManagerDialog::updateButtons()
{
    gates::mirror(m_delete, m_context.session, auth::Permission::HistoryDelete, tr("Deletes the selected messages"));
    gates::disableUnless(m_delete, !m_list->selectedItems().isEmpty(), tr("Select the messages to delete first."));
    gates::mirror(m_deleteAll, m_context.session, auth::Permission::HistoryDelete,
                  tr("Deletes every message of this buyer, after you type their name"));
}

void MessageManagerDialog::deleted(const Result<qint64>& removed)
{
    showOutcome(m_status, removed ? tr("%1 message(s) deleted.").arg(*removed) : removed.error().message, !removed);
    m_status->show();
    if (removed) {
        reload();
    }
}

void MessageManagerDialog::reload()
{
    const quint64 asked = ++m_asked;
    m_context.session.history()
        .records(m_platform, m_buyer, m_search->text(), kShownLimit)
        .then(this, [this, asked](const Result<SearchPage>& page) {
            if (asked == m_asked) {
                showRecords(page);
            }
        });
}

void MessageManagerDialog::showRecords(const Result<SearchPage>& page)
{
    m_list->clear();
    if (!page) {
        m_list->addItem(page.error().message);
        return;
    }
    const std::vector<MessageHit>& hits = page->hits;
    for (const MessageHit& h : hits) {
        const QString who = h.message.sender == Sender::Buyer   ? m_buyer
                            : h.message.sender == Sender::Agent ? h.message.agent
                                                                : tr("system");
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2\n%3").arg(format::fullTime(h.message.sentAt), who, format::shown(h.message.text)));
        item->setData(Qt::UserRole, h.message.id.value());
        m_list->addItem(item);
    }
}

QFuture<Result<qint64>> MessageManagerDialog::deleteSelected()
{
    std::vector<MessageId> ids;
    for (QListWidgetItem* item : m_list->selectedItems()) {
        if (item->data(Qt::UserRole).isValid()) {
            ids.emplace_back(item->data(Qt::UserRole).toLongLong());
        }
    }
    // The ids chosen, never positions; none chosen is refused by the service, not read as "all".
    return m_context.session.history().remove(m_platform, m_buyer, ids).then(this, [this](Result<qint64> removed) {
        deleted(removed);
        return removed;
    });
}

QFuture<Result<qint64>> MessageManagerDialog::deleteAll(const QString& typedName)
{
    return m_context.session.history().removeAll(m_platform, m_buyer, typedName).then(this, [this](Result<qint64> r) {
        deleted(r);
        return r;
    });
}

} // namespace shopdesk::ui
