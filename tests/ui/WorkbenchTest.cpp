// The workbench driven as an agent drives it: real widgets offscreen over a simulated shop.

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/TimelineModel.h"
#include "quickreply/QuickReplyPicker.h"
#include "services/accounts/RoleService.h"
#include "services/history/MessageRepository.h"
#include "services/orders/OrderRepository.h"
#include "services/quickreply/QuickReplyService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "side/CustomerTab.h"
#include "side/OrdersTab.h"
#include "side/RefundsTab.h"
#include "side/SidePanel.h"
#include "store/SqliteStore.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "ui/WorkbenchFixture.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

namespace shopdesk::test {
namespace {

using platform::sim::SimulatedShop;
using namespace shopdesk::ui;

class Workbench : public WorkbenchFixture {
protected:
    void SetUp() override
    {
        agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales"), QStringLiteral("aftersales")});
        QuickReply hi;
        hi.scope = QuickReply::Scope::Team;
        hi.code = QStringLiteral("hi");
        hi.group = QStringLiteral("问候");
        hi.text = QStringLiteral("{买家}您好，我是{客服}，{店铺}为您服务");
        ASSERT_TRUE(b->quickReplies().save(b.owner(), hi).ok());
    }

    /// Moves the world on until the agent has a buyer; returns the list's first.
    ConversationSummary firstBuyer()
    {
        for (qint64 t = now() + 60; t < 3 * 3600; t += 60) {
            advance(t);
            if (!window->conversations()->model()->active().empty()) {
                return window->conversations()->model()->active().front();
            }
        }
        ADD_FAILURE() << "no buyer was routed to the agent";
        return {};
    }

    /// Whether `nick` is the agent's buyer now (they hold the chat, or served it last and nobody
    /// holds it): the buyers whose orders the agent may act on.
    bool mine(const QString& nick, const auth::Actor& who)
    {
        auto conv = b->store().workbench().conversationOfBuyer(QStringLiteral("sim"), nick);
        return conv && *conv && (*conv)->agent == who.name && (*conv)->state != ConversationSummary::State::Queued;
    }

    /// An order of the world in `status` whose buyer has a stored chat.
    std::optional<Order> orderIn(OrderStatus status)
    {
        std::vector<Order> orders;
        live->sim()->inspect([&](const SimulatedShop& s) { orders = s.allOrders(); });
        for (const Order& o : orders) {
            if (o.status == status && o.remark.isEmpty()) {
                auto conv = b->store().workbench().conversationOfBuyer(o.platform, o.buyerNick);
                if (conv && *conv) {
                    return o;
                }
            }
        }
        return std::nullopt;
    }

    /// A team lead: the agent's roles and chat.supervise, to act on the colleague bots' buyers
    /// (whose orders and refunds the simulated shop fills up; an agent's own buyers wait for them).
    auth::Actor lead()
    {
        EXPECT_TRUE(b->roles()
                        .create(b.owner(), QStringLiteral("组长"), auth::PermissionSet{auth::Permission::ChatSupervise})
                        .ok());
        return b.account(QStringLiteral("组长小王"),
                         {QStringLiteral("presales"), QStringLiteral("aftersales"), QStringLiteral("组长")});
    }

    /// Refunds awaiting the shop; `of`: only those of that account's buyers.
    std::vector<Refund> pendingRefunds(const auth::Actor* of = nullptr)
    {
        std::vector<Refund> out;
        std::vector<Order> orders;
        live->sim()->inspect([&](const SimulatedShop& s) {
            orders = s.allOrders();
            for (const Refund& r : s.allRefunds()) {
                if (r.status == RefundStatus::WaitSellerAgree) {
                    out.push_back(r);
                }
            }
        });
        if (of) {
            std::erase_if(out, [&](const Refund& r) {
                const auto o =
                    std::find_if(orders.begin(), orders.end(), [&](const Order& x) { return x.orderNo == r.orderNo; });
                return o == orders.end() || !mine(o->buyerNick, *of);
            });
        }
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

    Order storedOrder(const QString& no)
    {
        auto o = b->store().orders().findOrder(QStringLiteral("sim"), no);
        EXPECT_TRUE(o && *o);
        return o && *o ? **o : Order{};
    }

    int rowOfRefund(const QString& refundNo)
    {
        const auto& refunds = window->side()->refunds()->refunds();
        for (std::size_t i = 0; i < refunds.size(); ++i) {
            if (refunds[i].refundNo == refundNo) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }

    auth::Actor agent;
};

TEST_F(Workbench, ABuyerMessageAppearsInTheListAndInItsTab)
{
    openAs(agent);
    const ConversationSummary buyer = firstBuyer();
    ASSERT_TRUE(buyer.id.isValid());
    auto* model = window->conversations()->model();
    const int row = model->rowOf(buyer.id);
    ASSERT_GE(row, 0);
    EXPECT_EQ(model->data(model->index(row), Qt::DisplayRole).toString(), buyer.buyerNick);
    EXPECT_GT(model->unread(buyer.id), 0) << "nothing read yet";

    // Clicking the buyer opens their tab with the stored messages.
    QTest::mouseClick(window->conversations()->view()->viewport(), Qt::LeftButton, {},
                      window->conversations()->view()->visualRect(model->index(row)).center());
    ChatView* chat = window->tabs()->current();
    ASSERT_TRUE(chat);
    EXPECT_EQ(chat->buyerNick(), buyer.buyerNick);
    auto stored = b->store().messages().page(buyer.id, 1000, MessageId());
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(chat->timeline()->rowCount(), static_cast<int>(stored->size()));
    EXPECT_EQ(chat->timeline()->message(chat->timeline()->rowCount() - 1).text, stored->back().text);
    EXPECT_EQ(model->unread(buyer.id), 0) << "seen once the tab shows it";

    // Whatever the buyer writes next reaches the open tab too.
    advance(now() + 600);
    auto later = b->store().messages().page(buyer.id, 1000, MessageId());
    ASSERT_TRUE(later.ok());
    EXPECT_GT(later->size(), stored->size()) << "an unanswered buyer nudges";
    EXPECT_EQ(chat->timeline()->rowCount(), static_cast<int>(later->size()));
}

TEST_F(Workbench, AReplySendsAndIsStored)
{
    openAs(agent);
    const ConversationSummary buyer = firstBuyer();
    ChatView* chat = window->tabs()->open(buyer);
    chat->composer()->setFocus();
    chat->composer()->setPlainText(QStringLiteral("亲，在的，请问有什么可以帮您？"));
    QTest::keyClick(chat->composer(), Qt::Key_Return);
    EXPECT_TRUE(chat->composer()->toPlainText().isEmpty());
    confirm();
    const Message& last = chat->timeline()->message(chat->timeline()->rowCount() - 1);
    EXPECT_EQ(last.text, QStringLiteral("亲，在的，请问有什么可以帮您？"));
    EXPECT_EQ(last.sender, Sender::Agent);
    MessageQuery q;
    q.terms = {QStringLiteral("请问有什么可以帮您")};
    q.conversations = {buyer.id};
    auto hits = b->store().messages().search(q);
    ASSERT_TRUE(hits.ok());
    EXPECT_EQ(hits->size(), 1u);

    // Shift+Enter is a new line, not a send.
    chat->composer()->setPlainText(QStringLiteral("第一行"));
    chat->composer()->moveCursor(QTextCursor::End);
    QTest::keyClick(chat->composer(), Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(chat->composer()->toPlainText(), QStringLiteral("第一行\n"));
}

TEST_F(Workbench, TheSlashPickerInsertsAPhraseWithItsVariablesFilled)
{
    openAs(agent);
    const ConversationSummary buyer = firstBuyer();
    ChatView* chat = window->tabs()->open(buyer);
    chat->composer()->setFocus();
    QTest::keyClicks(chat->composer(), QStringLiteral("/h"));
    ASSERT_TRUE(chat->picker()->isVisible());
    ASSERT_TRUE(chat->picker()->current().has_value());
    EXPECT_EQ(chat->picker()->current()->code, QStringLiteral("hi"));
    QTest::keyClick(chat->composer(), Qt::Key_Return);
    EXPECT_FALSE(chat->picker()->isVisible());
    EXPECT_EQ(chat->composer()->toPlainText(), buyer.buyerNick + QStringLiteral("您好，我是小美，测试旗舰店为您服务"));
    // Pinyin initials find it too ("nh" = 您好), and Esc closes the picker keeping the text.
    chat->composer()->clear();
    QTest::keyClicks(chat->composer(), QStringLiteral("/nh"));
    ASSERT_TRUE(chat->picker()->current().has_value());
    EXPECT_EQ(chat->picker()->current()->code, QStringLiteral("hi"));
    QTest::keyClick(chat->composer(), Qt::Key_Escape);
    EXPECT_FALSE(chat->picker()->isVisible());
    EXPECT_EQ(chat->composer()->toPlainText(), QStringLiteral("/nh"));
}

TEST_F(Workbench, RemarkAndFlagAnOrder)
{
    agent = lead();
    openAs(agent, 3, 8);
    advance(3 * 3600);
    auto order = orderIn(OrderStatus::WaitSellerSendGoods);
    ASSERT_TRUE(order) << "the world has a paid order to remark";
    ASSERT_TRUE(window->openBuyer(order->platform, order->buyerNick));
    OrdersTab* tab = window->side()->orders();
    ASSERT_TRUE(tab->select(order->orderNo));
    ASSERT_TRUE(tab->saveRemarkButton()->isEnabled());
    EXPECT_FALSE(tab->priceButton()->isEnabled()) << "paid: no price change";
    EXPECT_TRUE(tab->priceButton()->toolTip().contains(QStringLiteral("paid")) ||
                !tab->priceButton()->toolTip().isEmpty());
    tab->remarkEdit()->setPlainText(QStringLiteral("顺丰发货，送小礼品"));
    tab->flagBox()->setCurrentIndex(tab->flagBox()->findData(1));
    QTest::mouseClick(tab->saveRemarkButton(), Qt::LeftButton);
    confirm();
    const Order stored = storedOrder(order->orderNo);
    EXPECT_EQ(stored.remark, QStringLiteral("顺丰发货，送小礼品"));
    EXPECT_EQ(stored.flag, 1);
    EXPECT_EQ(stored.flaggedBy, agent.name);
    EXPECT_TRUE(tab->messageLabel()->text().contains(QStringLiteral("saved")))
        << tab->messageLabel()->text().toStdString();
}

TEST_F(Workbench, RefundsAreAgreedOrRefusedWithAReason)
{
    agent = lead();
    openAs(agent, 3, 10, 7);
    std::vector<Refund> pending;
    for (qint64 t = 3 * 3600; t <= 12 * 3600 && pending.size() < 2; t += 1800) {
        advance(t);
        pending = pendingRefunds();
    }
    ASSERT_GE(pending.size(), 2u) << "the world has refunds left to a person";
    const Order first = worldOrder(pending[0].orderNo);
    ASSERT_TRUE(window->openBuyer(QStringLiteral("sim"), first.buyerNick));
    RefundsTab* tab = window->side()->refunds();
    ASSERT_GE(rowOfRefund(pending[0].refundNo), 0);
    ASSERT_TRUE(tab->select(pending[0].refundNo));
    EXPECT_TRUE(tab->agreeButton()->isEnabled());
    EXPECT_TRUE(tab->refuseButton()->isEnabled());

    tab->refuseWith(QString());
    settle();
    EXPECT_TRUE(tab->messageLabel()->isVisibleTo(tab));
    EXPECT_FALSE(tab->messageLabel()->text().isEmpty()) << "a refusal needs a reason";
    EXPECT_EQ(b->store().orders().findRefund(QStringLiteral("sim"), pending[0].refundNo)->value().status,
              RefundStatus::WaitSellerAgree);

    tab->refuseWith(QStringLiteral("商品已经签收且影响二次销售"));
    confirm();
    auto refused = b->store().orders().findRefund(QStringLiteral("sim"), pending[0].refundNo);
    ASSERT_TRUE(refused && *refused);
    EXPECT_EQ((*refused)->status, RefundStatus::SellerRefuseBuyer);
    EXPECT_EQ((*refused)->refuseReason, QStringLiteral("商品已经签收且影响二次销售"));

    // Agreeing another (on its buyer's tab).
    const Order second = worldOrder(pending[1].orderNo);
    ASSERT_TRUE(window->openBuyer(QStringLiteral("sim"), second.buyerNick));
    ASSERT_TRUE(tab->select(pending[1].refundNo));
    QTest::mouseClick(tab->agreeButton(), Qt::LeftButton);
    ASSERT_TRUE(tab->confirmation());
    tab->confirmation()->findChild<QPushButton*>(QStringLiteral("confirmRefund"))->click();
    confirm();
    auto agreed = b->store().orders().findRefund(QStringLiteral("sim"), pending[1].refundNo);
    ASSERT_TRUE(agreed && *agreed);
    EXPECT_NE((*agreed)->status, RefundStatus::WaitSellerAgree);
    EXPECT_NE((*agreed)->status, RefundStatus::SellerRefuseBuyer);
}

TEST_F(Workbench, ATraineeSeesMaskedDataAndDisabledRefundButtons)
{
    auto trainee = b.account(QStringLiteral("新人小林"), {QStringLiteral("trainee")});
    openAs(trainee, 3, 10, 7);
    advance(5 * 3600);
    auto pending = pendingRefunds();
    ASSERT_FALSE(pending.empty());
    const Order order = worldOrder(pending[0].orderNo);
    ASSERT_TRUE(window->openBuyer(QStringLiteral("sim"), order.buyerNick));
    CustomerTab* customer = window->side()->customer();
    EXPECT_TRUE(customer->phoneLabel()->text().contains(QLatin1Char('*')))
        << customer->phoneLabel()->text().toStdString();
    EXPECT_TRUE(customer->revealButton()->isHidden()) << "no reveal without buyer.pii.view";
    RefundsTab* refunds = window->side()->refunds();
    EXPECT_FALSE(refunds->agreeButton()->isEnabled());
    EXPECT_TRUE(refunds->agreeButton()->toolTip().contains(QStringLiteral("refund.agree")));
    EXPECT_FALSE(refunds->refuseButton()->isEnabled());
    EXPECT_TRUE(refunds->refuseButton()->toolTip().contains(QStringLiteral("refund.refuse")));
    EXPECT_FALSE(window->side()->orders()->saveRemarkButton()->isEnabled());
    EXPECT_TRUE(window->side()->orders()->saveRemarkButton()->toolTip().contains(QStringLiteral("order.remark")));
    // The service refuses too, whatever the UI shows.
    refunds->agree();
    settle();
    EXPECT_TRUE(refunds->messageLabel()->text().contains(QStringLiteral("refund.agree")) ||
                !refunds->messageLabel()->text().isEmpty());
}

TEST_F(Workbench, TabShortcutsMoveBetweenAndCloseChats)
{
    openAs(agent, 2, 20);
    advance(1800);
    auto* model = window->conversations()->model();
    auto list = b->store().workbench().conversationsOf(agent.name, Timestamp::fromMs(0));
    ASSERT_TRUE(list.ok());
    ASSERT_GE(list->size(), 3u);
    for (int i = 0; i < 3; ++i) {
        window->tabs()->open((*list)[static_cast<std::size_t>(i)]);
    }
    Q_UNUSED(model)
    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    ChatTabs* tabs = window->tabs();
    tabs->setCurrentIndex(0);
    QTest::keyClick(window.get(), Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 1);
    QTest::keyClick(window.get(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(tabs->currentIndex(), 0);
    QTest::keyClick(window.get(), Qt::Key_3, Qt::AltModifier);
    EXPECT_EQ(tabs->currentIndex(), 2);
    QTest::keyClick(window.get(), Qt::Key_W, Qt::ControlModifier);
    EXPECT_EQ(tabs->count(), 2);
}

TEST_F(Workbench, NothingIsLostWhenFiftyBuyersWriteAtOnce)
{
    openAs(agent, 3, 3000, 9); // fifty buyers a second
    advance(2);
    platform::sim::SimStats stats;
    live->sim()->inspect([&](const SimulatedShop& s) { stats = s.stats(); });
    ASSERT_GE(stats.buyers, 50);
    EXPECT_EQ(live->pipeline().stats().rejected, 0);
    EXPECT_EQ(*b->store().messages().messageCount(), stats.messagesIn + stats.messagesOut);
    auto* model = window->conversations()->model();
    QStringList mine;
    live->sim()->inspect([&](const SimulatedShop& s) { mine = s.buyersOf(agent.name); });
    ASSERT_FALSE(mine.isEmpty());
    EXPECT_EQ(model->active().size(), static_cast<std::size_t>(mine.size()));
    int unread = 0;
    for (const ConversationSummary& s : model->active()) {
        EXPECT_TRUE(mine.contains(s.buyerNick)) << s.buyerNick.toStdString();
        unread += model->unread(s.id);
    }
    EXPECT_GE(unread, static_cast<int>(mine.size())) << "every buyer's message counts as unread";
    EXPECT_GE(model->queue().length, 1) << "the rest wait in the queue";
}

} // namespace
} // namespace shopdesk::test
