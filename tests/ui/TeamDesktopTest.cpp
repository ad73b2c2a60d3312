// The desktop in team mode, real widgets offscreen over a real server in the process: the agent's
// workbench gets a routed buyer and sends a reply from the composer; the supervisor's console
// lists the accounts the server has; a dropped link shows the offline banner.

#include "pg/PgHistoryRepository.h"
#include "server/TeamFixture.h"

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/TimelineModel.h"
#include "console/AccountsPage.h"
#include "console/ConsoleWindow.h"
#include "session/Chats.h"
#include "session/Team.h"
#include "side/OrdersTab.h"
#include "side/SideListModel.h"
#include "side/SidePanel.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"
#include "workbench/MainWindow.h"

#include <QLabel>
#include <QTest>

namespace shopdesk::test {
namespace {

class TeamDesktop : public TeamFixture {
protected:
    void SetUp() override
    {
        TeamFixture::SetUp();
        supervisor = loginRemote(QStringLiteral("店长"), kOwnerPassword);
        ASSERT_TRUE(supervisor);
        ASSERT_TRUE(await(supervisor->team().saveRouting(routing::Settings(), {{QStringLiteral("presales"), 3}})).ok());
        NewAccount a;
        a.name = QStringLiteral("小美");
        a.password = kAgentPassword;
        a.roles = {QStringLiteral("presales")};
        a.group = QStringLiteral("presales");
        ASSERT_TRUE(await(supervisor->team().createAccount(a)));
    }

    std::shared_ptr<session::ShopSession> supervisor;
};

TEST_F(TeamDesktop, TheAgentsWorkbenchServesARoutedBuyerOverTheServer)
{
    startRouter(240);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    ASSERT_TRUE(agent->teamMode());
    ASSERT_TRUE(await(agent->chats().setPresence(platform::AgentPresence::Online)).ok());
    ui::WorkbenchContext context{*agent};
    ui::MainWindow window(context);
    window.show();

    auto* model = window.conversations()->model();
    ASSERT_TRUE(spinUntil([&] { return !model->active().empty(); }, 20000)) << "no routed buyer in the list";
    const ConversationSummary buyer = model->active().front();
    EXPECT_EQ(buyer.agent, QStringLiteral("小美"));

    ui::ChatView* chat = window.tabs()->open(buyer);
    ASSERT_TRUE(chat);
    ASSERT_TRUE(spinUntil([&] { return chat->timeline()->rowCount() > 0; }, 5000)) << "the buyer's messages";
    const QString reply = QStringLiteral("亲，在的，这款今天下单明天发货哦");
    chat->composer()->setFocus();
    chat->composer()->setPlainText(reply);
    QTest::keyClick(chat->composer(), Qt::Key_Return);
    ASSERT_TRUE(spinUntil(
        [&] {
            for (int i = 0; i < chat->timeline()->rowCount(); ++i) {
                if (chat->timeline()->message(i).text == reply &&
                    chat->timeline()->message(i).sender == Sender::Agent) {
                    return true;
                }
            }
            return false;
        },
        10000))
        << "the reply came back through the server into the timeline";
    EXPECT_TRUE(chat->composer()->toPlainText().isEmpty());
    EXPECT_FALSE(window.offlineBanner()->isVisible());

    // The server goes away: the banner says so, and what the agent types stays.
    const QString offline = QStringLiteral("还没发出去的话");
    chat->composer()->setPlainText(offline);
    const quint16 port = server->port();
    server.reset();
    ASSERT_TRUE(spinUntil([&] { return window.offlineBanner()->isVisible(); }, 5000));
    EXPECT_TRUE(window.offlineBanner()->text().contains(QStringLiteral("127.0.0.1")))
        << window.offlineBanner()->text().toStdString();
    EXPECT_EQ(chat->composer()->toPlainText(), offline);

    // Sent while offline: it waits for the link, and the chat says so.
    chat->composer()->setFocus();
    QTest::keyClick(chat->composer(), Qt::Key_Return);
    EXPECT_TRUE(chat->composer()->toPlainText().isEmpty());
    ASSERT_TRUE(spinUntil([&] { return chat->outboxLine()->isVisible(); }, 2000));
    EXPECT_TRUE(chat->outboxLine()->toolTip().contains(offline));

    // The link is back: the reply goes, once, and the notice goes with it.
    startServer(std::chrono::minutes(60), port);
    server->setRouter(router.get());
    ASSERT_TRUE(spinUntil(
        [&] {
            int seen = 0;
            for (int i = 0; i < chat->timeline()->rowCount(); ++i) {
                seen += chat->timeline()->message(i).text == offline ? 1 : 0;
            }
            return seen == 1 && !chat->outboxLine()->isVisible() && !window.offlineBanner()->isVisible();
        },
        20000))
        << "the waiting reply reached the timeline";
}

TEST_F(TeamDesktop, ADesktopStartedWhileTheServerIsDownShowsItsCopyUnderTheBanner)
{
    startRouter(240);
    const session::ServerOptions options = desktop(serverOptions());
    ConversationSummary buyer;
    {
        auto online = await(session::RemoteShop::login(options, QStringLiteral("小美"), kAgentPassword));
        ASSERT_TRUE(online);
        ASSERT_TRUE(await((*online)->chats().setPresence(platform::AgentPresence::Online)).ok());
        ASSERT_TRUE(spinUntil(
            [&] {
                auto mine = (*online)->chats().mine(Timestamp::fromMs(0));
                if (mine && !mine->empty()) {
                    buyer = mine->front();
                }
                return !buyer.key.isEmpty();
            },
            20000));
        ASSERT_TRUE(copied(**online, QStringLiteral("chats.mine"), kAgentPassword));
    }
    server.reset();

    auto offline = await(session::RemoteShop::login(options, QStringLiteral("小美"), kAgentPassword));
    ASSERT_TRUE(offline) << offline.error().message.toStdString();
    ui::WorkbenchContext context{**offline};
    ui::MainWindow window(context);
    window.show();
    EXPECT_TRUE(window.offlineBanner()->isVisible());
    EXPECT_TRUE(window.offlineBanner()->text().contains(QStringLiteral("127.0.0.1")));
    auto* model = window.conversations()->model();
    ASSERT_TRUE(spinUntil(
        [&] {
            const auto active = model->active();
            return std::any_of(active.begin(), active.end(),
                               [&](const ConversationSummary& c) { return c.key == buyer.key; });
        },
        3000))
        << "the chats list from this desktop's copy";
}

TEST_F(TeamDesktop, TheSidePanelShowsTheBuyersOrdersOnceTheServerSentThem)
{
    startRouter(240);
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    ASSERT_TRUE(await(agent->chats().setPresence(platform::AgentPresence::Online)).ok());
    ui::WorkbenchContext context{*agent};
    ui::MainWindow window(context);
    window.show();
    auto* model = window.conversations()->model();
    ASSERT_TRUE(spinUntil([&] { return !model->active().empty(); }, 20000)) << "no routed buyer in the list";
    const ConversationSummary buyer = model->active().front();
    // An order of this buyer, on the server only (the desktop has never read it).
    Order o;
    o.orderNo = QStringLiteral("T-TEAM-1");
    o.buyerNick = buyer.buyerNick;
    o.status = OrderStatus::WaitSellerSendGoods;
    o.createdAt = Timestamp::fromMs(4'102'444'800'000); // newer than any the simulated shop made
    o.amountFen = 16'800;
    o.items = {{QStringLiteral("真丝睡衣 M"), 1, 16'800}};
    pg::PgHistoryRepository history(backend->store());
    ASSERT_TRUE(history.ingest({o}).result());

    ui::ChatView* chat = window.tabs()->open(buyer);
    ASSERT_TRUE(chat);
    window.side()->setChat(chat);
    ui::OrdersTab* orders = window.side()->orders();
    ASSERT_TRUE(spinUntil(
        [&] {
            for (int i = 0; i < orders->model()->rowCount(); ++i) {
                if (orders->model()->index(i).data(Qt::DisplayRole).toString().contains(o.orderNo)) {
                    return true;
                }
            }
            return false;
        },
        5000))
        << "the order arrived from the server and the tab read it again";
}

TEST_F(TeamDesktop, TheSupervisorsConsoleListsTheServersAccounts)
{
    ui::WorkbenchContext context{*supervisor};
    ui::ConsoleWindow console(context);
    console.show();
    console.showPage(ui::ConsoleWindow::Page::Accounts);
    auto* page = qobject_cast<ui::AccountsPage*>(console.page(ui::ConsoleWindow::Page::Accounts));
    ASSERT_TRUE(page);
    ASSERT_TRUE(spinUntil([&] { return page->select(QStringLiteral("小美")); }, 5000))
        << "the account created through the server is listed";
    EXPECT_TRUE(page->select(QStringLiteral("店长")));

    // Another supervisor's desk (here: the same account's second session) disables her: the page
    // follows the push.
    auto other = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(other);
    ASSERT_TRUE(await(other->team().setDisabled(QStringLiteral("小美"), true)).ok());
    ASSERT_TRUE(spinUntil(
        [&] {
            page->select(QStringLiteral("小美"));
            auto a = page->selected();
            return a && a->disabled;
        },
        3000))
        << "the console shows the disable made elsewhere";
}

} // namespace
} // namespace shopdesk::test
