// Handing a buyer to a colleague: the dialog shows the whole team with status and load, groups by
// their names, lets the agent pick only who can receive, keeps the note when the transfer fails,
// and the old tab turns read-only once the buyer has moved.

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "platform/sim/SimPlatform.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "support/Await.h"
#include "ui/WorkbenchFixture.h"

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
    /// Runs `fn` on the next modal dialog, then lets the caller's action go on.
    void onDialog(std::function<void(QDialog&)> fn)
    {
        auto* poll = new QTimer;
        poll->setInterval(20);
        QObject::connect(poll, &QTimer::timeout, [poll, fn] {
            if (auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                poll->stop();
                poll->deleteLater();
                fn(*d);
            }
        });
        poll->start();
    }
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
    std::vector<ConversationSummary> mine;
    const qint64 end = now() + 3600;
    for (qint64 t = now() + 30; t < end && mine.empty(); t += 30) {
        advance(t);
        mine = window->conversations()->model()->active();
    }
    ASSERT_FALSE(mine.empty());
    ChatView* chat = window->tabs()->open(mine.front());
    settle();

    // First try: the colleague chosen goes offline before the agent confirms; the transfer fails.
    QString chosen;
    bool sawQiang = false;
    bool sawGroupsByName = false;
    onDialog([&](QDialog& d) {
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
    onDialog([&](QDialog& d) {
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

} // namespace
} // namespace shopdesk::test
