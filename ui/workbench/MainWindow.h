#pragma once

#include "console/ConsoleWindow.h"
#include "core/Timestamp.h"
#include "workbench/WorkbenchContext.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <optional>

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTimer;

namespace shopdesk::ui {

class HistorySearchDialog;

class Alerts;
class ChatTabs;
class ChatView;
class ConversationListPanel;
class FollowUpPanel;
class PhraseLibrary;
class SidePanel;

/// The agent workbench: conversations on the left (with follow-ups), chat tabs in the centre, the
/// buyer's side panel on the right; status and history search in the toolbar. It wires widgets to
/// each other and to the store's change signal; the widgets hold no business rules.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(WorkbenchContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    ConversationListPanel* conversations() const { return m_list; }
    ChatTabs* tabs() const { return m_tabs; }
    SidePanel* side() const { return m_side; }
    FollowUpPanel* followUps() const { return m_followUps; }
    PhraseLibrary* phrases() const { return m_phrases; }
    QComboBox* presenceBox() const { return m_presence; }
    QLineEdit* historySearch() const { return m_search; }
    Alerts* alerts() const { return m_alerts; }
    WorkbenchContext& context() const { return m_context; }
    /// The status bar's link line (link, slow buyers, a database wait).
    QLabel* linkState() const { return m_state; }
    /// The team-mode banner shown while the server cannot be reached.
    QLabel* offlineBanner() const { return m_offline; }

    /// Opens the buyer's newest chat.
    ChatView* openBuyer(const QString& platform, const QString& buyer);
    /// Opens a chat by the platform's conversation key.
    ChatView* openConversation(const QString& platform, const QString& key);
    /// Applies what the store received since the last call (the pipeline's batches, coalesced).
    void flushStored();
    /// Sets the agent's status (online / away / offline) with the platform.
    void setPresence(int index);
    /// Brings the follow-ups list to the front of the left column.
    void showFollowUps();
    /// The current buyer's message records (menu 会话); the tab reads its messages again after.
    void openMessageManager();
    /// The management window (menu 管理) at `page`.
    ConsoleWindow* openConsole(ConsoleWindow::Page page);

    enum class Leaving { Close, LogOut };
    /// Closing or logging out with buyers on the desk: asks, sets the agent away (routing sends
    /// nobody new), then hands the buyers to the agent's group or keeps them; then leaves.
    void leave(Leaving how);
    /// The open question of leave() (null when none).
    QDialog* leaveQuestion() const { return m_leaveQuestion; }
    /// 账号 → 修改我的密码: the current password and the new one twice.
    void changeMyPassword();

    /// Searches all history for the toolbar box's text (Enter in the box).
    void runHistorySearch();
    /// The last history search opened (null once closed).
    HistorySearchDialog* lastSearch() const;

    /// A wait for the database shorter than this is not worth saying.
    static constexpr qint64 kSayStoreWaitMs = 1500;

protected:
    void changeEvent(QEvent* event) override;
    /// With buyers on this desk, closing asks first (see leave()).
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    /// The session ended (why: one sentence); the window has closed itself.
    void loggedOut(const QString& reason);

private:
    void onStored(const QStringList& conversations, const QStringList& orders, const QStringList& refunds);

    void updateStatus();
    void updateOffline();
    /// A passing message in the status bar (for `ms`).
    void say(const QString& message, int ms);
    std::optional<std::pair<QString, int>> m_unsaid; ///< said before the window was shown
    /// "ShopDesk — shop — 小美 (在线)": one's own status is always in sight.
    void updateTitle();
    void buildMenus();
    /// The account's permissions changed: menus, panes and controls follow.
    void followAuthority();

    WorkbenchContext& m_context;
    PhraseLibrary* m_phrases;
    ConversationListPanel* m_list;
    FollowUpPanel* m_followUps;
    QTabWidget* m_left;
    ChatTabs* m_tabs;
    SidePanel* m_side;
    QComboBox* m_presence;
    QLineEdit* m_search;
    QLabel* m_state;
    QLabel* m_offline = nullptr;
    std::optional<Timestamp> m_offlineSince;
    QLabel* m_queue;
    Alerts* m_alerts;
    QTimer* m_flush;
    ConsoleWindow* m_console = nullptr;
    QSet<QString> m_pendingConversations;
    QSet<QString> m_pendingOrders;
    QSet<QString> m_pendingRefunds;
    QPointer<QDialog> m_lastSearch;
    QPointer<QDialog> m_leaveQuestion;
    bool m_leaveDecided = false;
    void handOverAndLeave(Leaving how);
    void finishLeaving(Leaving how);
};

} // namespace shopdesk::ui
