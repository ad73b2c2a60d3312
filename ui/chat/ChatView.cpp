#include "chat/ChatView.h"

#include "chat/BubbleDelegate.h"
#include "chat/Composer.h"
#include "chat/TimelineModel.h"
#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "domain/TextMatch.h"
#include "quickreply/PhraseLibrary.h"
#include "quickreply/QuickReplyPicker.h"
#include "session/Chats.h"
#include "session/History.h"
#include "session/Orders.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace shopdesk::ui {

using auth::Permission;

ChatView::ChatView(WorkbenchContext& context, PhraseLibrary& phrases, const ConversationSummary& conversation,
                   QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_phrases(phrases)
    , m_conversation(conversation)
    , m_model(new TimelineModel(context.session, conversation.id, this))
    , m_view(new QListView(this))
    , m_delegate(new BubbleDelegate(m_view))
    , m_searchBar(new QWidget(this))
    , m_searchBox(new QLineEdit(m_searchBar))
    , m_searchResults(new QListWidget(this))
    , m_composer(new Composer(this))
    , m_picker(new QuickReplyPicker(phrases, this))
    , m_phrasesButton(new QPushButton(tr("Phrases /"), this))
    , m_transfer(new QPushButton(tr("Transfer"), this))
    , m_close(new QPushButton(tr("End chat"), this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_status(new QLabel(this))
    , m_draftTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("chat:%1").arg(conversation.buyerNick));
    m_delegate->setBuyerNick(format::shownLine(conversation.buyerNick));
    m_view->setObjectName(QStringLiteral("timeline"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setFrameShape(QFrame::NoFrame);

    // Search in this conversation (Ctrl+F).
    m_searchBox->setPlaceholderText(tr("Search this conversation (Enter), Esc closes"));
    m_searchBox->setClearButtonEnabled(true);
    auto* searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->addWidget(m_searchBox);
    m_searchBar->hide();
    m_searchResults->hide();
    m_searchResults->setMaximumHeight(160);

    m_composer->setPicker(m_picker);
    m_composer->setPlaceholderText(
        tr("Type a reply. Enter sends, Shift+Enter starts a new line, / + keyword inserts a phrase"));
    m_composer->setSendOnEnter(QSettings().value(QStringLiteral("composer/sendOnEnter"), true).toBool());
    m_composer->setMaximumHeight(110);
    m_send->setDefault(false);
    m_send->setObjectName(QStringLiteral("send"));

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_phrasesButton);
    actions->addStretch();
    actions->addWidget(m_transfer);
    actions->addWidget(m_close);
    actions->addWidget(m_send);
    m_status->setWordWrap(true);
    m_status->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_searchResults);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_picker);
    layout->addWidget(m_status);
    m_moved = new QLabel(this);
    layout->addWidget(m_moved);
    m_outbox = new QLabel(this);
    m_outbox->setObjectName(QStringLiteral("outboxNotice"));
    m_outbox->setWordWrap(true);
    m_outbox->hide();
    layout->addWidget(m_outbox);
    layout->addWidget(m_composer);
    layout->addLayout(actions);

    connect(m_send, &QPushButton::clicked, this, &ChatView::send);
    connect(m_composer, &Composer::sendRequested, this, &ChatView::send);
    connect(m_composer, &Composer::slashTyped, this, [this](const QString& q) {
        m_picker->setQuery(q);
        m_picker->show();
    });
    connect(m_composer, &Composer::slashEnded, m_picker, &QWidget::hide);
    connect(m_composer, &Composer::pickerAccepted, this, &ChatView::pickerAccept);
    connect(m_picker, &QuickReplyPicker::chosen, this, &ChatView::pickerAccept);
    connect(m_phrasesButton, &QPushButton::clicked, this, [this] {
        m_composer->setFocus();
        m_composer->insertPlainText(m_composer->toPlainText().isEmpty() || m_composer->toPlainText().endsWith(u' ')
                                        ? QStringLiteral("/")
                                        : QStringLiteral(" /"));
    });
    connect(m_transfer, &QPushButton::clicked, this, &ChatView::transfer);
    connect(m_close, &QPushButton::clicked, this, &ChatView::closeConversation);
    connect(m_searchBox, &QLineEdit::returnPressed, this, &ChatView::runSearch);
    connect(m_searchResults, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { reveal(MessageId(item->data(Qt::UserRole).toLongLong())); });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_view->verticalScrollBar()->minimum() && m_model->hasOlder() && m_model->rowCount() > 0) {
            loadOlderKeepingPosition();
        }
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        QAction* copy = menu.addAction(tr("Copy text"));
        copy->setShortcut(QKeySequence::Copy);
        if (menu.exec(m_view->viewport()->mapToGlobal(pos)) == copy) {
            copySelection();
        }
    });
    auto* copyShortcut = new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &ChatView::copySelection);
    // Ctrl+F is the window's "search this conversation" action (menu 会话), one owner per key.
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_searchBox, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        m_searchBar->hide();
        m_searchResults->hide();
        m_composer->setFocus();
    });

    m_moved->setObjectName(QStringLiteral("movedNotice"));
    m_moved->setWordWrap(true);
    m_moved->hide();
    applyGates();
    followOwner();
    m_view->scrollToBottom();
    setFocusProxy(m_composer);

    // What the agent typed survives tab switches, restarts and failed sends: kept per buyer.
    if (auto draft = context.session.chats().draft(conversation.platform, conversation.buyerNick);
        draft && !draft->isEmpty()) {
        m_savedDraft = *draft;
        m_composer->setPlainText(*draft);
        m_composer->moveCursor(QTextCursor::End);
    }
    // Team mode, offline: replies wait for the link; one that cannot go comes back here.
    connect(&context.session, &session::ShopSession::outboxChanged, this, &ChatView::showOutbox);
    connect(&context.session, &session::ShopSession::replyReturned, this,
            [this](const QString& platform, const QString& buyer, const QString& text, const QString& why) {
                if (platform == m_conversation.platform && buyer == m_conversation.buyerNick) {
                    restoreFailed(text, why);
                }
            });
    showOutbox();
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftSaveMs);
    connect(m_draftTimer, &QTimer::timeout, this, &ChatView::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, m_draftTimer, qOverload<>(&QTimer::start));
}

ChatView::~ChatView()
{
    // The session outlives the view and finishes the write.
    const QString text = m_composer->toPlainText();
    if (text != m_savedDraft) {
        (void)m_context.session.chats().saveDraft(m_conversation.platform, m_conversation.buyerNick, text);
    }
}

void ChatView::saveDraft()
{
    m_draftTimer->stop();
    const QString text = m_composer->toPlainText();
    if (text == m_savedDraft) {
        return;
    }
    m_savedDraft = text;
    m_context.session.chats()
        .saveDraft(m_conversation.platform, m_conversation.buyerNick, text)
        .then(this, [this](Status st) {
            if (!st) {
                m_savedDraft.clear(); // tried again with the next keystroke
                report(tr("Draft not kept: %1").arg(st.error().message), false);
            }
        });
}

void ChatView::copySelection()
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList texts;
    for (const QModelIndex& i : rows) {
        texts << i.data(Qt::DisplayRole).toString().replace(QChar(QChar::LineSeparator), QLatin1Char('\n'));
    }
    QApplication::clipboard()->setText(texts.join(QLatin1Char('\n')));
}

void ChatView::applyGates()
{
    session::ShopSession& s = m_context.session;
    const auto caps = s.capabilities();
    gates::mirror(m_send, s, Permission::ChatReply);
    gates::mirror(m_composer, s, Permission::ChatReply);
    gates::mirror(m_phrasesButton, s, Permission::ChatReply);
    if (gates::offer(m_transfer, caps, platform::Capability::ChatTransfer)) {
        gates::mirror(m_transfer, s, Permission::ChatTransfer, tr("Hand this buyer to a colleague or a group"));
    }
    if (gates::offer(m_close, caps, platform::Capability::ChatClose)) {
        gates::mirror(m_close, s, Permission::ChatClose, tr("End the chat with a closing line"));
    }
}

void ChatView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    markSeen();
}

bool ChatView::seen() const
{
    const QWidget* w = window();
    return isVisible() && w->isActiveWindow() && !w->isMinimized();
}

void ChatView::markSeen()
{
    // Read means seen: a chat behind another window, or in a minimised one, stays unread and alerts.
    if (seen()) {
        emit read(m_conversation.id, m_model->lastId());
    }
}

void ChatView::reloadTimeline()
{
    const bool follow = atBottom();
    m_model->reloadLoaded();
    if (follow) {
        m_view->scrollToBottom();
    }
}

bool ChatView::atBottom() const
{
    const QScrollBar* bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ChatView::followOwner()
{
    // Read again: the buyer may have moved to a colleague (a transfer, a take-over). Then this
    // tab is for reading; the draft stays, nothing can be sent from here.
    auto now = m_context.session.chats().conversation(m_conversation.platform, m_conversation.key);
    if (!now || !*now) {
        return;
    }
    const ConversationSummary& c = **now;
    const bool someoneElse = c.state == ConversationSummary::State::Active && c.agent != m_context.me().name;
    const bool wasMine = m_conversation.agent == m_context.me().name;
    m_conversation.state = c.state;
    m_conversation.agent = c.agent;
    const bool readOnly =
        someoneElse && (wasMine || m_movedAway) && !m_context.session.may(auth::Operation::ChatSupervise);
    if (readOnly == m_movedAway) {
        return;
    }
    m_movedAway = readOnly;
    m_composer->setReadOnly(readOnly);
    for (QWidget* w : {static_cast<QWidget*>(m_send), static_cast<QWidget*>(m_transfer), static_cast<QWidget*>(m_close),
                       static_cast<QWidget*>(m_phrasesButton)}) {
        if (readOnly) {
            w->setEnabled(false);
        }
    }
    if (!readOnly) {
        applyGates();
    }
    m_moved->setText(readOnly
                         ? tr("%1 now serves this buyer: this chat is for reading. Your draft is kept.").arg(c.agent)
                         : QString());
    m_moved->setVisible(readOnly);
}

int ChatView::refresh()
{
    followOwner();
    const bool follow = atBottom();
    const int added = m_model->refreshNewer();
    if (added > 0) {
        if (follow) {
            m_view->scrollToBottom();
        }
        markSeen();
    }
    return added;
}

void ChatView::loadOlderKeepingPosition()
{
    const QModelIndex anchor = m_view->indexAt(QPoint(0, 0));
    const int before = m_model->rowCount();
    const int anchorRow = anchor.isValid() ? anchor.row() : 0;
    if (!m_model->loadOlder()) {
        return;
    }
    const int added = m_model->rowCount() - before;
    m_view->scrollTo(m_model->index(anchorRow + added), QAbstractItemView::PositionAtTop);
}

void ChatView::report(const QString& message, bool error)
{
    showOutcome(m_status, message, error);
    m_status->setVisible(!message.isEmpty());
    if (error) {
        emit actionFailed(message);
    }
}

void ChatView::send()
{
    const QString text = m_composer->toPlainText().trimmed();
    if (text.isEmpty()) {
        return;
    }
    // A phrase variable nobody filled would reach the buyer as "{订单号}": the service refuses it,
    // and the box shows where it is instead of sending.
    if (m_composer->markGaps() > 0) {
        QStringList names;
        for (const UnfilledVariable& g : unfilledVariables(text)) {
            names << QStringLiteral("{%1}").arg(g.name);
        }
        names.removeDuplicates();
        report(tr("Fill in or remove %1 before sending.").arg(names.join(QStringLiteral(", "))), true);
        m_composer->setFocus();
        return;
    }
    m_composer->clear();
    m_picker->hide();
    report({}, false);
    m_context.session.chats().send(m_conversation.buyerNick, text).then(this, [this, text](Status st) {
        if (!st) {
            restoreFailed(text, tr("Not sent: %1").arg(st.error().message));
        }
    });
}

void ChatView::restoreFailed(const QString& failed, const QString& why)
{
    // Nothing is lost: the text goes back in front of whatever was typed since, and is kept.
    const QString now = m_composer->toPlainText();
    m_composer->setPlainText(now.trimmed().isEmpty() ? failed : failed + QLatin1Char('\n') + now);
    m_composer->moveCursor(QTextCursor::End);
    saveDraft();
    report(why, true);
}

void ChatView::showOutbox()
{
    const std::vector<session::QueuedReply> waiting = m_context.session.chats().queued(m_conversation.buyerNick);
    m_outbox->setVisible(!waiting.empty());
    if (waiting.empty()) {
        return;
    }
    m_outbox->setText(tr("Replies waiting for the link to the server: %1. They go when it is back (until %2); "
                         "else they come back to the reply box.")
                          .arg(waiting.size())
                          .arg(format::shopTime(waiting.front().until, QStringLiteral("HH:mm:ss"))));
    QStringList texts;
    for (const session::QueuedReply& r : waiting) {
        texts << format::shownLine(r.text);
    }
    m_outbox->setToolTip(texts.join(QLatin1Char('\n')));
}

void ChatView::sendText(const QString& text)
{
    m_context.session.chats().send(m_conversation.buyerNick, text).then(this, [this, text](Status st) {
        if (!st) {
            restoreFailed(text, tr("Not sent: %1").arg(st.error().message));
        }
    });
}

void ChatView::sendOrderCard(const QString& orderNo)
{
    m_context.session.chats().sendOrderCard(m_conversation.buyerNick, orderNo).then(this, [this](Status st) {
        if (!st) {
            report(tr("Order card not sent: %1").arg(st.error().message), true);
        }
    });
}

void ChatView::remindPayment(const QString& orderNo)
{
    m_context.session.chats().remindPayment(m_conversation.buyerNick, orderNo).then(this, [this](Status st) {
        report(st ? tr("Payment reminder sent.") : tr("Reminder not sent: %1").arg(st ? QString() : st.error().message),
               !st);
    });
}

PhraseContext ChatView::phraseContext() const
{
    PhraseContext ctx;
    ctx.buyer = m_conversation.buyerNick;
    ctx.agent = m_context.me().name;
    ctx.shop = m_context.shopName();
    session::ShopSession& s = m_context.session;
    // Only what the person may read fills a variable; the rest stays for them to fill in.
    auto orders = s.may(auth::Operation::OrderView)
                      ? s.orders().ofBuyer(m_conversation.platform, m_conversation.buyerNick, 1)
                      : Result<std::vector<Order>>(std::vector<Order>());
    if (orders && !orders->empty()) {
        ctx.orderNo = orders->front().orderNo;
        auto trace = s.orders().storedTrace(m_conversation.platform, ctx.orderNo);
        if (trace && !trace->empty()) {
            ctx.carrier = trace->back().carrier;
            ctx.tracking = trace->back().trackingNo;
        }
    }
    return ctx;
}

void ChatView::insertPhrase(const QuickReply& phrase)
{
    const FilledPhrase filled = fillPhrase(phrase.text, phraseContext());
    if (m_composer->slashQuery()) {
        m_composer->replaceSlashToken(filled.text);
    } else {
        m_composer->insertPlainText(filled.text);
    }
    m_picker->hide();
    m_composer->setFocus();
    m_phrases.recordUse(phrase.id);
    if (!filled.missing.isEmpty()) {
        m_composer->markGaps();
    }
    report(filled.missing.isEmpty() ? QString()
                                    : tr("Fill in before sending: %1").arg(filled.missing.join(QStringLiteral(", "))),
           false);
}

void ChatView::sendPhrase(const QuickReply& phrase)
{
    const FilledPhrase filled = fillPhrase(phrase.text, phraseContext());
    if (!filled.missing.isEmpty()) {
        insertPhrase(phrase);
        return;
    }
    m_phrases.recordUse(phrase.id);
    sendText(filled.text);
}

void ChatView::pickerAccept()
{
    if (auto phrase = m_picker->current()) {
        insertPhrase(*phrase);
    }
}

void ChatView::showSearch()
{
    m_searchBar->show();
    m_searchBox->setFocus();
    m_searchBox->selectAll();
}

void ChatView::runSearch()
{
    SearchRequest request;
    request.query = m_searchBox->text();
    request.conversations = {m_conversation.id};
    request.limit = 100;
    m_searchResults->clear();
    if (textmatch::splitTerms(request.query).isEmpty()) {
        m_searchResults->hide();
        return;
    }
    const quint64 asked = ++m_searchesAsked;
    m_context.session.history().search(request).then(this, [this, asked](const Result<SearchPage>& page) {
        if (asked == m_searchesAsked) {
            showSearchHits(page);
        }
    });
}

void ChatView::showSearchHits(const Result<SearchPage>& page)
{
    if (!page) {
        report(page.error().message, true);
        return;
    }
    const std::vector<MessageHit>* hits = &page->hits;
    for (const MessageHit& h : *hits) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2").arg(
            format::shopTime(h.message.sentAt, QStringLiteral("MM-dd HH:mm")), format::shownLine(h.message.text)));
        item->setData(Qt::UserRole, h.message.id.value());
        m_searchResults->addItem(item);
    }
    if (hits->empty()) {
        m_searchResults->addItem(tr("Nothing in this conversation matches."));
    }
    m_searchResults->show();
    m_searchResults->setCurrentRow(0);
}

bool ChatView::reveal(MessageId id)
{
    int row = m_model->rowOf(id);
    while (row < 0 && m_model->hasOlder()) {
        if (!m_model->loadOlder()) {
            break;
        }
        row = m_model->rowOf(id);
    }
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_model->index(row);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    return true;
}

void ChatView::transfer()
{
    // Who can take the buyer is the session's to say; the dialog opens when it has answered.
    m_context.session.chats().transferTargets().then(this,
                                                     [this](Result<std::vector<session::TransferTarget>> targets) {
                                                         if (!targets) {
                                                             report(targets.error().message, true);
                                                             return;
                                                         }
                                                         openTransferDialog(*targets);
                                                     });
}

void ChatView::openTransferDialog(const std::vector<session::TransferTarget>& targets)
{
    FormDialog dialog(tr("Transfer %1").arg(m_conversation.buyerNick), this);
    auto* target = new QComboBox(&dialog);
    target->setObjectName(QStringLiteral("transferTarget"));
    auto* items = new QStandardItemModel(target);
    auto load = [](const session::TransferTarget& t) {
        return t.limit > 0 ? QStringLiteral("%1/%2").arg(t.load).arg(t.limit) : QString::number(t.load);
    };
    // Without the platform's team status nobody's presence is known: every target is offered and
    // the platform has the last word.
    const bool statusKnown = m_context.session.offers(platform::Capability::TeamStatus);
    for (const session::TransferTarget& t : targets) {
        const bool online = !statusKnown || t.presence == platform::AgentPresence::Online;
        QString label;
        if (t.agent.isEmpty()) {
            label = !statusKnown ? tr("Group %1").arg(format::groupName(t.group))
                    : online     ? tr("Group %1 · %2 in chats").arg(format::groupName(t.group), load(t))
                                 : tr("Group %1 · nobody online").arg(format::groupName(t.group));
        } else {
            const QString state = !statusKnown                                    ? tr("status unknown")
                                  : t.presence == platform::AgentPresence::Online ? tr("online")
                                  : t.presence == platform::AgentPresence::Away   ? tr("away")
                                                                                  : tr("offline");
            label = statusKnown ? tr("%1 (%2) · %3 · %4").arg(t.agent, format::groupName(t.group), state, load(t))
                                : tr("%1 (%2) · %3").arg(t.agent, format::groupName(t.group), state);
        }
        auto* item = new QStandardItem(label);
        item->setData(QStringList{t.agent, t.agent.isEmpty() ? t.group : QString()}, Qt::UserRole);
        if (!online) {
            // Shown, so the agent sees the whole team, but not choosable: they cannot receive.
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            item->setToolTip(tr("Cannot receive buyers now (not online)."));
        }
        items->appendRow(item);
    }
    target->setModel(items);
    target->setCurrentIndex(-1);
    for (int i = 0; i < items->rowCount(); ++i) {
        if (items->item(i)->isEnabled()) {
            target->setCurrentIndex(i);
            break;
        }
    }
    auto* note = new QLineEdit(&dialog);
    note->setObjectName(QStringLiteral("transferNote"));
    note->setPlaceholderText(tr("What the colleague should know (at most 200 characters)"));
    note->setMaxLength(200);
    note->setText(m_transferNote); // kept from a transfer that failed
    dialog.addRow(tr("To"), target);
    dialog.addRow(tr("Note"), note);
    const bool anyone = target->currentIndex() >= 0;
    if (!anyone) {
        report(tr("Nobody can receive the buyer now: every colleague and group is offline."), true);
        return;
    }
    const int answer = dialog.exec();
    if (answer != QDialog::Accepted || target->currentIndex() < 0) {
        m_transferNote = note->text();
        return;
    }
    const QStringList to = target->currentData(Qt::UserRole).toStringList();
    const QString noteText = note->text();
    m_transferNote = noteText; // until the transfer is confirmed
    m_context.session.chats()
        .transfer(m_conversation.buyerNick, to.value(0), to.value(1), noteText)
        .then(this, [this](Status st) {
            if (st) {
                m_transferNote.clear();
            }
            report(st ? tr("Transferred.") : tr("Not transferred: %1").arg(st ? QString() : st.error().message), !st);
        });
}

void ChatView::closeConversation()
{
    FormDialog dialog(tr("End the chat with %1").arg(m_conversation.buyerNick), this);
    auto* line = new QLineEdit(&dialog);
    // The shop's own closing line (a shop setting), which the agent may change for this buyer.
    const auto texts = m_context.session.chats().shopTexts();
    line->setText(texts ? texts->closingLine : QString());
    auto* invite = new QCheckBox(tr("Invite the buyer to rate this service"), &dialog);
    invite->setChecked(texts && !texts->ratingInvitation.isEmpty());
    invite->setToolTip(texts ? texts->ratingInvitation : QString());
    dialog.addRow(tr("Closing line"), line);
    dialog.addRow(QString(), invite);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_context.session.chats()
        .close(m_conversation.buyerNick, line->text(), invite->isChecked())
        .then(this, [this](Status st) {
            report(st ? tr("Chat ended.") : tr("Not ended: %1").arg(st ? QString() : st.error().message), !st);
        });
}

} // namespace shopdesk::ui
