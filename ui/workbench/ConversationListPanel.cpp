#include "workbench/ConversationListPanel.h"

#include "session/ShopSession.h"

#include "workbench/ConversationListDelegate.h"
#include "workbench/ConversationListModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

namespace shopdesk::ui {

ConversationListPanel::ConversationListPanel(session::ShopSession& session, QWidget* parent)
    : QWidget(parent)
    , m_model(new ConversationListModel(session, this))
    , m_delegate(new ConversationListDelegate(session.clock(), this))
    , m_filter(new QLineEdit(this))
    , m_notice(new QLabel(this))
    , m_view(new QListView(this))
    , m_ticker(new QTimer(this))
{
    m_filter->setPlaceholderText(tr("Filter buyers, tags, messages"));
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("conversationList"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setMouseTracking(true);
    m_view->setUniformItemSizes(false);
    m_view->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("conversationListNotice"));
    m_notice->hide();
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
    connect(m_filter, &QLineEdit::textChanged, m_model, &ConversationListModel::setFilter);
    auto open = [this](const QModelIndex& index) {
        if (const ConversationSummary* s = m_model->summary(index.row())) {
            emit openRequested(*s);
        }
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);
    // Waiting timers tick every second.
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_ticker->start();
}

bool ConversationListPanel::refresh()
{
    const bool ok = m_model->refresh();
    m_notice->setText(ok ? QString() : m_model->error());
    m_notice->setVisible(!ok);
    return ok;
}

void ConversationListPanel::select(ConversationId id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row));
    }
}

} // namespace shopdesk::ui
