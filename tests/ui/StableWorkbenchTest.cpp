// The workbench keeps still and keeps what the agent typed: rows change in place under the
// pointer, the open chat stays selected, tabs keep their order, drafts survive everything, and a
// message is read only when the agent can see it.

#include "backend/SimSetup.h"
#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/TimelineModel.h"
#include "records/MessageManagerDialog.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/chat/ChatService.h"
#include "services/history/MessageRepository.h"
#include "services/workbench/WorkbenchRepository.h"
#include "session/Chats.h"
#include "store/SqliteStore.h"
#include "workbench/Alerts.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "support/Await.h"
#include "ui/ModelTesterGuard.h"
#include "ui/WorkbenchFixture.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;

class StableWorkbench : public WorkbenchFixture {
protected:
    void SetUp() override
    {
        agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales"), QStringLiteral("aftersales")});
    }

    /// Moves the world on until the agent serves at least `n` buyers.
    std::vector<ConversationSummary> serving(std::size_t n)
    {
        auto active = routeUntil(n, 3 * 3600 - now());
        if (active.size() >= n) {
            return active;
        }
        ADD_FAILURE() << "fewer than " << n << " buyers were routed to the agent";
        return {};
    }

    QListView* listView() { return window->conversations()->view(); }
    ConversationListModel* listModel() { return window->conversations()->model(); }
    QPoint centreOf(ConversationId id)
    {
        return listView()->visualRect(listModel()->index(listModel()->rowOf(id))).center();
    }
    /// Replies to the buyer through the session (as the agent does), and lets it be stored.
    void reply(const QString& buyer, const QString& text)
    {
        ASSERT_TRUE(await(session->chats().send(buyer, text)).ok());
        confirm();
    }

    auth::Actor agent;
};

TEST_F(StableWorkbench, TheListKeepsItsSelectionAndIsNeverResetWhileFiftyBuyersWrite)
{
    openAs(agent, 3, 50, 11);
    const auto buyers = serving(3);
    ASSERT_GE(buyers.size(), 3u);
    ModelTesterGuard tester(listModel());
    QSignalSpy resets(listModel(), &QAbstractItemModel::modelReset);
    // The agent opens the third buyer: their row is selected.
    ChatView* chat = window->tabs()->open(buyers[2]);
    ASSERT_TRUE(chat);
    ModelTesterGuard timeline(chat->timeline());
    auto selectedId = [&] {
        const ConversationSummary* s = listModel()->summary(listView()->currentIndex().row());
        return s ? s->id : ConversationId();
    };
    ASSERT_EQ(selectedId(), buyers[2].id);
    std::size_t mostServed = 0;
    const qint64 end = now() + 120;
    for (qint64 t = now() + 1; t < end; t += 2) {
        advance(t);
        mostServed = std::max(mostServed, listModel()->active().size());
        ASSERT_EQ(selectedId(), buyers[2].id) << "at " << t << " s the selection moved to another buyer";
    }
    EXPECT_GE(mostServed, 3u);
    EXPECT_EQ(resets.count(), 0) << "the list was reset";
    EXPECT_EQ(tester.failures(), 0) << tester.report().toStdString();
    EXPECT_EQ(timeline.failures(), 0) << timeline.report().toStdString();
}

TEST_F(StableWorkbench, AClickWhileTheListWouldReorderOpensTheRowThatWasUnderThePointer)
{
    openAs(agent, 2, 30, 3);
    auto buyers = serving(3);
    ASSERT_GE(buyers.size(), 3u);
    // Everyone waits for an answer; the list is longest-waiting first.
    const ConversationSummary top = listModel()->active()[0];
    const ConversationSummary second = listModel()->active()[1];
    const QPoint aim = centreOf(second.id);
    QTest::mouseMove(listView()->viewport(), aim);
    ASSERT_TRUE(listModel()->frozen()) << "pointing at the list holds its order";

    // The top buyer is answered meanwhile (on another tab, by the agent): unfrozen, their row
    // would drop below and the second buyer's row would move up into the top one's place.
    reply(top.buyerNick, QStringLiteral("亲，在的"));
    EXPECT_TRUE(listModel()->pendingOrder()) << "the answer reorders the list: the test would catch a move";
    EXPECT_EQ(centreOf(second.id), aim) << "the row under the pointer moved";

    QTest::mouseClick(listView()->viewport(), Qt::LeftButton, {}, aim);
    ASSERT_TRUE(window->tabs()->current());
    EXPECT_EQ(window->tabs()->current()->buyerNick(), second.buyerNick) << "the click opened another buyer";

    // Once the pointer rests, the new order comes in.
    QTest::mouseMove(window->tabs(), QPoint(5, 5));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !listModel()->frozen(); }, ConversationListPanel::kHoldMs + 1500));
    EXPECT_FALSE(listModel()->pendingOrder());
    EXPECT_GT(listModel()->rowOf(top.id), listModel()->rowOf(second.id)) << "the answered buyer moved down";
}

TEST_F(StableWorkbench, TabsKeepTheirOrderAndTheirDraftsThroughSendsAndTheRecordsDialog)
{
    // An agent who may also delete records.
    ASSERT_TRUE(b->roles()
                    .create(b.owner(), QStringLiteral("记录管理"), auth::PermissionSet{auth::Permission::HistoryDelete})
                    .ok());
    ASSERT_TRUE(
        b->accounts().setRoles(b.owner(), agent.name, {QStringLiteral("presales"), QStringLiteral("记录管理")}).ok());
    openAs(agent, 2, 30, 3);
    auto buyers = serving(3);
    ASSERT_GE(buyers.size(), 3u);
    ChatTabs* tabs = window->tabs();
    std::vector<ChatView*> views;
    for (int i = 0; i < 3; ++i) {
        views.push_back(tabs->open(buyers[static_cast<std::size_t>(i)]));
    }
    auto order = [&] {
        QStringList nicks;
        for (int i = 0; i < tabs->count(); ++i) {
            nicks << tabs->viewAt(i)->buyerNick();
        }
        return nicks;
    };
    const QStringList before = order();

    // A send from the first tab, confirmed by the platform.
    tabs->setCurrentIndex(0);
    views[0]->composer()->setPlainText(QStringLiteral("亲，马上为您查询"));
    views[0]->send();
    confirm();
    EXPECT_EQ(order(), before);
    // The second tab's half-typed reply and the records dialog of the first.
    views[1]->composer()->setPlainText(QStringLiteral("还没写完的回复"));
    views[0]->composer()->setPlainText(QStringLiteral("第一位的草稿"));
    tabs->setCurrentIndex(0);
    const int rowsBefore = views[0]->timeline()->rowCount();
    ASSERT_GE(rowsBefore, 2);
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<MessageManagerDialog*>(QApplication::activeModalWidget());
        ASSERT_TRUE(dialog);
        dialog->list()->setCurrentRow(0); // the newest message
        auto removed = await(dialog->deleteSelected());
        EXPECT_TRUE(removed.ok() && *removed == 1);
        dialog->reject();
    });
    window->openMessageManager();
    EXPECT_EQ(order(), before) << "the records dialog moved the tab";
    EXPECT_EQ(tabs->viewAt(0), views[0]) << "the tab was closed and reopened";
    EXPECT_EQ(views[0]->timeline()->rowCount(), rowsBefore - 1) << "the deleted record is gone from the timeline";
    EXPECT_EQ(views[0]->composer()->toPlainText(), QStringLiteral("第一位的草稿"));
    tabs->setCurrentIndex(1);
    tabs->setCurrentIndex(2);
    tabs->setCurrentIndex(1);
    EXPECT_EQ(views[1]->composer()->toPlainText(), QStringLiteral("还没写完的回复"));
    EXPECT_EQ(order(), before);
}

TEST_F(StableWorkbench, ADraftSurvivesClosingTheTabRestartingAndAFailedSend)
{
    openAs(agent, 2, 30, 3);
    auto buyers = serving(1);
    ASSERT_FALSE(buyers.empty());
    const ConversationSummary buyer = buyers.front();
    ChatView* chat = window->tabs()->open(buyer);
    // (Chinese arrives as an input method commits it.)
    chat->composer()->insertPlainText(QStringLiteral("亲，您要的尺码"));
    // Closing the tab keeps it; reopening brings it back.
    window->tabs()->closeTab(window->tabs()->indexOf(chat));
    settle();
    chat = window->tabs()->open(buyer);
    EXPECT_EQ(chat->composer()->toPlainText(), QStringLiteral("亲，您要的尺码"));

    // A restart of the workbench (a new window over the same shop).
    chat->composer()->insertPlainText(QStringLiteral("有货"));
    QTest::qWait(ChatView::kDraftSaveMs + 100);
    settle();
    window.reset();
    settle();
    window = std::make_unique<ui::MainWindow>(*context);
    window->show();
    settle();
    chat = window->tabs()->open(buyer);
    EXPECT_EQ(chat->composer()->toPlainText(), QStringLiteral("亲，您要的尺码有货"));

    // A send refused at once (too long) puts the text straight back.
    const QString tooLong = QStringLiteral("很长的回复") + QString(ChatService::kMaxMessageChars, QChar(u'!'));
    chat->composer()->setPlainText(tooLong);
    chat->send();
    settle();
    EXPECT_TRUE(chat->composer()->toPlainText() == tooLong)
        << "the box holds " << chat->composer()->toPlainText().size() << " characters";
    EXPECT_TRUE(chat->statusLine()->isVisible()) << "the failure is said";

    // A send refused later (a colleague's buyer, checked on the session's worker) keeps both the
    // failed text and what the agent typed meanwhile.
    QStringList theirs;
    live->sim()->inspect([&](const platform::sim::SimulatedShop& s) { theirs = s.buyersOf(SimSetup::botName(0)); });
    ASSERT_FALSE(theirs.isEmpty());
    auto colleagues = session->chats().ofBuyer(QStringLiteral("sim"), theirs.front());
    ASSERT_TRUE(colleagues.ok() && colleagues->has_value());
    ChatView* other = window->tabs()->open(**colleagues);
    other->composer()->setPlainText(QStringLiteral("亲，我来帮您看看"));
    other->send();
    // (The refusal may come back before the next keystroke or after it.)
    const bool refusedAlready = !other->composer()->toPlainText().isEmpty();
    other->composer()->insertPlainText(QStringLiteral("补一句"));
    settle();
    const QString expected =
        refusedAlready ? QStringLiteral("亲，我来帮您看看补一句") : QStringLiteral("亲，我来帮您看看\n补一句");
    EXPECT_EQ(other->composer()->toPlainText(), expected);
    EXPECT_TRUE(other->statusLine()->isVisible());
    QTest::qWait(ChatView::kDraftSaveMs + 100);
    settle();
    auto kept = session->chats().draft(QStringLiteral("sim"), theirs.front());
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(*kept, expected);
    window->tabs()->setCurrentWidget(chat);

    // A sent reply forgets its draft.
    chat->composer()->setPlainText(QStringLiteral("好的亲"));
    chat->send();
    confirm();
    QTest::qWait(ChatView::kDraftSaveMs + 100);
    settle();
    kept = session->chats().draft(buyer.platform, buyer.buyerNick);
    ASSERT_TRUE(kept.ok());
    EXPECT_TRUE(kept->isEmpty());
}

TEST_F(StableWorkbench, MessagesAreReadOnlyWhileTheAgentCanSeeThem)
{
    openAs(agent, 2, 30, 3);
    auto buyers = serving(1);
    ASSERT_FALSE(buyers.empty());
    const ConversationSummary buyer = buyers.front();
    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    ChatView* chat = window->tabs()->open(buyer);
    settle();
    EXPECT_EQ(listModel()->unread(buyer.id), 0) << "seen: the chat is open in the active window";

    // The agent switches to another program; the buyer writes again.
    QWidget other;
    other.resize(200, 100);
    other.show();
    QApplication::setActiveWindow(&other);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&other));
    ASSERT_FALSE(window->isActiveWindow());
    const int alertsBefore = window->alerts()->raised();
    const int rowsBefore = chat->timeline()->rowCount();
    const qint64 end = now() + 900;
    for (qint64 t = now() + 30; t < end && chat->timeline()->rowCount() == rowsBefore; t += 30) {
        advance(t);
    }
    ASSERT_GT(chat->timeline()->rowCount(), rowsBefore) << "the buyer wrote again";
    EXPECT_GT(listModel()->unread(buyer.id), 0) << "shown in an inactive window is not read";
    EXPECT_GT(window->alerts()->raised(), alertsBefore) << "and it alerts";

    // Back at the workbench: read.
    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    settle();
    EXPECT_EQ(listModel()->unread(buyer.id), 0);
    // The store has the mark too: a fresh read of the list agrees.
    advance(now() + 1);
    EXPECT_EQ(listModel()->unread(buyer.id), 0);
}

} // namespace
} // namespace shopdesk::test
