#include "workbench/MainWindow.h"

#include "common/FormDialog.h"
#include "workbench/HistorySearchDialog.h"

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "console/ConsoleWindow.h"
#include "domain/PhraseVariables.h"
#include "followup/FollowUpPanel.h"
#include "quickreply/PhraseLibrary.h"
#include "records/MessageManagerDialog.h"
#include "session/Chats.h"
#include "session/History.h"
#include "side/SidePanel.h"
#include "workbench/Alerts.h"
#include "workbench/ConversationListDelegate.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace shopdesk::ui {

MainWindow::MainWindow(WorkbenchContext& context, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_phrases(new PhraseLibrary(context.session, this))
    , m_list(new ConversationListPanel(context.session, this))
    , m_followUps(new FollowUpPanel(context, this))
    , m_left(new QTabWidget(this))
    , m_tabs(new ChatTabs(context, *m_phrases, this))
    , m_side(new SidePanel(context, *m_phrases, this))
    , m_presence(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_state(new QLabel(this))
    , m_queue(new QLabel(this))
    , m_alerts(new Alerts(this))
    , m_flush(new QTimer(this))
{
    setObjectName(QStringLiteral("workbench"));
    // Every time the workbench shows is the shop's.
    format::setZone(context.session.shop().timeZone);
    resize(1360, 820);

    auto* toolbar = addToolBar(tr("Workbench"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(QStringLiteral(" %1 ").arg(context.me().name), this));
    m_presence->addItem(QStringLiteral("● ") + tr("Online"), static_cast<int>(platform::AgentPresence::Online));
    m_presence->addItem(QStringLiteral("◐ ") + tr("Away"), static_cast<int>(platform::AgentPresence::Away));
    m_presence->addItem(QStringLiteral("○ ") + tr("Offline"), static_cast<int>(platform::AgentPresence::Offline));
    m_presence->setToolTip(tr("Only online agents receive new buyers"));
    // One's own status changes only by a deliberate click: never by Tab, by focus passing on from
    // a button that was disabled, or by the wheel passing over it.
    m_presence->setFocusPolicy(Qt::ClickFocus);
    m_presence->installEventFilter(this);
    updateTitle();
    toolbar->addWidget(m_presence);
    toolbar->addSeparator();
    m_search->setPlaceholderText(tr("Search all chat history (Enter)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    toolbar->addWidget(m_search);
    gates::mirror(m_search, context.session, auth::Permission::HistorySearch);

    m_list->delegate()->setSlowSeconds(m_alerts->slowSeconds());
    m_left->setDocumentMode(true);
    m_left->addTab(m_list, tr("Chats"));
    m_left->addTab(m_followUps, tr("Follow-ups"));

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_left);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({270, 700, 390});
    // Team mode: a banner while the server cannot be reached (what is shown is what last arrived).
    m_offline = new QLabel(this);
    m_offline->setObjectName(QStringLiteral("offlineBanner"));
    m_offline->setWordWrap(true);
    m_offline->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #7a4d00; padding: 6px 10px; }"));
    m_offline->hide();
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_offline);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_state);
    statusBar()->addPermanentWidget(m_queue);
    buildMenus();

    connect(m_list, &ConversationListPanel::openRequested, this,
            [this](const ConversationSummary& s) { m_tabs->open(s); });
    connect(m_tabs, &ChatTabs::currentBuyerChanged, this, [this](ChatView* v) {
        m_side->setChat(v);
        if (v) {
            m_list->select(v->conversation().id);
        }
    });
    connect(m_tabs, &ChatTabs::read, this, [this](ConversationId id, MessageId upTo) {
        m_list->model()->markRead(id, upTo);
        m_tabs->setUnread(id, 0);
    });
    connect(m_tabs, &ChatTabs::actionFailed, this, [this](const QString& m) { say(m, 8000); });
    connect(m_followUps, &FollowUpPanel::openBuyer, this,
            [this](const QString& platform, const QString& buyer) { openBuyer(platform, buyer); });
    connect(m_followUps, &FollowUpPanel::remind, this, [this](const FollowUp& f) {
        ChatView* chat = openBuyer(f.platform, f.buyerNick);
        if (!chat) {
            return;
        }
        chat->remindPayment(f.orderNo);
    });
    connect(m_list->model(), &ConversationListModel::assigned, this, [this](const QStringList& buyers) {
        m_alerts->notify(tr("New buyer"), buyers.join(QStringLiteral(", ")));
    });
    connect(m_list->model(), &ConversationListModel::unreadArrived, this,
            [this](int n) { m_alerts->notify(tr("New messages"), tr("%1 new message(s) from buyers").arg(n)); });
    connect(m_list->model(), &ConversationListModel::refreshed, this, [this] {
        for (const ConversationSummary& s : m_list->model()->active()) {
            m_tabs->setUnread(s.id, s.unread);
        }
        updateStatus();
    });
    connect(m_presence, &QComboBox::currentIndexChanged, this, &MainWindow::setPresence);
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::runHistorySearch);

    // The pipeline reports each stored batch; the UI applies them together a few times a second.
    m_flush->setSingleShot(true);
    m_flush->setInterval(150);
    connect(m_flush, &QTimer::timeout, this, &MainWindow::flushStored);
    connect(&context.session, &session::ShopSession::stored, this, &MainWindow::onStored);
    connect(&context.session, &session::ShopSession::problem, this, [this](const QString& m) { m_state->setText(m); });
    connect(&context.session, &session::ShopSession::linkChanged, this, &MainWindow::updateStatus);
    connect(&context.session, &session::ShopSession::linkChanged, this, &MainWindow::updateOffline);
    connect(&context.session, &session::ShopSession::authorityChanged, this, &MainWindow::followAuthority);
    connect(&context.session, &session::ShopSession::sessionEnded, this, [this](const QString& reason) {
        // Nothing more can be done in this session: the window goes, the login comes back with why.
        if (m_console) {
            m_console->hide();
        }
        hide();
        emit loggedOut(reason);
    });
    auto* statusTicker = new QTimer(this);
    connect(statusTicker, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTicker->start(1000);

    m_list->refresh();
    m_followUps->reload();
    setPresence(0);
    updateStatus();
    updateOffline(); // a desk started from its copy says so at once
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* chat = menuBar()->addMenu(tr("&Chat"));
    QAction* records = chat->addAction(tr("Message records of this buyer…"));
    connect(records, &QAction::triggered, this, &MainWindow::openMessageManager);
    QAction* find = chat->addAction(tr("Search this conversation"));
    find->setObjectName(QStringLiteral("action:find"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, this, [this] {
        if (ChatView* v = m_tabs->current()) {
            v->showSearch();
        }
    });
    QAction* findAll = chat->addAction(tr("Search all history"));
    findAll->setObjectName(QStringLiteral("action:find-all"));
    findAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    findAll->setShortcutContext(Qt::WindowShortcut);
    connect(findAll, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    const auto pages = ConsoleWindow::pagesFor(m_context.session);
    if (!pages.empty()) {
        QMenu* manage = menuBar()->addMenu(tr("&Manage"));
        for (ConsoleWindow::Page p : pages) {
            connect(manage->addAction(ConsoleWindow::title(p)), &QAction::triggered, this,
                    [this, p] { openConsole(p); });
        }
    }
    QMenu* account = menuBar()->addMenu(tr("&Account"));
    QAction* password = account->addAction(tr("Change my password…"));
    password->setObjectName(QStringLiteral("action:password"));
    connect(password, &QAction::triggered, this, &MainWindow::changeMyPassword);
    QAction* switchAccount = account->addAction(tr("Switch account…"));
    switchAccount->setObjectName(QStringLiteral("action:switch"));
    connect(switchAccount, &QAction::triggered, this, [this] { leave(Leaving::LogOut); });
    QAction* logOut = account->addAction(tr("Log out"));
    logOut->setObjectName(QStringLiteral("action:logout"));
    connect(logOut, &QAction::triggered, this, [this] { leave(Leaving::LogOut); });
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    auto toggle = [this, settings](const QString& text, bool on, auto apply) {
        QAction* a = settings->addAction(text);
        a->setCheckable(true);
        a->setChecked(on);
        connect(a, &QAction::toggled, this, apply);
    };
    toggle(tr("Flash the taskbar on new buyers and messages"), m_alerts->flash(),
           [this](bool on) { m_alerts->setFlash(on); });
    toggle(tr("Play a sound"), m_alerts->sound(), [this](bool on) { m_alerts->setSound(on); });
    toggle(tr("Show a tray message"), m_alerts->tray(), [this](bool on) { m_alerts->setTray(on); });
    QAction* slow = settings->addAction(tr("Slow-reply warning after…"));
    connect(slow, &QAction::triggered, this, [this] {
        bool ok = false;
        const int secs = QInputDialog::getInt(
            this, tr("Slow-reply warning"), tr("Seconds a buyer may wait for an answer before the timer turns amber:"),
            m_alerts->slowSeconds(), 10, 3600, 10, &ok);
        if (ok) {
            m_alerts->setSlowSeconds(secs);
            m_list->delegate()->setSlowSeconds(secs);
        }
    });
    settings->addSeparator();
    QMenu* language = settings->addMenu(tr("Language"));
    for (const auto& [code, name] : {std::pair{QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(gates::language() == code);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            say(tr("The language changes when ShopDesk starts again."), 8000);
        });
    }
    settings->addSeparator();
    toggle(tr("Enter sends (Shift+Enter: new line); off: Ctrl+Enter sends"),
           QSettings().value(QStringLiteral("composer/sendOnEnter"), true).toBool(), [this](bool on) {
               QSettings().setValue(QStringLiteral("composer/sendOnEnter"), on);
               for (int i = 0; i < m_tabs->count(); ++i) {
                   m_tabs->viewAt(i)->composer()->setSendOnEnter(on);
               }
           });
}

void MainWindow::followAuthority()
{
    updateTitle();
    menuBar()->clear();
    buildMenus();
    m_phrases->reload();
    m_list->refresh();
    m_followUps->reload();
    m_side->refresh();
}

ConsoleWindow* MainWindow::openConsole(ConsoleWindow::Page page)
{
    if (!m_console) {
        m_console = new ConsoleWindow(m_context, this);
    }
    m_console->showPage(page);
    m_console->show();
    m_console->raise();
    return m_console;
}

void MainWindow::showFollowUps()
{
    m_followUps->reload();
    m_left->setCurrentWidget(m_followUps);
}

void MainWindow::say(const QString& message, int ms)
{
    // A status bar message given before the window is shown would be drawn over the state line
    // (Qt hides its widgets only when visible): said once the window is up.
    if (!isVisible()) {
        m_unsaid = {message, ms};
        return;
    }
    statusBar()->showMessage(message, ms);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_unsaid) {
        const auto [message, ms] = *m_unsaid;
        m_unsaid.reset();
        QTimer::singleShot(0, this, [this, message, ms] { say(message, ms); });
    }
}

void MainWindow::setPresence(int index)
{
    const auto presence = static_cast<platform::AgentPresence>(m_presence->itemData(index).toInt());
    updateTitle();
    m_context.session.chats().setPresence(presence).then(this, [this, index](Status st) {
        if (!st) {
            say(tr("Status not changed: %1").arg(st.error().message), 8000);
            return;
        }
        say(tr("You are now %1.").arg(m_presence->itemText(index)), 8000);
        // Back to the chat: the next keystrokes are a reply, not another status change.
        if (ChatView* v = m_tabs->current()) {
            v->composer()->setFocus(Qt::OtherFocusReason);
        }
    });
}

void MainWindow::updateTitle()
{
    setWindowTitle(
        tr("ShopDesk — %1 — %2 (%3)").arg(m_context.shopName(), m_context.me().name, m_presence->currentText().mid(2)));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_presence && event->type() == QEvent::Wheel) {
        return true; // the wheel scrolling past does not change one's status
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::onStored(const QStringList& conversations, const QStringList& orders, const QStringList& refunds)
{
    for (const QString& c : conversations) {
        m_pendingConversations.insert(c);
    }
    for (const QString& o : orders) {
        m_pendingOrders.insert(o);
    }
    for (const QString& r : refunds) {
        m_pendingRefunds.insert(r);
    }
    if (!m_flush->isActive()) {
        m_flush->start();
    }
}

void MainWindow::flushStored()
{
    const QStringList conversations(m_pendingConversations.begin(), m_pendingConversations.end());
    const QStringList orders(m_pendingOrders.begin(), m_pendingOrders.end());
    const QStringList refunds(m_pendingRefunds.begin(), m_pendingRefunds.end());
    m_pendingConversations.clear();
    m_pendingOrders.clear();
    m_pendingRefunds.clear();
    m_tabs->refresh(conversations);
    if (!conversations.isEmpty()) {
        m_list->refresh();
    }
    m_side->stored(conversations, orders, refunds);
}

ChatView* MainWindow::openBuyer(const QString& platform, const QString& buyer)
{
    auto s = m_context.session.chats().ofBuyer(platform, buyer);
    if (!s || !*s) {
        say(tr("No conversation with %1 is stored yet.").arg(buyer), 6000);
        return nullptr;
    }
    return m_tabs->open(**s);
}

ChatView* MainWindow::openConversation(const QString& platform, const QString& key)
{
    auto s = m_context.session.chats().conversation(platform, key);
    if (!s || !*s) {
        say(tr("That conversation is no longer stored."), 6000);
        return nullptr;
    }
    return m_tabs->open(**s);
}

HistorySearchDialog* MainWindow::lastSearch() const
{
    return qobject_cast<HistorySearchDialog*>(m_lastSearch.data());
}

void MainWindow::runHistorySearch()
{
    auto* dialog = new HistorySearchDialog(m_context.session, m_search->text(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HistorySearchDialog::openRequested, this,
            [this](const QString& platform, const QString& key, qint64 messageId) {
                if (ChatView* v = openConversation(platform, key)) {
                    v->reveal(MessageId(messageId));
                }
            });
    m_lastSearch = dialog;
    dialog->show();
}

void MainWindow::openMessageManager()
{
    ChatView* v = m_tabs->current();
    if (!v) {
        say(tr("Open a buyer's chat first."), 4000);
        return;
    }
    const ConversationSummary conversation = v->conversation();
    MessageManagerDialog dialog(m_context, conversation.platform, conversation.buyerNick, this);
    dialog.exec();
    // Records may be gone: the tab reads its messages again, keeping its place and its draft.
    QPointer<ChatView> still(v);
    if (still) {
        still->reloadTimeline();
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_leaveDecided || m_list->model()->active().empty()) {
        QMainWindow::closeEvent(event);
        return;
    }
    // Buyers are waiting on this desk: ask first, never quit on them.
    event->ignore();
    leave(Leaving::Close);
}

void MainWindow::leave(Leaving how)
{
    const auto active = m_list->model()->active();
    if (active.empty()) {
        finishLeaving(how);
        return;
    }
    if (m_leaveQuestion) {
        m_leaveQuestion->raise();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("You are serving %1 buyer(s)").arg(active.size()),
                                tr("You are serving %1 buyer(s). You are set away first, so that no new buyer comes "
                                   "to you. Then:")
                                    .arg(active.size()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("leaveQuestion"));
    QPushButton* hand = box->addButton(tr("Hand them to my group"), QMessageBox::AcceptRole);
    hand->setObjectName(QStringLiteral("handOver"));
    QPushButton* keep = box->addButton(tr("Keep them (they wait for me)"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keep"));
    QPushButton* stay = box->addButton(tr("Stay"), QMessageBox::RejectRole);
    box->setDefaultButton(stay);
    box->setEscapeButton(stay);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_leaveQuestion = box;
    connect(box, &QDialog::finished, this, [this, box, hand, keep, how] {
        QAbstractButton* chosen = box->clickedButton();
        if (chosen != hand && chosen != keep) {
            return; // stays, as it was
        }
        const bool handOver = chosen == hand;
        // Away first: routing sends nobody new while the chats are handed over or kept.
        m_presence->setCurrentIndex(m_presence->findData(static_cast<int>(platform::AgentPresence::Away)));
        m_context.session.chats().setPresence(platform::AgentPresence::Away).then(this, [this, handOver, how](Status) {
            if (!handOver) {
                finishLeaving(how);
                return;
            }
            handOverAndLeave(how);
        });
    });
    box->open();
}

void MainWindow::handOverAndLeave(Leaving how)
{
    const QString group = m_context.me().group;
    auto left = std::make_shared<int>(static_cast<int>(m_list->model()->active().size()));
    auto failed = std::make_shared<QStringList>();
    if (*left == 0 || group.isEmpty()) {
        if (group.isEmpty()) {
            say(tr("You are in no group: your buyers stay with you."), 8000);
        }
        finishLeaving(how);
        return;
    }
    for (const ConversationSummary& s : m_list->model()->active()) {
        m_context.session.chats()
            .transfer(s.buyerNick, QString(), group, tr("Handed over: the agent left the desk"))
            .then(this, [this, left, failed, how, nick = s.buyerNick](Status st) {
                if (!st) {
                    *failed << nick;
                }
                if (--*left == 0) {
                    if (!failed->isEmpty()) {
                        // Said, and the window stays: nobody is left without an agent unknowingly.
                        say(tr("Not handed over: %1. They stay with you.").arg(failed->join(QStringLiteral(", "))),
                            15000);
                        return;
                    }
                    finishLeaving(how);
                }
            });
    }
}

void MainWindow::finishLeaving(Leaving how)
{
    m_leaveDecided = true;
    if (how == Leaving::LogOut) {
        m_context.session.logout(); // the login comes back (the session's end says so)
        return;
    }
    close();
}

void MainWindow::changeMyPassword()
{
    FormDialog dialog(tr("Change my password"), this,
                      tr("At least 8 characters, not your account name. Your other logins end."));
    auto* current = new QLineEdit(&dialog);
    current->setEchoMode(QLineEdit::Password);
    current->setObjectName(QStringLiteral("currentPassword"));
    auto* next = new QLineEdit(&dialog);
    next->setEchoMode(QLineEdit::Password);
    next->setObjectName(QStringLiteral("newPassword"));
    auto* again = new QLineEdit(&dialog);
    again->setEchoMode(QLineEdit::Password);
    again->setObjectName(QStringLiteral("againPassword"));
    dialog.addRow(tr("Current password"), current);
    dialog.addRow(tr("New password"), next);
    dialog.addRow(tr("Again"), again);
    dialog.submitWith([this, current, next, again]() -> QFuture<Status> {
        if (next->text() != again->text()) {
            return QtFuture::makeReadyFuture(
                Status(Error::invalid(tr("The two new passwords differ. Type the same password twice."))));
        }
        return m_context.session.changePassword(current->text(), next->text());
    });
    if (dialog.exec() == QDialog::Accepted) {
        say(tr("Your password was changed."), 8000);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange || event->type() == QEvent::WindowStateChange) {
        // The agent looks at the window again: what the open chat shows is read now.
        if (ChatView* v = m_tabs->current()) {
            v->markSeen();
        }
    }
}

void MainWindow::updateOffline()
{
    if (m_context.session.link() == session::LinkState::Connected || m_context.session.isEnded()) {
        m_offlineSince.reset();
        m_offline->hide();
        return;
    }
    if (!m_offlineSince) {
        m_offlineSince = m_context.session.clock().now();
    }
    m_offline->setText(
        tr("Offline since %1: the server %2 cannot be reached. You see what this desktop last read; a reply in "
           "a chat you hold waits for the link (up to 2 minutes), everything else needs the link. Nothing you "
           "typed is lost.")
            .arg(format::shopTime(*m_offlineSince, QStringLiteral("HH:mm")), m_context.session.linkName()));
    m_offline->show();
}

void MainWindow::updateStatus()
{
    const QString connection =
        m_context.session.link() == session::LinkState::Connected ? tr("Connected to %1") : tr("Not connected to %1");
    int slow = 0;
    const qint64 now = m_context.session.clock().now().ms();
    for (const ConversationSummary& s : m_list->model()->active()) {
        if (s.waitingSince && (now - s.waitingSince->ms()) / 1000 >= m_alerts->slowSeconds()) {
            ++slow;
        }
    }
    QString state =
        connection.arg(m_context.session.linkName()) +
        (slow > 0 ? tr(" · %1 buyer(s) waiting over %2 s").arg(slow).arg(m_alerts->slowSeconds()) : QString());
    // Another program holds the database: say what the desk waits for, and that nothing is lost.
    if (const auto wait = m_context.session.storeWaiting(); wait && wait->waitedMs >= kSayStoreWaitMs) {
        state += tr(" · Waiting for the database: another program is writing to it (%1 s so far); your %2 change(s) "
                    "are queued and will be saved")
                     .arg(wait->waitedMs / 1000)
                     .arg(wait->queuedWrites);
    }
    m_state->setText(state);
    const auto& q = m_list->model()->queue();
    m_queue->setText(tr("Serving %1 · queue %2").arg(m_list->model()->active().size()).arg(q.length));
}

} // namespace shopdesk::ui
