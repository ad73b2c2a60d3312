#include "app/TeamDesktop.h"

#include "core/Logging.h"
#include "core/WaitFor.h"
#include "login/LoginDialog.h"
#include "session/Chats.h"
#include "workbench/MainWindow.h"
#include "workbench/Screenshot.h"

#include <QMessageBox>

#include <cstdio>

namespace shopdesk::ui {

namespace {

constexpr int kLogInAgain = 0x5D;

/// Runs the event loop until the login answered (no window is open yet).
Result<std::shared_ptr<session::ShopSession>> loginAs(const session::ServerOptions& server, const QString& account,
                                                      QString* trustNote)
{
    return waitFor(session::RemoteShop::login(server, account, qEnvironmentVariable("SHOPDESK_PASSWORD"), trustNote));
}

} // namespace

int runTeamDesktop(QApplication& app, const session::ServerOptions& server, const QString& account,
                   const QString& screenshot, const QString& show, int afterMs)
{
    QString notice;
    bool automatic = !account.isEmpty();
    for (;;) {
        std::shared_ptr<session::ShopSession> session;
        auto trustNote = std::make_shared<QString>();
        if (automatic) {
            automatic = false;
            auto s = loginAs(server, account, trustNote.get());
            if (!s) {
                std::fprintf(stderr, "shopdesk: %s\n", s.error().message.toLocal8Bit().constData());
                return exitCodeFor(s.error().code);
            }
            session = *s;
        } else {
            LoginDialog login(
                [server, trustNote](const QString& name, const QString& password, const QString& typed) {
                    session::ServerOptions options = server;
                    if (!typed.isEmpty()) {
                        options.server = typed;
                    }
                    return session::RemoteShop::login(options, name, password, trustNote.get());
                },
                QString(), notice, nullptr, server.server);
            if (login.exec() != QDialog::Accepted) {
                return 0;
            }
            session = login.session();
        }
        if (!trustNote->isEmpty()) {
            std::fprintf(stderr, "shopdesk: %s\n", trustNote->toLocal8Bit().constData());
        }
        // The server runs the shop's platform; this desk says it is at work.
        if (session->can(auth::Permission::ChatRead)) {
            (void)session->chats().setPresence(platform::AgentPresence::Online);
        }
        WorkbenchContext context{*session};
        MainWindow window(context);
        QObject::connect(session.get(), &session::ShopSession::sessionEnded, &app, [&notice](const QString& why) {
            notice = why;
            QApplication::exit(kLogInAgain);
        });
        window.show();
        if (!screenshot.isEmpty()) {
            scheduleScreenshot(window, screenshot, show, afterMs);
        }
        const int status = QApplication::exec();
        if (status != kLogInAgain) {
            logging::flush();
            return status;
        }
    }
}

} // namespace shopdesk::ui
