#pragma once

#include "domain/PhraseVariables.h"
#include "domain/QuickReply.h"
#include "domain/Search.h"
#include "domain/Workbench.h"
#include "session/Chats.h"
#include "workbench/WorkbenchContext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;
class QTimer;

namespace shopdesk::ui {

class BubbleDelegate;
class Composer;
class PhraseLibrary;
class QuickReplyPicker;
class TimelineModel;

/// One conversation's tab: the timeline (paged, older history on scroll-up), the composer with
/// the `/` picker, search in this conversation (Ctrl+F), and the chat actions (send, transfer,
/// close). Every action goes through ChatService; a failed send puts the text back.
class ChatView : public QWidget {
    Q_OBJECT
public:
    ChatView(WorkbenchContext& context, PhraseLibrary& phrases, const ConversationSummary& conversation,
             QWidget* parent = nullptr);
    /// Keeps the draft not yet saved.
    ~ChatView() override;

    const ConversationSummary& conversation() const { return m_conversation; }
    QString buyerNick() const { return m_conversation.buyerNick; }
    TimelineModel* timeline() const { return m_model; }
    QListView* timelineView() const { return m_view; }
    Composer* composer() const { return m_composer; }
    QuickReplyPicker* picker() const { return m_picker; }
    QLineEdit* searchBox() const { return m_searchBox; }
    QListWidget* searchResults() const { return m_searchResults; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* transferButton() const { return m_transfer; }
    QPushButton* closeButton() const { return m_close; }
    QLabel* statusLine() const { return m_status; }
    /// "2 replies wait for the link…" while the team server cannot be reached (hidden otherwise).
    QLabel* outboxLine() const { return m_outbox; }

    /// New messages from the store (the conversation was touched); returns how many arrived.
    int refresh();
    /// Reads every loaded message again (after records were deleted); the draft and the place stay.
    void reloadTimeline();
    /// Whether the agent can see this chat now: its tab is shown in the active, unminimised window.
    bool seen() const;
    /// Marks what is shown as read when the agent can see it (the window became active).
    void markSeen();
    /// Saves the composer's text as the buyer's draft now (it is also saved as the agent types).
    void saveDraft();
    /// How long after the last keystroke a draft is saved.
    static constexpr int kDraftSaveMs = 400;
    /// Sends what the composer holds.
    void send();
    /// Sends `text` as it is (a double-clicked phrase, a reminder).
    void sendText(const QString& text);
    void sendOrderCard(const QString& orderNo);
    /// Sends the shop's payment reminder for the order, and its card.
    void remindPayment(const QString& orderNo);
    /// Puts a phrase into the composer with its variables filled.
    void insertPhrase(const QuickReply& phrase);
    /// Sends a phrase right away when every variable could be filled; else inserts it.
    void sendPhrase(const QuickReply& phrase);
    void showSearch();
    void runSearch();
    void showSearchHits(const Result<SearchPage>& page);
    /// Loads older pages until the message is in the timeline, then shows it.
    bool reveal(MessageId id);
    void transfer();
    void openTransferDialog(const std::vector<session::TransferTarget>& targets);
    void closeConversation();
    /// Whether the buyer moved to a colleague (the tab is then read-only; the draft stays).
    bool movedAway() const { return m_movedAway; }
    /// Reads whose the buyer is now and turns the tab read-only (or back) to match.
    void followOwner();
    /// Copies the selected messages' text, oldest first.
    void copySelection();
    /// Fills phrase variables for this buyer: their latest order and its parcel.
    PhraseContext phraseContext() const;

signals:
    /// The agent read everything up to here (the list clears the unread badge).
    void read(ConversationId conversation, MessageId upTo);
    void actionFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void loadOlderKeepingPosition();
    void pickerAccept();
    void report(const QString& message, bool error);
    bool atBottom() const;
    void applyGates();
    /// Puts `failed` back in front of whatever was typed since, and says why.
    void restoreFailed(const QString& failed, const QString& why);
    /// Shows what of this chat waits for the link.
    void showOutbox();

    WorkbenchContext& m_context;
    PhraseLibrary& m_phrases;
    ConversationSummary m_conversation;
    TimelineModel* m_model;
    QListView* m_view;
    BubbleDelegate* m_delegate;
    QWidget* m_searchBar;
    QLineEdit* m_searchBox;
    QListWidget* m_searchResults;
    Composer* m_composer;
    QuickReplyPicker* m_picker;
    QString m_transferNote;     ///< a note typed for a transfer that did not happen
    QLabel* m_moved = nullptr;  ///< "阿强 now serves this buyer" once the buyer moved away
    QLabel* m_outbox = nullptr; ///< replies waiting for the link (team mode, offline)
    bool m_movedAway = false;
    quint64 m_searchesAsked = 0; ///< the newest in-chat search's number (older answers are dropped)
    QPushButton* m_phrasesButton;
    QPushButton* m_transfer;
    QPushButton* m_close;
    QPushButton* m_send;
    QLabel* m_status;
    QTimer* m_draftTimer;
    QString m_savedDraft;
};

} // namespace shopdesk::ui
