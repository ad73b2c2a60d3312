#include "workbench/HistorySearchDialog.h"

#include "common/Format.h"
#include "session/History.h"
#include "session/ShopSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

HistorySearchDialog::HistorySearchDialog(session::ShopSession& session, const QString& query, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_more(new QPushButton(tr("Show older matches"), this))
{
    m_request.query = query;
    m_request.limit = kPage;
    setWindowTitle(tr("History: %1").arg(format::shownLine(query)));
    resize(640, 480);
    m_list->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("historySummary"));
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_more);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(bottom);
    connect(m_more, &QPushButton::clicked, this, [this] { loadMore(); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QStringList key = item->data(Qt::UserRole).toStringList();
        if (key.size() == 2) {
            emit openRequested(key[0], key[1], item->data(Qt::UserRole + 1).toLongLong());
        }
    });
    loadMore();
}

void HistorySearchDialog::loadMore()
{
    if (m_loading) {
        return;
    }
    m_loading = true;
    m_more->setEnabled(false);
    m_session.history().search(m_request).then(this, [this](const Result<SearchPage>& page) { showPage(page); });
}

void HistorySearchDialog::showPage(const Result<SearchPage>& page)
{
    m_loading = false;
    m_more->setEnabled(true);
    if (!page) {
        m_summary->setText(page.error().message);
        m_more->hide();
        return;
    }
    for (const MessageHit& h : page->hits) {
        auto* item = new QListWidgetItem(QStringLiteral("%1 · %2\n%3")
                                             .arg(format::shownLine(h.buyerNick), format::fullTime(h.message.sentAt),
                                                  format::shown(h.message.text)));
        item->setData(Qt::UserRole, QStringList{h.platform, h.conversationKey});
        item->setData(Qt::UserRole + 1, h.message.id.value());
        m_list->addItem(item);
    }
    m_shown += static_cast<int>(page->hits.size());
    m_hasMore = page->more && !page->hits.empty();
    if (!page->hits.empty()) {
        m_request.before = page->hits.back().message.id;
    }
    updateSummary();
}

void HistorySearchDialog::updateSummary()
{
    if (m_shown == 0) {
        m_summary->setText(tr("Nothing found. Every word must occur in the message."));
    } else if (m_hasMore) {
        m_summary->setText(tr("The newest %1 matches are shown; there are older ones.").arg(m_shown));
    } else {
        m_summary->setText(tr("%1 match(es), all shown.").arg(m_shown));
    }
    m_more->setVisible(m_hasMore);
}

} // namespace shopdesk::ui
