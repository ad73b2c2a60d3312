#include "chat/ChatTabs.h"
#include "common/Format.h"

#include "chat/ChatView.h"

#include <QShortcut>
#include <QTabBar>

namespace shopdesk::ui {

ChatTabs::ChatTabs(WorkbenchContext& context, PhraseLibrary& phrases, QWidget* parent)
    : QTabWidget(parent)
    , m_context(context)
    , m_phrases(phrases)
{
    setObjectName(QStringLiteral("chatTabs"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    tabBar()->setElideMode(Qt::ElideNone);
    tabBar()->setUsesScrollButtons(true);
    connect(this, &QTabWidget::tabCloseRequested, this, &ChatTabs::closeTab);
    connect(this, &QTabWidget::currentChanged, this, [this] { emit currentBuyerChanged(current()); });

    auto shortcut = [this](const QKeySequence& keys, auto fn) {
        auto* s = new QShortcut(keys, this, nullptr, nullptr, Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, fn);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab), [this] {
        if (count() > 1) {
            setCurrentIndex((currentIndex() + 1) % count());
        }
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), [this] {
        if (count() > 1) {
            setCurrentIndex((currentIndex() + count() - 1) % count());
        }
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_W), [this] {
        if (currentIndex() >= 0) {
            closeTab(currentIndex());
        }
    });
    for (int i = 1; i <= 9; ++i) {
        shortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + i)), [this, i] {
            if (i <= count()) {
                setCurrentIndex(i - 1);
            }
        });
    }
}

ChatView* ChatTabs::viewAt(int i) const
{
    return qobject_cast<ChatView*>(widget(i));
}

ChatView* ChatTabs::current() const
{
    return qobject_cast<ChatView*>(currentWidget());
}

ChatView* ChatTabs::find(const QString& platform, const QString& key) const
{
    for (int i = 0; i < count(); ++i) {
        ChatView* v = viewAt(i);
        if (v && v->conversation().platform == platform && v->conversation().key == key) {
            return v;
        }
    }
    return nullptr;
}

ChatView* ChatTabs::open(const ConversationSummary& conversation)
{
    ChatView* view = find(conversation.platform, conversation.key);
    if (!view) {
        view = new ChatView(m_context, m_phrases, conversation, this);
        connect(view, &ChatView::read, this, &ChatTabs::read);
        connect(view, &ChatView::actionFailed, this, &ChatTabs::actionFailed);
        addTab(view, format::shownLine(conversation.buyerNick));
    }
    setCurrentWidget(view);
    view->setFocus();
    return view;
}

void ChatTabs::refresh(const QStringList& keys)
{
    for (int i = 0; i < count(); ++i) {
        ChatView* v = viewAt(i);
        if (v && keys.contains(v->conversation().key)) {
            v->refresh();
        }
    }
}

void ChatTabs::setUnread(ConversationId id, int unread)
{
    for (int i = 0; i < count(); ++i) {
        // While a tab is being removed, the tab bar and the pages briefly disagree.
        if (ChatView* v = viewAt(i); v && v->conversation().id == id) {
            updateTitle(i, i == currentIndex() ? 0 : unread);
        }
    }
}

void ChatTabs::updateTitle(int index, int unread)
{
    const QString nick = viewAt(index)->buyerNick();
    setTabText(index, unread > 0 ? QStringLiteral("● %1 (%2)").arg(nick).arg(unread) : nick);
    tabBar()->setTabTextColor(index, unread > 0 ? QColor(0xE7, 0x4C, 0x3C) : QColor());
}

void ChatTabs::closeTab(int index)
{
    QWidget* w = widget(index);
    if (auto* v = qobject_cast<ChatView*>(w)) {
        v->saveDraft(); // reopening the buyer brings it back
    }
    removeTab(index);
    w->deleteLater();
}

} // namespace shopdesk::ui
