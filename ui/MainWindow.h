#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

#include "auth/Actor.h"

namespace shopdesk {
class MessageRepository;
class SearchService;
} // namespace shopdesk

namespace shopdesk::ui {

/// Placeholder main window of the foundation: recent conversations, one conversation's history and
/// the full-text search box. The agent workbench replaces it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(MessageRepository& messages, SearchService& search, auth::Actor actor, QWidget* parent = nullptr);

private:
    void reloadConversations();
    void showConversation(qint64 conversationId);
    void runSearch();

    MessageRepository& m_messages;
    SearchService& m_search;
    auth::Actor m_actor;
    QListWidget* m_conversations;
    QPlainTextEdit* m_history;
    QLineEdit* m_searchBox;
    QLabel* m_status;
};

} // namespace shopdesk::ui
