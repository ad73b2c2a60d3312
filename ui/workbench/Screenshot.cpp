#include "workbench/Screenshot.h"

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "session/History.h"
#include "session/Orders.h"
#include "side/SidePanel.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"
#include "workbench/MainWindow.h"

#include "side/RefundsTab.h"

#include <QApplication>
#include <QDialog>
#include <QPainter>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace shopdesk::ui {

namespace {

/// Saves `widget` (with `dialog` drawn on top, where the agent sees it, when given) and ends the app.
void saveAndExit(QWidget* widget, QWidget* dialog, const QString& path)
{
    QPixmap all = widget->grab();
    if (dialog) {
        QPainter p(&all);
        const QPixmap shown = dialog->grab();
        p.drawPixmap((all.width() - shown.width()) / 2, (all.height() - shown.height()) / 3, shown);
    }
    const bool saved = all.save(path);
    std::fprintf(saved ? stdout : stderr, saved ? "screenshot saved: %s\n" : "cannot save %s\n",
                 path.toLocal8Bit().constData());
    QApplication::exit(saved ? 0 : 1);
}

} // namespace

void scheduleScreenshot(MainWindow& window, const QString& path, const QString& what, int afterMs)
{
    QTimer::singleShot(afterMs, &window, [&window, path, what] {
        window.flushStored();
        ConversationListModel* model = window.conversations()->model();
        // The active chats open as tabs; in front, the longest-waiting buyer who has orders.
        const auto& active = model->active();
        const ConversationSummary* front = active.empty() ? nullptr : &active.front();
        for (const ConversationSummary& s : active) {
            auto orders = window.context().session.orders().ofBuyer(s.platform, s.buyerNick, 1);
            if (orders && !orders->empty()) {
                front = &s;
                break;
            }
        }
        for (const ConversationSummary& s : active) {
            window.tabs()->open(s);
        }
        if (front) {
            window.tabs()->open(*front);
        }
        const QStringList tabs{QStringLiteral("buyer"), QStringLiteral("orders"), QStringLiteral("refunds"),
                               QStringLiteral("logistics"), QStringLiteral("phrases")};
        if (tabs.contains(what)) {
            window.side()->setCurrentIndex(static_cast<int>(tabs.indexOf(what)));
        }
        if (what == u"followups") {
            window.showFollowUps();
        }
        if (what == u"picker") {
            if (ChatView* v = window.tabs()->current()) {
                v->composer()->setFocus();
                v->composer()->setPlainText(QStringLiteral("/fh"));
                v->composer()->moveCursor(QTextCursor::End);
            } else {
                std::fprintf(stderr, "no chat is open for the picker\n");
            }
        }
        QWidget* shot = &window;
        if (what == u"refund-confirm") {
            // A pending refund of any buyer in a session now, agreed up to the confirmation.
            session::ShopSession& s = window.context().session;
            // Buyers in a session now, then buyers who wrote about a refund.
            std::vector<std::pair<QString, QString>> buyers;
            auto live = s.chats().liveQueue(Timestamp::fromMs(s.clock().now().ms() - 24LL * 3600 * 1000));
            for (const ConversationSummary& c : live ? live->sessions : std::vector<ConversationSummary>{}) {
                buyers.emplace_back(c.platform, c.buyerNick);
            }
            SearchRequest about;
            about.query = QStringLiteral("退款");
            about.limit = 200;
            // (a single seat's search answers at once; the future is ready)
            auto asked = s.history().search(about);
            auto hits = asked.isFinished() ? asked.result() : Result<SearchPage>(Error::busy(QStringLiteral("later")));
            for (const MessageHit& h : hits ? hits->hits : std::vector<MessageHit>{}) {
                buyers.emplace_back(h.platform, h.buyerNick);
            }
            for (const auto& [platformName, nick] : buyers) {
                auto refunds = s.orders().refundsOfBuyer(platformName, nick);
                const bool pending = refunds && std::any_of(refunds->begin(), refunds->end(),
                                                            [](const Refund& r) { return isRefundPending(r.status); });
                if (pending && window.openBuyer(platformName, nick)) {
                    window.side()->setCurrentWidget(window.side()->refunds());
                    window.side()->refunds()->agree();
                    break;
                }
            }
            if (QDialog* d = window.side()->refunds()->confirmation()) {
                window.show();
                QTimer::singleShot(400, &window, [&window, d, path] { saveAndExit(&window, d, path); });
                return;
            }
            std::fprintf(stderr, "no pending refund to confirm yet; try a larger --after\n");
        }
        if (what == u"transfer") {
            if (ChatView* v = window.tabs()->current()) {
                QTimer::singleShot(1200, &window, [&window, path] {
                    if (QWidget* d = QApplication::activeModalWidget()) {
                        saveAndExit(&window, d, path);
                    } else {
                        std::fprintf(stderr, "the transfer dialog did not open\n");
                        QApplication::exit(1);
                    }
                });
                v->transfer();
                return;
            }
        }
        if (what.startsWith(u"console:")) {
            const QString name = what.mid(8);
            for (ConsoleWindow::Page p : ConsoleWindow::pagesFor(window.context().session)) {
                static const QStringList names{QStringLiteral("accounts"),    QStringLiteral("roles"),
                                               QStringLiteral("routing"),     QStringLiteral("queue"),
                                               QStringLiteral("phrases"),     QStringLiteral("texts"),
                                               QStringLiteral("performance"), QStringLiteral("audit")};
                static_assert(static_cast<int>(ConsoleWindow::Page::Audit) == 7, "one name per page");
                if (names.value(static_cast<int>(p)) == name) {
                    shot = window.openConsole(p);
                }
            }
        }
        QTimer::singleShot(400, &window, [shot, path] { saveAndExit(shot, nullptr, path); });
    });
}

} // namespace shopdesk::ui
