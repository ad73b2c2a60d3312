#pragma once

#include "domain/Workbench.h"
#include "workbench/WorkbenchContext.h"

#include <QTabWidget>

namespace shopdesk::ui {

class ChatView;
class PhraseLibrary;

/// One closable tab per open conversation: Ctrl+Tab / Ctrl+Shift+Tab, Ctrl+W, Alt+1…9; a tab with
/// unread buyer messages shows their count.
class ChatTabs : public QTabWidget {
    Q_OBJECT
public:
    ChatTabs(WorkbenchContext& context, PhraseLibrary& phrases, QWidget* parent = nullptr);

    /// Opens (or shows) the conversation's tab.
    ChatView* open(const ConversationSummary& conversation);
    ChatView* current() const;
    ChatView* viewAt(int i) const;
    ChatView* find(const QString& platform, const QString& key) const;
    /// New messages arrived in these conversations (platform keys).
    void refresh(const QStringList& keys);
    void setUnread(ConversationId id, int unread);
    void closeTab(int index);

signals:
    void currentBuyerChanged(ChatView* view);
    void read(ConversationId conversation, MessageId upTo);
    void actionFailed(const QString& message);

private:
    void updateTitle(int index, int unread);

    WorkbenchContext& m_context;
    PhraseLibrary& m_phrases;
};

} // namespace shopdesk::ui
