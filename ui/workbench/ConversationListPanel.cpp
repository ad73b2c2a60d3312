#include "workbench/ConversationListPanel.h"

#include "session/ShopSession.h"

#include "workbench/ConversationListDelegate.h"
#include "workbench/ConversationListModel.h"

#include <QEvent>
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
    , m_hold(new QTimer(this))
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
    // Nothing moves under the pointer: while the person aims at a row (or walks the list with the
    // keyboard) the rows change in place and the new order waits.
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
    m_hold->setSingleShot(true);
    m_hold->setInterval(kHoldMs);
    connect(m_hold, &QTimer::timeout, this, [this] {
        m_pointerOver = false;
        updateFrozen();
    });
    // The open chat stays selected when its row moves to another section.
    connect(m_model, &ConversationListModel::refreshed, this, [this] {
        if (!m_selected.isValid()) {
            return;
        }
        const QModelIndex current = m_view->currentIndex();
        const ConversationSummary* s = m_model->summary(current.row());
        if (!current.isValid() || !s || s->id != m_selected) {
            select(m_selected);
        }
    });
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
    m_selected = id;
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row));
    }
}

bool ConversationListPanel::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
    case QEvent::HoverMove:
    case QEvent::Enter:
    case QEvent::MouseButtonPress:
        if (watched == m_view->viewport()) {
            m_pointerOver = true;
            m_hold->start();
            updateFrozen();
        }
        break;
    case QEvent::Leave:
        if (watched == m_view->viewport()) {
            m_pointerOver = false;
            m_hold->stop();
            updateFrozen();
        }
        break;
    case QEvent::FocusIn:
    case QEvent::FocusOut:
        if (watched == m_view) {
            // The focus change is applied after the event.
            QTimer::singleShot(0, this, &ConversationListPanel::updateFrozen);
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationListPanel::updateFrozen()
{
    m_model->setFrozen(m_pointerOver || m_view->hasFocus());
}

} // namespace shopdesk::ui
