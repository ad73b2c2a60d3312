#include "MainWindow.h"

#include "services/history/MessageRepository.h"
#include "services/search/SearchService.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace shopdesk::ui {

namespace {

QString timeText(Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t.ms()).toString(QStringLiteral("MM-dd HH:mm:ss"));
}

QString lineFor(const Message& m)
{
    const QString who = m.sender == Sender::Agent   ? MainWindow::tr("客服 %1").arg(m.agent)
                        : m.sender == Sender::Buyer ? MainWindow::tr("买家")
                                                    : MainWindow::tr("系统");
    return QStringLiteral("[%1] %2：%3").arg(timeText(m.sentAt), who, m.text);
}

} // namespace

MainWindow::MainWindow(MessageRepository& messages, SearchService& search, auth::Actor actor, QWidget* parent)
    : QMainWindow(parent)
    , m_messages(messages)
    , m_search(search)
    , m_actor(std::move(actor))
    , m_conversations(new QListWidget(this))
    , m_history(new QPlainTextEdit(this))
    , m_searchBox(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("ShopDesk 客服工作台 — %1").arg(m_actor.fullName()));
    resize(1100, 700);

    auto* toolbar = addToolBar(tr("搜索"));
    toolbar->setMovable(false);
    m_searchBox->setPlaceholderText(tr("搜索全部聊天记录（回车）"));
    m_searchBox->setClearButtonEnabled(true);
    toolbar->addWidget(m_searchBox);

    m_history->setReadOnly(true);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_conversations);
    splitter->addWidget(m_history);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);
    statusBar()->addWidget(m_status);

    connect(m_searchBox, &QLineEdit::returnPressed, this, &MainWindow::runSearch);
    connect(m_conversations, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item) {
            showConversation(item->data(Qt::UserRole).toLongLong());
        }
    });
    reloadConversations();
}

void MainWindow::reloadConversations()
{
    m_conversations->clear();
    auto list = m_messages.recentConversations(200);
    if (!list) {
        m_status->setText(list.error().message);
        return;
    }
    for (const Conversation& c : *list) {
        auto* item = new QListWidgetItem(tr("%1  (%2 条)").arg(c.buyerNick).arg(c.messageCount), m_conversations);
        item->setData(Qt::UserRole, c.id.value());
    }
    auto count = m_messages.messageCount();
    m_status->setText(tr("%1 个会话，%2 条消息").arg(list->size()).arg(count ? *count : 0));
    if (m_conversations->count() > 0) {
        m_conversations->setCurrentRow(0);
    }
}

void MainWindow::showConversation(qint64 conversationId)
{
    auto page = m_messages.page(ConversationId(conversationId), 200, MessageId());
    if (!page) {
        m_status->setText(page.error().message);
        return;
    }
    QStringList lines;
    for (const Message& m : *page) {
        lines << lineFor(m);
    }
    m_history->setPlainText(lines.join(QLatin1Char('\n')));
}

void MainWindow::runSearch()
{
    SearchRequest request;
    request.query = m_searchBox->text();
    auto hits = m_search.search(m_actor, request);
    if (!hits) {
        m_status->setText(hits.error().message);
        return;
    }
    QStringList lines;
    for (const MessageHit& h : *hits) {
        lines << QStringLiteral("%1 · %2").arg(h.buyerNick, lineFor(h.message));
    }
    m_history->setPlainText(lines.join(QLatin1Char('\n')));
    m_status->setText(tr("找到 %1 条").arg(hits->size()));
}

} // namespace shopdesk::ui
