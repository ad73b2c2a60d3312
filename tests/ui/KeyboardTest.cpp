// The keyboard does what the agent means: focus comes back to the reply box after an action and
// never drifts to the status box; every shortcut has one owner; a phrase is inserted, not sent,
// unless the agent asks to send it at once.

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/TimelineModel.h"
#include "platform/sim/SimulatedShop.h"
#include "quickreply/PhraseBrowser.h"
#include "quickreply/QuickReplyPicker.h"
#include "services/quickreply/QuickReplyService.h"
#include "side/OrdersTab.h"
#include "side/SidePanel.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include "support/Await.h"
#include "ui/WorkbenchFixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTest>
#include <QTreeWidget>

#include <map>

namespace shopdesk::test {
namespace {

using platform::sim::SimulatedShop;
using namespace shopdesk::ui;

class Keyboard : public WorkbenchFixture {
protected:
    void SetUp() override
    {
        agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales"), QStringLiteral("aftersales")});
    }
    ChatView* firstChat()
    {
        const auto active = routeUntil(1);
        if (active.empty()) {
            ADD_FAILURE() << "no buyer was routed to the agent";
            return nullptr;
        }
        ChatView* chat = window->tabs()->open(active.front());
        settle();
        return chat;
    }
    void activate()
    {
        QApplication::setActiveWindow(window.get());
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    }
    auth::Actor agent;
};

TEST_F(Keyboard, AfterSavingARemarkTheKeyboardIsBackInTheReplyBoxNotOnTheStatus)
{
    auto lead = b.account(QStringLiteral("主管老李"), {QStringLiteral("supervisor")});
    openAs(lead, 3, 8);
    activate();
    advance(3 * 3600);
    std::optional<Order> order;
    live->sim()->inspect([&](const SimulatedShop& s) {
        for (const Order& o : s.allOrders()) {
            if (!order && o.status == OrderStatus::WaitSellerSendGoods) {
                order = o;
            }
        }
    });
    ASSERT_TRUE(order);
    ChatView* chat = window->openBuyer(order->platform, order->buyerNick);
    ASSERT_TRUE(chat);
    OrdersTab* tab = window->side()->orders();
    ASSERT_TRUE(tab->select(order->orderNo));
    tab->remarkEdit()->setFocus();
    tab->remarkEdit()->insertPlainText(QStringLiteral("周六送达"));
    QTest::mouseClick(tab->saveRemarkButton(), Qt::LeftButton);
    confirm();
    settle();
    QWidget* focus = QApplication::focusWidget();
    EXPECT_NE(focus, window->presenceBox()) << "focus drifted to the status box";
    EXPECT_EQ(focus, chat->composer()) << (focus ? focus->metaObject()->className() : "nothing");

    // The next keystrokes are a reply; ↓ does not change the agent's status.
    const int presence = window->presenceBox()->currentIndex();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    EXPECT_EQ(window->presenceBox()->currentIndex(), presence);
    EXPECT_EQ(window->presenceBox()->focusPolicy(), Qt::ClickFocus) << "never reached by Tab or by drift";
    EXPECT_TRUE(window->windowTitle().contains(window->presenceBox()->currentText().mid(2)))
        << "one's own status is in the title";
}

/// Every key sequence of the window, with the widgets it is live for.
struct Binding {
    QKeySequence keys;
    Qt::ShortcutContext context;
    QWidget* owner;
    QString name;
};

std::vector<Binding> bindingsOf(QWidget* window)
{
    std::vector<Binding> out;
    for (QAction* a : window->findChildren<QAction*>()) {
        for (const QKeySequence& k : a->shortcuts()) {
            QWidget* owner = nullptr;
            for (QObject* o : a->associatedObjects()) {
                if (auto* w = qobject_cast<QWidget*>(o)) {
                    owner = w;
                }
            }
            out.push_back({k, a->shortcutContext(), owner ? owner : window, a->text()});
        }
    }
    for (QShortcut* s : window->findChildren<QShortcut*>()) {
        if (s->isEnabled()) {
            out.push_back({s->key(), s->context(), qobject_cast<QWidget*>(s->parent()), s->key().toString()});
        }
    }
    return out;
}

/// Whether a binding is live while `focus` has the keyboard (Qt's rules for the four contexts).
bool liveFor(const Binding& binding, QWidget* focus)
{
    switch (binding.context) {
    case Qt::WidgetShortcut:
        return binding.owner == focus;
    case Qt::WidgetWithChildrenShortcut:
        return binding.owner == focus || binding.owner->isAncestorOf(focus);
    case Qt::WindowShortcut:
    case Qt::ApplicationShortcut:
        return true;
    }
    return true;
}

TEST_F(Keyboard, NoShortcutHasTwoOwnersWhereverTheFocusIs)
{
    openAs(agent, 2, 20);
    activate();
    ChatView* chat = firstChat();
    ASSERT_TRUE(chat);
    const auto bindings = bindingsOf(window.get());
    ASSERT_GT(bindings.size(), 5u) << "the walk found the window's shortcuts";
    const std::vector<QWidget*> places{chat->composer(), chat->timelineView(), window->historySearch(),
                                       window->conversations()->view(), chat->searchBox()};
    for (QWidget* focus : places) {
        std::map<QString, QStringList> owners;
        for (const Binding& binding : bindings) {
            if (liveFor(binding, focus)) {
                owners[binding.keys.toString()] << binding.name;
            }
        }
        for (const auto& [keys, names] : owners) {
            EXPECT_EQ(names.size(), 1) << keys.toStdString() << " is ambiguous in " << focus->metaObject()->className()
                                       << ": " << names.join(QStringLiteral(" / ")).toStdString();
        }
    }

    // Behaviour: Ctrl+F in the reply box opens this chat's search, and nothing goes into the reply.
    chat->composer()->setFocus();
    chat->composer()->insertPlainText(QStringLiteral("亲"));
    QTest::keyClick(chat->composer(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(chat->searchBox()->isVisible()) << "Ctrl+F did nothing";
    EXPECT_EQ(QApplication::focusWidget(), chat->searchBox());
    EXPECT_EQ(chat->composer()->toPlainText(), QStringLiteral("亲"));
    // Ctrl+Shift+F: the history of all buyers.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(QApplication::focusWidget(), window->historySearch());
}

TEST_F(Keyboard, APhraseIsInsertedOnceAndSentOnlyWhenAskedAtOnce)
{
    QuickReply phrase;
    phrase.scope = QuickReply::Scope::Team;
    phrase.group = QStringLiteral("问候");
    phrase.code = QStringLiteral("zai");
    phrase.text = QStringLiteral("亲，在的，请问有什么可以帮您");
    ASSERT_TRUE(b->quickReplies().save(b.owner(), phrase).ok());
    openAs(agent, 2, 20);
    activate();
    ChatView* chat = firstChat();
    ASSERT_TRUE(chat);
    const int rowsBefore = chat->timeline()->rowCount();
    PhraseBrowser* browser = window->side()->phrases();
    QTreeWidget* tree = browser->tree();
    auto findItem = [&] {
        QTreeWidgetItem* found = nullptr;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->text(0).contains(QStringLiteral("/zai"))) {
                found = *it;
            }
        }
        return found;
    };
    QTreeWidgetItem* item = findItem();
    ASSERT_TRUE(item);
    window->side()->setCurrentWidget(browser);
    settle();
    // The agent clicks the phrase (chooses it), then presses Enter (Qt's activation, as a double
    // click is): it is inserted once, not sent.
    const QRect r = tree->visualItemRect(item);
    ASSERT_TRUE(r.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, r.center());
    settle();
    EXPECT_TRUE(chat->composer()->toPlainText().isEmpty()) << "a click only chooses";
    QTest::keyClick(tree, Qt::Key_Return);
    settle();
    EXPECT_EQ(chat->composer()->toPlainText(), phrase.text) << "inserted once";
    confirm();
    EXPECT_EQ(chat->timeline()->rowCount(), rowsBefore) << "a double click inserts; it does not send";

    // "Send at once" sends the chosen phrase and leaves the reply box as it was.
    chat->composer()->clear();
    item = findItem(); // (the list is rebuilt with the new usage count)
    ASSERT_TRUE(item);
    tree->setCurrentItem(item);
    ASSERT_TRUE(browser->sendNowButton()->isEnabled());
    QTest::mouseClick(browser->sendNowButton(), Qt::LeftButton);
    confirm();
    EXPECT_TRUE(chat->composer()->toPlainText().isEmpty());
    bool sent = false;
    for (int i = rowsBefore; i < chat->timeline()->rowCount(); ++i) {
        sent = sent || chat->timeline()->index(i).data().toString() == phrase.text;
    }
    EXPECT_TRUE(sent) << "the phrase was sent once";

    // Tab in the / picker inserts the phrase; the focus stays in the reply box.
    chat->composer()->setFocus();
    chat->composer()->insertPlainText(QStringLiteral("/za"));
    settle();
    ASSERT_TRUE(chat->picker()->isVisible());
    QTest::keyClick(chat->composer(), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), chat->composer()) << "Tab moved the focus away";
    EXPECT_EQ(chat->composer()->toPlainText(), phrase.text);
}

} // namespace
} // namespace shopdesk::test
