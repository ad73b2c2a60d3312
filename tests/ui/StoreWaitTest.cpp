// Another program holding the shop's database (a `shopdeskctl history import`, say) never freezes
// the workbench: the agent keeps typing, the status bar says what the desk waits for, and what was
// typed is saved once the database is free.

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "session/Chats.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "support/TempStore.h"
#include "ui/WorkbenchFixture.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QTest>
#include <QTimer>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;

class StoreWait : public WorkbenchFixture {};

TEST_F(StoreWait, TheDeskKeepsWorkingAndSaysSoWhileAnotherProgramHoldsTheDatabase)
{
    const auth::Actor agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    openAs(agent, 2, 30, 7);
    const std::vector<ConversationSummary> buyers = routeUntil(1);
    ASSERT_FALSE(buyers.empty()) << "a buyer was routed to the agent";
    ChatView* chat = window->tabs()->open(buyers.front());
    settle();
    EXPECT_FALSE(window->linkState()->text().contains(QStringLiteral("database")));

    QProcess holder;
    holder.start(binary("store_lock_helper"), {b.path(), QStringLiteral("4")});
    ASSERT_TRUE(holder.waitForReadyRead(10000));
    ASSERT_EQ(holder.readLine().trimmed(), QByteArray("locked"));

    // The agent types; the draft is saved a moment later, which has to wait for the database.
    chat->composer()->setFocus();
    chat->composer()->insertPlainText(QStringLiteral("亲，正在为您查询物流"));

    // The event loop keeps turning all the while: a 10 ms ticker never comes back late by much.
    qint64 worstGapMs = 0;
    QElapsedTimer gap;
    gap.start();
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] { worstGapMs = std::max(worstGapMs, gap.restart()); });
    ticker.start();
    bool said = false;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 3500 && !said) {
        QTest::qWait(50);
        said = window->linkState()->text().contains(QStringLiteral("Waiting for the database"));
    }
    EXPECT_TRUE(said) << "the status bar says the desk waits for the database";
    EXPECT_LT(worstGapMs, 500) << "the GUI thread waited on the store writer";
    EXPECT_EQ(chat->composer()->toPlainText(), QStringLiteral("亲，正在为您查询物流"));

    // The other program finishes: the wait ends, the notice goes, the draft is in the file.
    // (Waited for by turning the event loop, not by blocking in QProcess, which would be a stall.)
    ASSERT_TRUE(QTest::qWaitFor([&] { return holder.state() == QProcess::NotRunning; }, 10000));
    QElapsedTimer after;
    after.start();
    while (after.elapsed() < 5000 && window->linkState()->text().contains(QStringLiteral("database"))) {
        QTest::qWait(50);
    }
    EXPECT_FALSE(window->linkState()->text().contains(QStringLiteral("database")));
    while (after.elapsed() < 8000 &&
           queryInt(b.path(), "SELECT count(*) FROM drafts WHERE text = '亲，正在为您查询物流'") == 0) {
        QTest::qWait(50);
    }
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM drafts WHERE text = '亲，正在为您查询物流'"), 1);
    EXPECT_LT(worstGapMs, 500);
}

} // namespace
} // namespace shopdesk::test
