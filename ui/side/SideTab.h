#pragma once

#include "workbench/WorkbenchContext.h"

#include <QWidget>

class QLabel;

namespace shopdesk::ui {

class ChatView;

/// A tab of the side panel, about the buyer of the current chat.
class SideTab : public QWidget {
    Q_OBJECT
public:
    SideTab(WorkbenchContext& context, QWidget* parent);

    /// The chat the panel follows (null: none open).
    void setChat(ChatView* chat);
    ChatView* chat() const { return m_chat; }
    /// Reads the buyer's data again.
    virtual void reload() = 0;
    QLabel* messageLabel() const { return m_message; }

protected:
    QString platformName() const;
    QString buyer() const;
    /// One line under the tab: an error in red, a confirmation in grey.
    void report(const QString& message, bool error);

    WorkbenchContext& m_context;
    QLabel* m_message;

private:
    ChatView* m_chat = nullptr;
};

} // namespace shopdesk::ui
