// The row acted on is the row chosen, typed text is never overwritten, the shop's words and
// settings act at once: the side tabs, the composer and the console under a world that moves.

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "common/Format.h"
#include "console/ConsoleWindow.h"
#include "console/RoutingPage.h"
#include "services/accounts/RoleService.h"
#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "services/orders/OrderRepository.h"
#include "services/quickreply/QuickReplyService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "session/Chats.h"
#include "session/Orders.h"
#include "session/Phrases.h"
#include "session/Team.h"
#include "side/OrdersTab.h"
#include "side/RefundsTab.h"
#include "side/SideListModel.h"
#include "side/SidePanel.h"
#include "store/SqliteStore.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "support/Await.h"
#include "support/TempStore.h"
#include "ui/ModelTesterGuard.h"
#include "ui/WorkbenchFixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

namespace shopdesk::test {
namespace {

using platform::sim::SimulatedShop;
using namespace shopdesk::ui;

class ChosenRow : public WorkbenchFixture {
protected:
    /// A team lead: the agent's roles and chat.supervise (the simulated colleagues' buyers are the
    /// ones with refunds).
    auth::Actor lead()
    {
        EXPECT_TRUE(b->roles()
                        .create(b.owner(), QStringLiteral("组长"), auth::PermissionSet{auth::Permission::ChatSupervise})
                        .ok());
        return b.account(QStringLiteral("组长小王"),
                         {QStringLiteral("presales"), QStringLiteral("aftersales"), QStringLiteral("组长")});
    }
    std::vector<Refund> pendingRefunds()
    {
        std::vector<Refund> out;
        live->sim()->inspect([&](const SimulatedShop& s) {
            for (const Refund& r : s.allRefunds()) {
                if (r.status == RefundStatus::WaitSellerAgree) {
                    out.push_back(r);
                }
            }
        });
        return out;
    }
    Order worldOrder(const QString& no)
    {
        Order found;
        live->sim()->inspect([&](const SimulatedShop& s) {
            for (const Order& o : s.allOrders()) {
                if (o.orderNo == no) {
                    found = o;
                }
            }
        });
        return found;
    }
    RefundStatus worldRefund(const QString& no)
    {
        RefundStatus status = RefundStatus::WaitSellerAgree;
        live->sim()->inspect([&](const SimulatedShop& s) {
            for (const Refund& r : s.allRefunds()) {
                if (r.refundNo == no) {
                    status = r.status;
                }
            }
        });
        return status;
    }
    /// Stores records as if the platform had sent them, and tells the window.
    void arrive(std::vector<ImportRecord> records, const QStringList& orders, const QStringList& refunds)
    {
        auto stored = await(b->store().history().ingest(std::move(records)));
        ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
        emit live->pipeline().stored({}, orders, refunds);
        settle();
        window->flushStored();
    }
};

TEST_F(ChosenRow, TheRefundChosenIsTheOneAgreedWhenAnotherArrivesAboveIt)
{
    openAs(lead(), 3, 10, 7);
    std::vector<Refund> pending;
    for (qint64 t = 3 * 3600; t <= 12 * 3600 && pending.empty(); t += 1800) {
        advance(t);
        pending = pendingRefunds();
    }
    ASSERT_FALSE(pending.empty());
    const Refund chosen = pending.front();
    const Order order = worldOrder(chosen.orderNo);
    ASSERT_TRUE(window->openBuyer(QStringLiteral("sim"), order.buyerNick));
    RefundsTab* tab = window->side()->refunds();
    ModelTesterGuard tester(tab->model());
    ASSERT_TRUE(tab->select(chosen.refundNo));
    const int rowBefore = tab->model()->rowOfKey(chosen.refundNo);

    // Between choosing and clicking, the buyer asks for another refund: newer and pending, it is
    // listed first and the chosen one moves down a row.
    Refund newer;
    newer.refundNo = QStringLiteral("RF-LATE-1");
    newer.orderNo = chosen.orderNo;
    newer.amountFen = 100;
    newer.createdAt = b.clock().now();
    newer.reason = QStringLiteral("少发了一件");
    arrive({newer}, {chosen.orderNo}, {newer.refundNo});
    ASSERT_EQ(tab->model()->rowOfKey(newer.refundNo), 0) << "the newer refund is listed first";
    EXPECT_EQ(tab->model()->rowOfKey(chosen.refundNo), rowBefore + 1) << "the chosen one moved down";
    EXPECT_EQ(tab->selectedNo(), chosen.refundNo) << "the choice stayed on the chosen refund";

    // 同意 asks first, naming the amount, order and buyer; Enter does not confirm.
    QTest::mouseClick(tab->agreeButton(), Qt::LeftButton);
    ASSERT_TRUE(tab->confirmation());
    const QString asked = tab->confirmation()->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
    EXPECT_TRUE(asked.contains(ui::format::money(chosen.amountFen))) << asked.toStdString();
    EXPECT_TRUE(asked.contains(chosen.orderNo));
    EXPECT_TRUE(asked.contains(order.buyerNick));
    const ConversationSummary& whose = window->tabs()->current()->conversation();
    if (whose.state == ConversationSummary::State::Active && whose.agent != QStringLiteral("组长小王")) {
        EXPECT_TRUE(asked.contains(whose.agent)) << "a colleague's buyer is said: " << asked.toStdString();
    }
    QTest::keyClick(tab->confirmation(), Qt::Key_Return);
    settle();
    EXPECT_FALSE(tab->confirmation()) << "Enter cancels";
    confirm();
    EXPECT_EQ(worldRefund(chosen.refundNo), RefundStatus::WaitSellerAgree) << "Enter agreed the refund";
    QTest::mouseClick(tab->agreeButton(), Qt::LeftButton);
    ASSERT_TRUE(tab->confirmation());
    tab->confirmation()->findChild<QPushButton*>(QStringLiteral("confirmRefund"))->click();
    confirm();
    EXPECT_NE(worldRefund(chosen.refundNo), RefundStatus::WaitSellerAgree) << "the chosen refund was agreed";
    auto other = b->store().orders().findRefund(QStringLiteral("sim"), newer.refundNo);
    ASSERT_TRUE(other && *other);
    EXPECT_EQ((*other)->status, RefundStatus::WaitSellerAgree) << "the newer one was not touched";
    EXPECT_EQ(tester.failures(), 0) << tester.report().toStdString();
}

TEST_F(ChosenRow, TheRefundIsACardAndRefusingOffersThePlatformsReasons)
{
    openAs(lead(), 3, 10, 7);
    std::vector<Refund> pending;
    for (qint64 t = 3 * 3600; t <= 12 * 3600 && pending.empty(); t += 1800) {
        advance(t);
        pending = pendingRefunds();
    }
    ASSERT_FALSE(pending.empty());
    const Refund chosen = pending.front();
    ASSERT_TRUE(window->openBuyer(QStringLiteral("sim"), worldOrder(chosen.orderNo).buyerNick));
    RefundsTab* tab = window->side()->refunds();
    ASSERT_TRUE(tab->select(chosen.refundNo));
    const QString card = tab->card()->text();
    EXPECT_FALSE(tab->card()->isHidden());
    EXPECT_TRUE(card.contains(chosen.kind == Refund::Kind::ReturnAndRefund ? QStringLiteral("Return and refund")
                                                                           : QStringLiteral("Refund only")))
        << card.toStdString();
    EXPECT_TRUE(card.contains(ui::format::money(chosen.amountFen)));
    EXPECT_TRUE(card.contains(QStringLiteral("Evidence")));
    EXPECT_TRUE(card.contains(QStringLiteral("Answer by"))) << "the platform's deadline";

    // 拒绝: the platform's reasons, and a free line added to the one chosen.
    QString reasonChosen;
    onModalDialog([&](QDialog& d) {
        auto* reasons = d.findChild<QComboBox*>(QStringLiteral("refuseReasons"));
        ASSERT_TRUE(reasons);
        EXPECT_GT(reasons->count(), 2) << "the platform's list";
        reasons->setCurrentIndex(1);
        reasonChosen = reasons->currentText();
        d.findChild<QPlainTextEdit*>(QStringLiteral("refuseText"))->setPlainText(QStringLiteral("已上传发货凭证"));
        d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::mouseClick(tab->refuseButton(), Qt::LeftButton);
    confirm();
    ASSERT_FALSE(reasonChosen.isEmpty());
    auto refused = b->store().orders().findRefund(QStringLiteral("sim"), chosen.refundNo);
    ASSERT_TRUE(refused && *refused);
    EXPECT_EQ((*refused)->refuseReason, reasonChosen + QStringLiteral("：已上传发货凭证"));
}

TEST_F(ChosenRow, ARefundThatChangedMeanwhileIsSaidAndNotActedOn)
{
    openAs(lead(), 3, 10, 7);
    std::vector<Refund> pending;
    for (qint64 t = 3 * 3600; t <= 12 * 3600 && pending.empty(); t += 1800) {
        advance(t);
        pending = pendingRefunds();
    }
    ASSERT_FALSE(pending.empty());
    const Refund chosen = pending.front();
    ASSERT_TRUE(window->openBuyer(QStringLiteral("sim"), worldOrder(chosen.orderNo).buyerNick));
    RefundsTab* tab = window->side()->refunds();
    ASSERT_TRUE(tab->select(chosen.refundNo));
    // The buyer withdraws it: stored, but the window has not been told yet (the click comes first).
    Refund closed = chosen;
    closed.status = RefundStatus::Closed;
    auto stored = await(b->store().history().ingest({closed}));
    ASSERT_TRUE(stored.ok());
    const qint64 agreedBefore = queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'refund.agree'");
    tab->agree();
    settle();
    EXPECT_TRUE(tab->messageLabel()->text().contains(chosen.refundNo)) << tab->messageLabel()->text().toStdString();
    EXPECT_EQ(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action = 'refund.agree'"), agreedBefore)
        << "nothing was sent to the platform";
    EXPECT_EQ(tab->selectedNo(), chosen.refundNo);
    EXPECT_FALSE(tab->agreeButton()->isEnabled()) << "the list shows the new state";
}

TEST_F(ChosenRow, ARemarkBeingTypedSurvivesAReloadAndSaysTheOrderChanged)
{
    openAs(lead(), 3, 8);
    advance(3 * 3600);
    std::optional<Order> order;
    live->sim()->inspect([&](const SimulatedShop& s) {
        for (const Order& o : s.allOrders()) {
            if (!order && o.status == OrderStatus::WaitSellerSendGoods && o.remark.isEmpty()) {
                order = o;
            }
        }
    });
    ASSERT_TRUE(order);
    ASSERT_TRUE(window->openBuyer(order->platform, order->buyerNick));
    OrdersTab* tab = window->side()->orders();
    ModelTesterGuard orderRows(tab->model());
    ASSERT_TRUE(tab->select(order->orderNo));
    tab->remarkEdit()->setFocus();
    tab->remarkEdit()->insertPlainText(QStringLiteral("客户要求周六送达"));

    // A colleague remarks the same order meanwhile; the change arrives and the tab reloads.
    auto colleague = shop->owner();
    ASSERT_TRUE(await(colleague->orders().setRemark(order->orderNo, QStringLiteral("已电话确认地址"), 2)).ok());
    confirm();
    EXPECT_EQ(tab->remarkEdit()->toPlainText(), QStringLiteral("客户要求周六送达")) << "the typed remark was replaced";
    auto* notice = tab->findChild<QLabel*>(QStringLiteral("remarkNotice"));
    ASSERT_TRUE(notice);
    EXPECT_FALSE(notice->isHidden());
    EXPECT_TRUE(notice->text().contains(QStringLiteral("已电话确认地址"))) << notice->text().toStdString();

    // Another order and back: still there.
    const auto& orders = tab->orders();
    if (orders.size() > 1) {
        const QString other = orders.front().orderNo == order->orderNo ? orders.back().orderNo : orders.front().orderNo;
        ASSERT_TRUE(tab->select(other));
        ASSERT_TRUE(tab->select(order->orderNo));
        EXPECT_EQ(tab->remarkEdit()->toPlainText(), QStringLiteral("客户要求周六送达"));
    }
    // Saving is the agent's decision, and what they typed is what is stored.
    QTest::mouseClick(tab->saveRemarkButton(), Qt::LeftButton);
    confirm();
    auto stored = b->store().orders().findOrder(QStringLiteral("sim"), order->orderNo);
    ASSERT_TRUE(stored && *stored);
    EXPECT_EQ((*stored)->remark, QStringLiteral("客户要求周六送达"));
    EXPECT_TRUE(notice->isHidden());
    EXPECT_EQ(orderRows.failures(), 0) << orderRows.report().toStdString();
}

TEST_F(ChosenRow, APhraseVariableNobodyFilledBlocksTheSendAndIsMarked)
{
    auto agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    QuickReply phrase;
    phrase.scope = QuickReply::Scope::Team;
    phrase.code = QStringLiteral("ship");
    phrase.text = QStringLiteral("亲，您的订单{订单号}今天发出");
    ASSERT_TRUE(b->quickReplies().save(b.owner(), phrase).ok());
    openAs(agent, 2, 20);
    ConversationSummary buyer;
    for (qint64 t = 60; t < 3600 && window->conversations()->model()->active().empty(); t += 60) {
        advance(t);
    }
    ASSERT_FALSE(window->conversations()->model()->active().empty());
    buyer = window->conversations()->model()->active().front();
    ChatView* chat = window->tabs()->open(buyer);
    auto stored = [&] {
        auto m = b->store().messages().page(buyer.id, 1000, MessageId());
        return m ? m->size() : 0u;
    };
    const std::size_t before = stored();
    auto phrases = session->phrases().mine();
    ASSERT_TRUE(phrases.ok());
    const auto it =
        std::find_if(phrases->begin(), phrases->end(), [](const QuickReply& p) { return p.code == u"ship"; });
    ASSERT_NE(it, phrases->end());
    chat->insertPhrase(*it); // a new buyer has no order: {订单号} stays
    ASSERT_TRUE(chat->composer()->toPlainText().contains(QStringLiteral("{订单号}")));
    EXPECT_GT(chat->composer()->markedGaps(), 0) << "the gap is marked at once";
    chat->send();
    confirm();
    EXPECT_EQ(stored(), before) << "nothing was sent";
    EXPECT_TRUE(chat->composer()->toPlainText().contains(QStringLiteral("{订单号}"))) << "the text stays";
    EXPECT_TRUE(chat->statusLine()->text().contains(QStringLiteral("{订单号}")));
    // Filled in by hand, it goes.
    chat->composer()->setPlainText(QStringLiteral("亲，您的订单今天发出"));
    EXPECT_EQ(chat->composer()->markedGaps(), 0);
    chat->send();
    confirm();
    EXPECT_EQ(stored(), before + 1);
    // The service refuses it too, whatever a client sends.
    const Status direct = await(session->chats().send(buyer.buyerNick, QStringLiteral("单号{order}")));
    EXPECT_FALSE(direct.ok());
}

TEST_F(ChosenRow, TheClosingLineAndTheInvitationAreTheShopsWords)
{
    auto agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    openAs(agent, 2, 20);
    for (qint64 t = 60; t < 3600 && window->conversations()->model()->active().empty(); t += 60) {
        advance(t);
    }
    ASSERT_FALSE(window->conversations()->model()->active().empty());
    const ConversationSummary buyer = window->conversations()->model()->active().front();
    // The supervisor words them on their own desk.
    auto supervisor = shop->owner();
    ShopTexts texts;
    texts.closingLine = QStringLiteral("感谢光临果果旗舰店～");
    texts.ratingInvitation = QStringLiteral("麻烦给个五星好评哦");
    ASSERT_TRUE(await(supervisor->team().saveShopTexts(texts)).ok());
    // An agent cannot.
    EXPECT_FALSE(await(session->team().saveShopTexts(ShopTexts{})).ok());

    ChatView* chat = window->tabs()->open(buyer);
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        ASSERT_TRUE(dialog);
        auto* line = dialog->findChild<QLineEdit*>();
        ASSERT_TRUE(line);
        EXPECT_EQ(line->text(), QStringLiteral("感谢光临果果旗舰店～")) << "the dialog proposes the shop's line";
        dialog->accept();
    });
    chat->closeConversation();
    confirm();
    auto messages = b->store().messages().page(buyer.id, 1000, MessageId());
    ASSERT_TRUE(messages.ok() && !messages->empty());
    const bool said = std::any_of(messages->begin(), messages->end(), [](const Message& m) {
        return m.sender == Sender::Agent && m.text == QStringLiteral("感谢光临果果旗舰店～ 麻烦给个五星好评哦");
    });
    EXPECT_TRUE(said) << "the last words: " << messages->back().text.toStdString();
}

TEST_F(ChosenRow, ARaisedLimitInTheConsoleAssignsTheNextQueuedBuyerAtOnce)
{
    auto agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ASSERT_TRUE(b->routing().save(b.owner(), routing::Settings{}, {{QStringLiteral("presales"), 8}}).ok());
    const Status limited = b->routing().setAgent(b.owner(), agent.name, QStringLiteral("presales"), 1);
    ASSERT_TRUE(limited.ok()) << limited.error().message.toStdString();
    openAs(agent, 0, 30); // no colleagues: whoever does not fit waits
    for (qint64 t = 30; t < 3600; t += 30) {
        advance(t);
        if (window->conversations()->model()->active().size() == 1 &&
            window->conversations()->model()->queue().length >= 1) {
            break;
        }
    }
    ASSERT_EQ(window->conversations()->model()->active().size(), 1u);
    ASSERT_GE(window->conversations()->model()->queue().length, 1);

    // The supervisor raises the limit in the console on their own desk.
    auto supervisor = shop->owner();
    WorkbenchContext theirs{*supervisor};
    ConsoleWindow console(theirs);
    auto* page = qobject_cast<RoutingPage*>(console.page(ConsoleWindow::Page::Routing));
    ASSERT_TRUE(page);
    bool found = false;
    for (int r = 0; r < page->agentTable()->rowCount(); ++r) {
        if (page->agentTable()->item(r, 0)->text() == agent.name) {
            qobject_cast<QSpinBox*>(page->agentTable()->cellWidget(r, 2))->setValue(3);
            found = true;
        }
    }
    ASSERT_TRUE(found);
    ASSERT_TRUE(await(page->save()).ok()) << page->messageLabel()->text().toStdString();
    settle();
    // The very next moment of the world: a queued buyer is the agent's, without a restart.
    advance(now() + 1);
    EXPECT_GE(window->conversations()->model()->active().size(), 2u)
        << "the running routing did not take the new limit";
}

TEST_F(ChosenRow, ARoutingChangeMadeByAnotherProgramIsTakenToo)
{
    auto agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    ASSERT_TRUE(b->routing().save(b.owner(), routing::Settings{}, {{QStringLiteral("presales"), 8}}).ok());
    ASSERT_TRUE(b->routing().setAgent(b.owner(), agent.name, QStringLiteral("presales"), 1).ok());
    openAs(agent, 0, 30);
    for (qint64 t = 30; t < 3600 && window->conversations()->model()->queue().length < 1; t += 30) {
        advance(t);
    }
    ASSERT_EQ(window->conversations()->model()->active().size(), 1u);
    ASSERT_GE(window->conversations()->model()->queue().length, 1);
    // shopdeskctl (or a supervisor's desk) writes the store directly; this desk was not told.
    ASSERT_TRUE(b->routing().setAgent(b.owner(), agent.name, QStringLiteral("presales"), 3).ok());
    QTest::qWait(2500); // the running routing checks the shop's configuration every 2 s
    advance(now() + 1);
    EXPECT_GE(window->conversations()->model()->active().size(), 2u);
}

} // namespace
} // namespace shopdesk::test
