#pragma once

#include "auth/Operation.h"
#include "workbench/WorkbenchContext.h"

#include <QWidget>

class QLabel;

namespace shopdesk::ui {

class ChatView;

/// A tab of the side panel, about the buyer of the current chat.
class SideTab : public QWidget {
    Q_OBJECT
public:
    /// `read`: the operation the tab's contents need; without it the tab says which permission is
    /// missing instead of reading (no refusal, no audit entry on every refresh).
    SideTab(WorkbenchContext& context, auth::Operation read, QWidget* parent);

    /// The chat the panel follows (null: none open).
    void setChat(ChatView* chat);
    ChatView* chat() const { return m_chat; }
    /// Reads the buyer's data again (when the person may).
    virtual void reload() = 0;
    /// Follows the session's authority: reads again, or says what is missing.
    void refresh();
    QLabel* messageLabel() const { return m_message; }
    /// Whether the person may read what the tab shows.
    bool readable() const;

protected:
    QString platformName() const;
    QString buyer() const;
    /// One line under the tab: an error in red, a confirmation in grey.
    void report(const QString& message, bool error);
    /// An action's outcome: said under the tab, and the keyboard back in the reply box unless
    /// the person has moved on to another field (a button they clicked, or one that was
    /// disabled under them, never keeps it, and focus never drifts to the status box).
    void finished(const QString& message, bool error);

    WorkbenchContext& m_context;
    QLabel* m_message;

private:
    auth::Operation m_read;
    ChatView* m_chat = nullptr;
};

} // namespace shopdesk::ui
