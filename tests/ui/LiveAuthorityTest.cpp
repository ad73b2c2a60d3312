// The open workbench follows the account's current state: a supervisor's change on another desk
// reaches it within a second, without a restart and without the agent doing anything.

#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "session/Chats.h"
#include "side/LogisticsTab.h"
#include "side/OrdersTab.h"
#include "side/RefundsTab.h"
#include "side/SidePanel.h"

#include "support/Await.h"
#include "support/TempStore.h"
#include "ui/WorkbenchFixture.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;

class LiveAuthority : public WorkbenchFixture {
protected:
    void SetUp() override
    {
        agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales"), QStringLiteral("aftersales")});
    }
    auth::Actor agent;
};

TEST_F(LiveAuthority, ADisabledAgentIsLoggedOutWithinASecondAndToldWhy)
{
    openAs(agent);
    QSignalSpy loggedOut(window.get(), &MainWindow::loggedOut);
    ASSERT_TRUE(window->isVisible());
    // A window that is still there after a while was not closed by accident.
    QTest::qWait(600);
    ASSERT_TRUE(window->isVisible());
    ASSERT_EQ(loggedOut.count(), 0);

    ASSERT_TRUE(b->accounts().setDisabled(b.owner(), agent.name, true).ok());
    QElapsedTimer elapsed;
    elapsed.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return loggedOut.count() == 1; }, 1000)) << "not logged out within 1 s";
    EXPECT_LE(elapsed.elapsed(), 1000);
    EXPECT_FALSE(window->isVisible());
    ASSERT_EQ(loggedOut.count(), 1);
    const QString why = loggedOut.front().front().toString();
    EXPECT_TRUE(why.contains(QStringLiteral("disabled")) || why.contains(QStringLiteral("停用"))) << why.toStdString();
    EXPECT_TRUE(session->isEnded());
    // And the very next call is refused by the service, whatever a widget might still try.
    EXPECT_FALSE(await(session->chats().setPresence(platform::AgentPresence::Online)).ok());
}

TEST_F(LiveAuthority, ADeletedAgentIsLoggedOutToo)
{
    openAs(agent);
    QSignalSpy loggedOut(window.get(), &MainWindow::loggedOut);
    ASSERT_TRUE(b->accounts().remove(b.owner(), agent.name, true).ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return loggedOut.count() == 1; }, 1000)) << "not logged out within 1 s";
    EXPECT_FALSE(window->isVisible());
}

TEST_F(LiveAuthority, ARemovedPermissionDisablesItsControlWithinASecond)
{
    openAs(agent);
    RefundsTab* refunds = window->side()->refunds();
    // The agent holds refund.agree: the button is not gated off (it waits for a refund to be chosen).
    ASSERT_FALSE(refunds->agreeButton()->toolTip().contains(QStringLiteral("refund.agree")));

    // The supervisor takes after-sales away on their own desk.
    ASSERT_TRUE(b->accounts().setRoles(b.owner(), agent.name, {QStringLiteral("presales")}).ok());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return refunds->agreeButton()->toolTip().contains(QStringLiteral("refund.agree")); }, 1000))
        << "the agree button still offered after 1 s";
    EXPECT_FALSE(refunds->agreeButton()->isEnabled());
    EXPECT_FALSE(session->can(auth::Permission::RefundAgree));
    EXPECT_TRUE(window->isVisible()) << "a role change keeps the agent working";

    // Given back, the control comes back.
    ASSERT_TRUE(
        b->accounts().setRoles(b.owner(), agent.name, {QStringLiteral("presales"), QStringLiteral("aftersales")}).ok());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return !refunds->agreeButton()->toolTip().contains(QStringLiteral("refund.agree")); }, 1000));
}

TEST_F(LiveAuthority, APaneWithoutItsReadPermissionSaysSoInsteadOfAsking)
{
    // A chat-only role: conversations and replies, no orders, refunds or logistics.
    ASSERT_TRUE(b->roles()
                    .create(b.owner(), QStringLiteral("只聊天"),
                            auth::PermissionSet{auth::Permission::ChatRead, auth::Permission::ChatReply})
                    .ok());
    auto chatter = b.account(QStringLiteral("小周"), {QStringLiteral("只聊天")});
    const qint64 auditBefore = queryInt(b.path(), "SELECT count(*) FROM audit");
    openAs(chatter, 2, 20);
    for (qint64 t = 60; t <= 1200; t += 60) {
        advance(t);
    }
    OrdersTab* orders = window->side()->orders();
    EXPECT_FALSE(orders->isEnabled());
    EXPECT_TRUE(orders->messageLabel()->text().contains(QStringLiteral("order.view")))
        << orders->messageLabel()->text().toStdString();
    EXPECT_FALSE(window->side()->refunds()->isEnabled());
    EXPECT_FALSE(window->side()->logistics()->isEnabled());
    // Twenty refreshes later: nothing was refused, so nothing was audited.
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'permission.denied'"), 0);
    EXPECT_LE(queryInt(b.path(), "SELECT count(*) FROM audit") - auditBefore, 3);

    // Given order.view, the pane opens within a second.
    ASSERT_TRUE(b->roles()
                    .edit(b.owner(), QStringLiteral("只聊天"),
                          auth::PermissionSet{auth::Permission::ChatRead, auth::Permission::ChatReply,
                                              auth::Permission::OrderView})
                    .ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return orders->isEnabled(); }, 1000));
    EXPECT_FALSE(orders->messageLabel()->text().contains(QStringLiteral("order.view")));
}

} // namespace
} // namespace shopdesk::test
