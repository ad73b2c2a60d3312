// Handing a buyer to a colleague: the dialog shows the whole team with status and load, groups by
// their names, lets the agent pick only who can receive, keeps the note when the transfer fails,
// and the old tab turns read-only once the buyer has moved.

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "platform/sim/SimPlatform.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "platform/sim/SimulatedShop.h"
#include "services/accounts/AccountService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "session/Chats.h"
#include "store/SqliteStore.h"
#include "support/Await.h"
#include "ui/WorkbenchFixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>
#include <QTimer>

#include <functional>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;

class Transfer : public WorkbenchFixture {
protected:
    /// The dialog's choices: label, enabled, and the row.
    struct Choice {
        QString label;
        bool enabled;
        int row;
    };
    static std::vector<Choice> choices(QDialog& d)
    {
        std::vector<Choice> out;
        auto* combo = d.findChild<QComboBox*>(QStringLiteral("transferTarget"));
        if (!combo) {
            return out;
        }
        auto* model = qobject_cast<QStandardItemModel*>(combo->model());
        for (int r = 0; model && r < model->rowCount(); ++r) {
            out.push_back({model->item(r)->text(), model->item(r)->isEnabled(), r});
        }
        return out;
    }
};

TEST_F(Transfer, TheTeamIsShownWithStatusAndLoadAndTheNoteSurvivesAFailure)
{
    const auth::Actor mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    b.account(QStringLiteral("阿强"), {QStringLiteral("aftersales")}); // has an account, not logged in
    openAs(mei, 3, 20, 9);
    const std::vector<ConversationSummary> mine = routeUntil(1);
    ASSERT_FALSE(mine.empty());
    ChatView* chat = window->tabs()->open(mine.front());
    settle();

    // First try: the colleague chosen goes offline before the agent confirms; the transfer fails.
    QString chosen;
    bool sawQiang = false;
    bool sawGroupsByName = false;
    onModalDialog([&](QDialog& d) {
        for (const Choice& c : choices(d)) {
            if (c.label.startsWith(QStringLiteral("阿强"))) {
                sawQiang = true;
                EXPECT_FALSE(c.enabled) << "an offline colleague cannot be chosen: " << c.label.toStdString();
                EXPECT_TRUE(c.label.contains(QStringLiteral("offline"))) << c.label.toStdString();
            }
            EXPECT_FALSE(c.label.contains(QStringLiteral("aftersales")) || c.label.contains(QStringLiteral("presales")))
                << "groups by their names, not their keys: " << c.label.toStdString();
            sawGroupsByName = sawGroupsByName || c.label.contains(QStringLiteral("Pre-sales"));
            if (c.enabled && chosen.isEmpty() && c.label.startsWith(QStringLiteral("客服"))) {
                chosen = c.label.section(QLatin1Char(' '), 0, 0);
                d.findChild<QComboBox*>(QStringLiteral("transferTarget"))->setCurrentIndex(c.row);
                EXPECT_TRUE(c.label.contains(QStringLiteral("online")) && c.label.contains(u'/'))
                    << "status and load x/limit: " << c.label.toStdString();
            }
        }
        d.findChild<QLineEdit*>(QStringLiteral("transferNote"))->setText(QStringLiteral("买家要换货，请跟进"));
        if (!chosen.isEmpty()) {
            (void)await(live->sim()->setPresence(chosen, platform::AgentPresence::Offline));
        }
        d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    chat->transfer();
    settle();
    confirm();
    EXPECT_TRUE(sawQiang) << "colleagues with accounts are listed";
    EXPECT_TRUE(sawGroupsByName);
    ASSERT_FALSE(chosen.isEmpty()) << "an online colleague was offered";
    EXPECT_TRUE(chat->statusLine()->isVisible());
    EXPECT_TRUE(chat->statusLine()->text().startsWith(QStringLiteral("Not transferred")))
        << chat->statusLine()->text().toStdString();
    EXPECT_FALSE(chat->movedAway());

    // Second try: the note is still there; another colleague takes the buyer.
    QString second;
    onModalDialog([&](QDialog& d) {
        EXPECT_EQ(d.findChild<QLineEdit*>(QStringLiteral("transferNote"))->text(), QStringLiteral("买家要换货，请跟进"))
            << "the note typed for the failed transfer";
        for (const Choice& c : choices(d)) {
            if (c.label.startsWith(chosen)) {
                EXPECT_FALSE(c.enabled) << "now offline";
            }
            if (c.enabled && second.isEmpty() && c.label.startsWith(QStringLiteral("客服"))) {
                second = c.label.section(QLatin1Char(' '), 0, 0);
                d.findChild<QComboBox*>(QStringLiteral("transferTarget"))->setCurrentIndex(c.row);
            }
        }
        d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    chat->composer()->setFocus();
    chat->transfer();
    settle();
    confirm();
    ASSERT_FALSE(second.isEmpty());
    window->flushStored();
    EXPECT_TRUE(chat->movedAway()) << "the buyer moved to " << second.toStdString();
    EXPECT_TRUE(chat->composer()->isReadOnly());
    auto* notice = chat->findChild<QLabel*>(QStringLiteral("movedNotice"));
    ASSERT_TRUE(notice);
    EXPECT_TRUE(notice->isVisible());
    EXPECT_TRUE(notice->text().contains(second)) << notice->text().toStdString();
}

TEST_F(Transfer, ClosingWithBuyersAsksSetsTheAgentAwayAndHandsThemToTheGroup)
{
    auth::Actor owner = b.owner();
    ASSERT_TRUE(b->routing().save(owner, {}, {{QStringLiteral("presales"), 8}}).ok());
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ASSERT_TRUE(b->routing().setAgent(owner, QStringLiteral("小美"), QStringLiteral("presales"), std::nullopt).ok());
    auto mei = b->accounts().login(QStringLiteral("小美"), QStringLiteral("agent-pass-1"));
    ASSERT_TRUE(mei.ok());
    openAs(*mei, 3, 20, 9);
    ASSERT_TRUE(await(session->chats().setPresence(platform::AgentPresence::Online)).ok());
    const std::vector<ConversationSummary> mine = routeUntil(2);
    ASSERT_FALSE(mine.empty());

    // Closing asks first; "stay" keeps everything as it was.
    EXPECT_FALSE(window->close()) << "the window does not quit on its buyers";
    ASSERT_TRUE(window->leaveQuestion());
    QTest::keyClick(window->leaveQuestion(), Qt::Key_Escape);
    settle();
    EXPECT_FALSE(window->leaveQuestion());
    EXPECT_TRUE(window->isVisible());

    // Hand them over: away first, then each buyer to the group's colleagues, then the window goes.
    EXPECT_FALSE(window->close());
    ASSERT_TRUE(window->leaveQuestion());
    window->leaveQuestion()->findChild<QPushButton*>(QStringLiteral("handOver"))->click();
    for (int i = 0; i < 5; ++i) {
        confirm();
    }
    QString presence;
    live->sim()->inspect([&](const platform::sim::SimulatedShop& s) {
        for (const platform::AgentState& st : s.teamStatus()) {
            if (st.agent == QStringLiteral("小美")) {
                presence =
                    st.presence == platform::AgentPresence::Away ? QStringLiteral("away") : QStringLiteral("other");
            }
        }
    });
    EXPECT_EQ(presence, QStringLiteral("away")) << "routing sends nobody new";
    for (const ConversationSummary& s : mine) {
        auto now = b->store().workbench().conversationOfBuyer(QStringLiteral("sim"), s.buyerNick);
        ASSERT_TRUE(now.ok() && now->has_value());
        EXPECT_NE((*now)->agent, QStringLiteral("小美")) << s.buyerNick.toStdString() << " was handed over";
    }
    EXPECT_FALSE(window->isVisible()) << "and then the window closed";
}

TEST_F(Transfer, MyPasswordAndLogOutAreInTheAccountMenu)
{
    const auth::Actor mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    openAs(mei, 0, 0);
    onModalDialog([](QDialog& d) {
        d.findChild<QLineEdit*>(QStringLiteral("currentPassword"))->setText(QStringLiteral("agent-pass-1"));
        d.findChild<QLineEdit*>(QStringLiteral("newPassword"))->setText(QStringLiteral("my-own-pass-9"));
        d.findChild<QLineEdit*>(QStringLiteral("againPassword"))->setText(QStringLiteral("my-own-pass-9"));
        d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    auto* password = window->findChild<QAction*>(QStringLiteral("action:password"));
    ASSERT_TRUE(password);
    password->trigger();
    settle();
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("my-own-pass-9")).ok());
    EXPECT_FALSE(session->isEnded()) << "this login goes on";

    auto* logOut = window->findChild<QAction*>(QStringLiteral("action:logout"));
    ASSERT_TRUE(logOut);
    logOut->trigger(); // no buyers on the desk: nothing to ask
    settle();
    EXPECT_TRUE(session->isEnded());
}

} // namespace
} // namespace shopdesk::test
