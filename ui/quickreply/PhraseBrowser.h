#pragma once

#include "core/Result.h"
#include "domain/QuickReply.h"

#include <QFuture>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace shopdesk::ui {

class PhraseLibrary;

/// 快捷短语: the team's and the agent's own phrases by group, with search; a click inserts the
/// phrase into the chat, a double click sends it. The agent's own phrases are created, edited and
/// deleted here (quickreply.personal); the team's are read-only here.
class PhraseBrowser : public QWidget {
    Q_OBJECT
public:
    PhraseBrowser(PhraseLibrary& library, QWidget* parent = nullptr);

    QLineEdit* searchBox() const { return m_search; }
    QTreeWidget* tree() const { return m_tree; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* sendNowButton() const { return m_sendNow; }
    std::optional<QuickReply> selected() const;
    /// Saves a new or edited personal phrase (the dialog's work; tests call it directly).
    QFuture<Status> savePersonal(QuickReply phrase);

signals:
    void insertRequested(const QuickReply& phrase);
    void sendRequested(const QuickReply& phrase);
    void failed(const QString& message);

private:
    void rebuild();
    void edit(std::optional<QuickReply> existing);
    void removeSelected();
    void updateButtons();

    PhraseLibrary& m_library;
    QLineEdit* m_search;
    QTreeWidget* m_tree;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_sendNow;
};

} // namespace shopdesk::ui
