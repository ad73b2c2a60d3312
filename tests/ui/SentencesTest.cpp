// Small sentences that must not mislead: a search that stopped at a page says so and offers the
// rest; the audit page names actions as people read them.

#include "chat/ChatTabs.h"
#include "common/TableRows.h"
#include "console/AuditPage.h"
#include "console/ConsoleWindow.h"
#include "platform/sim/SimulatedShop.h"
#include "side/OrdersTab.h"
#include "side/RefundsTab.h"
#include "side/SideListModel.h"
#include "side/SidePanel.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"
#include "workbench/HistorySearchDialog.h"

#include "support/TempStore.h"
#include "ui/WorkbenchFixture.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;

class Sentences : public WorkbenchFixture {};

TEST_F(Sentences, AHistorySearchThatStoppedAtAPageSaysSoAndOffersTheOlderMatches)
{
    std::vector<ImportRecord> records;
    for (int i = 0; i < 250; ++i) {
        records.emplace_back(message(QStringLiteral("c-many"), QStringLiteral("tb_多问"), Sender::Buyer, 60 * i,
                                     QStringLiteral("第%1次问：今天能发货吗").arg(i)));
    }
    ingestAndWait(b->store().history(), std::move(records));
    openAs(b.owner());
    window->historySearch()->setText(QStringLiteral("能发货"));
    window->runHistorySearch();
    HistorySearchDialog* d = window->lastSearch();
    ASSERT_TRUE(d);
    EXPECT_EQ(d->shown(), HistorySearchDialog::kPage);
    EXPECT_TRUE(d->summary()->text().contains(QStringLiteral("older"))) << d->summary()->text().toStdString();
    EXPECT_FALSE(d->summary()->text().contains(QStringLiteral("250")));
    ASSERT_FALSE(d->moreButton()->isHidden());
    d->moreButton()->click();
    EXPECT_EQ(d->shown(), 250);
    EXPECT_EQ(d->list()->count(), 250);
    EXPECT_TRUE(d->summary()->text().contains(QStringLiteral("250"))) << d->summary()->text().toStdString();
    EXPECT_TRUE(d->moreButton()->isHidden()) << "nothing older is left";
    d->close();

    // Query syntax typed into the box is taken literally, and says when nothing matched.
    window->historySearch()->setText(QStringLiteral("\"NEAR( 发货 OR *"));
    window->runHistorySearch();
    ASSERT_TRUE(window->lastSearch());
    EXPECT_EQ(window->lastSearch()->shown(), 0);
    EXPECT_FALSE(window->lastSearch()->summary()->text().isEmpty());
}

TEST_F(Sentences, TheAuditPageNamesActionsAsPeopleReadThem)
{
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    openAs(b.owner());
    ConsoleWindow console(*context);
    auto* audit = qobject_cast<AuditPage*>(console.page(ConsoleWindow::Page::Audit));
    ASSERT_TRUE(audit);
    ASSERT_TRUE(audit->reload());
    bool sawCreate = false;
    for (int r = 0; r < audit->model()->rowCount(); ++r) {
        const QString action = audit->model()->text(r, 3);
        EXPECT_NE(action, QStringLiteral("account.create")) << "a raw key";
        sawCreate =
            sawCreate || action == QStringLiteral("新建子账号") || action == QStringLiteral("Create a sub-account");
    }
    EXPECT_TRUE(sawCreate) << "the account's creation, by its name";
}

TEST_F(Sentences, ATraineesRefundTabSaysItIsNotAllowedNotThatThereAreNone)
{
    const auth::Actor trainee = b.account(QStringLiteral("新人小林"), {QStringLiteral("trainee")});
    openAs(trainee, 2, 20);
    const std::vector<ConversationSummary> mine = routeUntil(1);
    ASSERT_FALSE(mine.empty());
    window->tabs()->open(mine.front());
    settle();
    RefundsTab* refunds = window->side()->refunds();
    EXPECT_FALSE(refunds->messageLabel()->isHidden());
    EXPECT_TRUE(refunds->messageLabel()->text().contains(QStringLiteral("permission")))
        << refunds->messageLabel()->text().toStdString();
    for (int r = 0; r < refunds->model()->rowCount(); ++r) {
        EXPECT_FALSE(refunds->model()->index(r).data().toString().contains(QStringLiteral("No refund requests")));
    }
}

TEST_F(Sentences, ThePriceDialogOpensWithTheKeyboardInItsField)
{
    openAs(b.owner(), 3, 8);
    advance(3 * 3600);
    std::optional<Order> unpaid;
    live->sim()->inspect([&](const platform::sim::SimulatedShop& s) {
        for (const Order& o : s.allOrders()) {
            if (!unpaid && o.status == OrderStatus::WaitBuyerPay) {
                unpaid = o;
            }
        }
    });
    ASSERT_TRUE(unpaid);
    ASSERT_TRUE(window->openBuyer(unpaid->platform, unpaid->buyerNick));
    OrdersTab* tab = window->side()->orders();
    ASSERT_TRUE(tab->select(unpaid->orderNo));
    bool focused = false;
    onModalDialog([&](QDialog& d) {
        // The dialog's window is activated by the event loop (later on a loaded machine): the
        // focus is looked at once it is active, for at most two seconds.
        QElapsedTimer t;
        t.start();
        auto inField = [&] {
            return qobject_cast<QLineEdit*>(QApplication::focusWidget()) != nullptr &&
                   d.isAncestorOf(QApplication::focusWidget());
        };
        while (!inField() && t.elapsed() < 2000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        focused = inField();
        d.reject();
    });
    tab->priceButton()->click();
    settle();
    EXPECT_TRUE(focused) << "typing goes into the amount field";
}

} // namespace
} // namespace shopdesk::test
