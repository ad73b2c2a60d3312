// The supervisor's pages under a moving shop: the live queue refreshes only while shown and by
// rows (its selection stays), the accounts and audit tables too, every table model passes Qt's
// model tester, and a button acts on the account's state as read, not on its label.

#include "common/TableRows.h"
#include "console/AccountDialog.h"
#include "console/AccountsPage.h"
#include "console/AuditPage.h"
#include "console/ConsoleWindow.h"
#include "console/QueuePage.h"
#include "services/accounts/AccountService.h"
#include "services/routing/RoutingConfigService.h"

#include "services/workbench/WorkbenchRepository.h"
#include "session/Chats.h"
#include "store/SqliteStore.h"
#include "support/Await.h"
#include "support/TempStore.h"
#include "ui/ModelTesterGuard.h"
#include "ui/WorkbenchFixture.h"
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;
using Page = ConsoleWindow::Page;

class ConsolePages : public WorkbenchFixture {};

TEST_F(ConsolePages, TheLiveQueueRefreshesOnlyWhileShownAndKeepsTheChosenBuyer)
{
    openAs(b.owner(), 4, 40);
    advance(600);
    ConsoleWindow console(*context);
    auto* queue = qobject_cast<QueuePage*>(console.page(Page::Queue));
    ASSERT_TRUE(queue);
    EXPECT_FALSE(queue->refreshing()) << "a page nobody looks at does not refresh";
    console.show();
    console.showPage(Page::Queue);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&console));
    EXPECT_TRUE(queue->refreshing());
    ASSERT_GT(queue->sessionModel()->rowCount(), 1);

    ModelTesterGuard sessions(queue->sessionModel());
    QSignalSpy resets(queue->sessionModel(), &QAbstractItemModel::modelReset);
    const QString chosen = queue->sessionModel()->keyAt(queue->sessionModel()->rowCount() - 1);
    ASSERT_TRUE(queue->selectSession(chosen));
    for (qint64 t = now() + 5; t < 900; t += 5) {
        advance(t);
        ASSERT_TRUE(queue->reload());
        const auto rows = queue->sessionTable()->selectionModel()->selectedRows();
        if (queue->sessionModel()->rowOfKey(chosen) < 0) {
            break; // the buyer's chat ended: nothing is selected instead of another buyer
        }
        ASSERT_EQ(rows.size(), 1);
        ASSERT_EQ(queue->sessionModel()->keyAt(rows.front().row()), chosen) << "at " << t << " s";
    }
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(sessions.failures(), 0) << sessions.report().toStdString();

    console.showPage(Page::Accounts);
    EXPECT_FALSE(queue->refreshing()) << "hidden again: it stops";
}

TEST_F(ConsolePages, ASupervisorTakesOverAColleaguesChatFromTheQueuePage)
{
    const auth::Actor lead = b.account(QStringLiteral("主管老李"), {QStringLiteral("supervisor")});
    openAs(lead, 3, 20);
    ASSERT_TRUE(await(session->chats().setPresence(platform::AgentPresence::Online)).ok());
    advance(600);
    ConsoleWindow console(*context);
    auto* queue = qobject_cast<QueuePage*>(console.page(Page::Queue));
    ASSERT_TRUE(queue);
    ASSERT_TRUE(queue->reload());
    QString buyer;
    QString colleague;
    for (int r = 0; r < queue->sessionModel()->rowCount() && buyer.isEmpty(); ++r) {
        if (queue->sessionModel()->text(r, 1).startsWith(QStringLiteral("客服"))) {
            buyer = queue->sessionModel()->keyAt(r);
            colleague = queue->sessionModel()->text(r, 1);
        }
    }
    ASSERT_FALSE(buyer.isEmpty()) << "a colleague serves a buyer";
    ASSERT_TRUE(queue->selectSession(buyer));
    const qint64 supervisedBefore = queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'chat.supervise'");
    auto* takeOver = queue->findChild<QPushButton*>(QStringLiteral("takeOver"));
    ASSERT_TRUE(takeOver && takeOver->isEnabled());
    QTest::mouseClick(takeOver, Qt::LeftButton);
    confirm();
    settle();
    auto now = b->store().workbench().conversationOfBuyer(QStringLiteral("sim"), buyer);
    ASSERT_TRUE(now.ok() && now->has_value());
    EXPECT_EQ((*now)->agent, QStringLiteral("主管老李")) << "taken from " << colleague.toStdString();
    EXPECT_EQ((*now)->state, ConversationSummary::State::Active);
    EXPECT_GT(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'chat.supervise'"), supervisedBefore)
        << "the take-over is audited";
}

TEST_F(ConsolePages, TheQueueAndAgentTablesPassTheModelTester)
{
    openAs(b.owner(), 4, 60);
    ConsoleWindow console(*context);
    auto* queue = qobject_cast<QueuePage*>(console.page(Page::Queue));
    ASSERT_TRUE(queue);
    ModelTesterGuard queued(queue->queueModel());
    ModelTesterGuard agents(queue->agentModel());
    for (qint64 t = 20; t < 900; t += 20) {
        advance(t);
        ASSERT_TRUE(queue->reload());
        test::settle(2);
    }
    EXPECT_EQ(queued.failures(), 0) << queued.report().toStdString();
    EXPECT_EQ(agents.failures(), 0) << agents.report().toStdString();
}

TEST_F(ConsolePages, AccountsAndAuditUpdateByRowsAndKeepTheSelection)
{
    openAs(b.owner());
    ConsoleWindow console(*context);
    auto* accounts = qobject_cast<AccountsPage*>(console.page(Page::Accounts));
    auto* audit = qobject_cast<AuditPage*>(console.page(Page::Audit));
    ASSERT_TRUE(accounts && audit);
    ModelTesterGuard accountRows(accounts->model());
    QSignalSpy resets(accounts->model(), &QAbstractItemModel::modelReset);
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ASSERT_TRUE(accounts->reload());
    ASSERT_TRUE(accounts->select(QStringLiteral("小美")));
    for (int i = 0; i < 5; ++i) {
        b.account(QStringLiteral("新人%1").arg(i), {QStringLiteral("trainee")});
        ASSERT_TRUE(accounts->reload());
        EXPECT_EQ(accounts->selectedName(), QStringLiteral("小美"));
    }
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(accountRows.failures(), 0) << accountRows.report().toStdString();

    ModelTesterGuard auditRows(audit->model());
    QSignalSpy auditResets(audit->model(), &QAbstractItemModel::modelReset);
    ASSERT_TRUE(audit->reload());
    const int before = audit->model()->rowCount();
    const QString top = audit->model()->keyAt(0);
    audit->table()->selectRow(0);
    b.account(QStringLiteral("又一个"), {QStringLiteral("trainee")}); // audited: account.create
    ASSERT_TRUE(audit->reload());
    EXPECT_GT(audit->model()->rowCount(), before);
    const auto selected = audit->table()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(audit->model()->keyAt(selected.front().row()), top) << "new entries come in above the chosen one";
    EXPECT_EQ(auditResets.count(), 0);
    EXPECT_EQ(auditRows.failures(), 0) << auditRows.report().toStdString();
}

TEST_F(ConsolePages, EnableActsOnTheStateReadNotOnTheLabel)
{
    openAs(b.owner());
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    // Locked by wrong passwords and disabled by a supervisor: the label says "disabled, locked".
    for (int i = 0; i < 5; ++i) {
        (void)b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong-password"));
    }
    ASSERT_TRUE(b->accounts().setDisabled(b.owner(), mei.name, true).ok());
    ConsoleWindow console(*context);
    auto* page = qobject_cast<AccountsPage*>(console.page(Page::Accounts));
    ASSERT_TRUE(page);
    ASSERT_TRUE(page->reload());
    ASSERT_TRUE(page->select(QStringLiteral("小美")));
    ASSERT_TRUE(page->selected()->disabled);
    ASSERT_TRUE(await(page->toggleDisabled()).ok());
    auto list = b->accounts().list(b.owner());
    ASSERT_TRUE(list.ok());
    const auto it =
        std::find_if(list->begin(), list->end(), [](const Account& a) { return a.name == QStringLiteral("小美"); });
    ASSERT_NE(it, list->end());
    EXPECT_FALSE(it->disabled) << "enable enabled it";
    EXPECT_EQ(page->selectedName(), QStringLiteral("小美")) << "and the row stayed chosen";
}

TEST_F(ConsolePages, AnAccountsRolesGroupAndLimitAreEditedAndALockedAccountIsUnlocked)
{
    auth::Actor owner = b.owner();
    ASSERT_TRUE(
        b->routing().save(owner, {}, {{QStringLiteral("presales"), 8}, {QStringLiteral("aftersales"), 5}}).ok());
    openAs(owner);
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ConsoleWindow console(*context);
    auto* page = qobject_cast<AccountsPage*>(console.page(Page::Accounts));
    ASSERT_TRUE(page);
    ASSERT_TRUE(page->reload());
    ASSERT_TRUE(page->select(QStringLiteral("小美")));
    AccountDialog* dialog = page->editSelected();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->nameEdit()->isReadOnly());
    EXPECT_FALSE(dialog->passwordEdit()->isVisible()) << "no password when editing";
    ASSERT_TRUE(dialog->roleBox(QStringLiteral("presales"))->isChecked());
    dialog->roleBox(QStringLiteral("aftersales"))->setChecked(true);
    dialog->groupBox()->setCurrentIndex(dialog->groupBox()->findData(QStringLiteral("aftersales")));
    dialog->limitBox()->setValue(6);
    ASSERT_TRUE(await(page->change(*page->selected(), dialog->account())).ok())
        << page->messageLabel()->text().toStdString();
    dialog->close();
    auto list = b->accounts().list(b.owner());
    ASSERT_TRUE(list.ok());
    const auto it =
        std::find_if(list->begin(), list->end(), [](const Account& a) { return a.name == QStringLiteral("小美"); });
    ASSERT_NE(it, list->end());
    EXPECT_TRUE(it->roles.contains(QStringLiteral("aftersales")) && it->roles.contains(QStringLiteral("presales")));
    EXPECT_EQ(it->group, QStringLiteral("aftersales"));
    EXPECT_EQ(it->receptionLimit, 6);

    // Locked by wrong passwords: 解锁 unlocks, and the account is still enabled.
    for (int i = 0; i < 5; ++i) {
        (void)b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong-password"));
    }
    ASSERT_TRUE(page->reload());
    ASSERT_TRUE(page->select(QStringLiteral("小美")));
    EXPECT_TRUE(page->unlockButton()->isEnabled());
    ASSERT_TRUE(await(page->unlockSelected()).ok());
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("agent-pass-1")).ok()) << "unlocked";
    Q_UNUSED(mei)
}

} // namespace
} // namespace shopdesk::test
