#include "workbench/Screenshot.h"

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "session/Orders.h"
#include "side/SidePanel.h"
#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"
#include "workbench/MainWindow.h"

#include <QApplication>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace shopdesk::ui {

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
        QTimer::singleShot(400, &window, [shot, path] {
            const bool saved = shot->grab().save(path);
            std::fprintf(saved ? stdout : stderr, saved ? "screenshot saved: %s\n" : "cannot save %s\n",
                         path.toLocal8Bit().constData());
            QApplication::exit(saved ? 0 : 1);
        });
    });
}

} // namespace shopdesk::ui
