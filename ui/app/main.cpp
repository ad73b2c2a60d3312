// shopdesk: the agent workbench. Opens the store, logs in (or, with --demo, runs the embedded
// demo shop as its demo agent), connects the shop's platform and shows the workbench.

#include "app/SingleInstance.h"
#include "app/TeamDesktop.h"
#include "bench/UiBench.h"
#include "common/Gates.h"
#include "common/Language.h"
#include "core/AppPaths.h"
#include "core/InstanceLock.h"
#include "core/Logging.h"
#include "login/LoginDialog.h"
#include "session/Chats.h"
#include "session/LocalShop.h"
#include "session/RemoteShop.h"
#include "workbench/MainWindow.h"
#include "workbench/Screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

using namespace shopdesk;

namespace {

bool hasRealDisplay()
{
    const QString platform = QGuiApplication::platformName();
    return platform != u"offscreen" && platform != u"minimal";
}

int refuse(const QString& message)
{
    std::fprintf(stderr, "shopdesk: %s\n", message.toLocal8Bit().constData());
    if (hasRealDisplay()) {
        QMessageBox::critical(nullptr, QStringLiteral("ShopDesk"), message);
    }
    return 1;
}

/// Chinese by default; English when asked (or chosen before).
QString installLanguage(QApplication& app, const QString& requested)
{
    QString lang = requested.isEmpty()
                       ? QSettings().value(QStringLiteral("ui/language"), QStringLiteral("zh_CN")).toString()
                       : requested;
    lang = ui::installLanguage(app, lang);
    if (!requested.isEmpty()) {
        QSettings().setValue(QStringLiteral("ui/language"), lang);
    }
    return lang;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    apppaths::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("ShopDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ShopDesk customer-service workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Run the embedded demo shop at a lively pace, logged in as its "
                                                       "demo agent (a new database becomes the demo shop)."));
    const QCommandLineOption shotOption(
        QStringLiteral("screenshot"), QStringLiteral("Log in as the demo agent, save a PNG of the main window, exit."),
        QStringLiteral("PATH"));
    const QCommandLineOption afterOption(QStringLiteral("after"), QStringLiteral("Seconds before the screenshot."),
                                         QStringLiteral("SECONDS"), QStringLiteral("6"));
    const QCommandLineOption showOption(
        QStringLiteral("show"),
        QStringLiteral(
            "What the screenshot shows: buyer, orders, refunds, logistics, phrases, picker, followups, "
            "transfer, or refund-confirm|console:accounts|roles|routing|queue|phrases|texts|performance|audit (as the "
            "demo supervisor)."),
        QStringLiteral("WHAT"), QStringLiteral("orders"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("zh_CN (default) or en."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption benchOption(
        QStringLiteral("bench-ui"), QStringLiteral("Measure the workbench under 双11 load and print the figures."));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("Team mode: log in to this shopdesk-server (HOST:PORT)."),
                                          QStringLiteral("HOST:PORT"));
    const QCommandLineOption fingerprintOption(
        QStringLiteral("server-fingerprint"),
        QStringLiteral("The server certificate's SHA-256 fingerprint (else trusted on first use and remembered)."),
        QStringLiteral("SHA256"));
    const QCommandLineOption plainOption(QStringLiteral("plain"),
                                         QStringLiteral("Unencrypted, to a server on this PC only (tests)."));
    const QCommandLineOption asOption(QStringLiteral("as"),
                                      QStringLiteral("Team mode: log in as this account with the password in "
                                                     "SHOPDESK_PASSWORD (the team demo)."),
                                      QStringLiteral("ACCOUNT"));
    parser.addOptions({dbOption, demoOption, shotOption, afterOption, showOption, langOption, benchOption, serverOption,
                       fingerprintOption, plainOption, asOption});
    parser.process(app);

    const QString language = installLanguage(app, parser.value(langOption));
    if (parser.isSet(benchOption)) {
        return ui::runUiBench(parser.value(dbOption));
    }

    logging::Options logOptions;
    logOptions.directory = apppaths::logDir();
    logOptions.fileName = QStringLiteral("shopdesk");
    logging::init(logOptions);

    if (parser.isSet(serverOption)) {
        session::ServerOptions server;
        server.server = parser.value(serverOption);
        server.fingerprint = parser.value(fingerprintOption);
        server.plain = parser.isSet(plainOption);
        server.keepCopy = true;     // readable offline, sealed with the account's password
        server.language = language; // the server's sentences in the desktop's language
        return ui::runTeamDesktop(app, server, parser.value(asOption), parser.value(shotOption),
                                  parser.value(showOption),
                                  static_cast<int>(parser.value(afterOption).toDouble() * 1000));
    }

    const bool demo = parser.isSet(demoOption) || parser.isSet(shotOption);
    const QString dbPath = parser.isSet(dbOption) ? parser.value(dbOption) : apppaths::defaultDatabase();
    ui::SingleInstance instance(dbPath);
    auto lock = InstanceLock::acquire(dbPath);
    if (!lock) {
        // The first window comes to the front; this start says so and ends.
        if (instance.askFirstToRaise()) {
            std::fprintf(stderr, "shopdesk: %s\n",
                         QCoreApplication::translate("main", "ShopDesk is already open on this database: its window "
                                                             "was brought to the front.")
                             .toLocal8Bit()
                             .constData());
            return 1;
        }
        return refuse(lock.error().message);
    }
    instance.listen();
    session::LocalShop::Options options;
    options.databasePath = dbPath;
    options.create = true;
    auto opened = session::LocalShop::open(options);
    if (!opened) {
        return refuse(opened.error().message);
    }
    session::LocalShop& local = **opened;

    if (demo) {
        auto seeded = local.seedDemo();
        if (!seeded) {
            return refuse(seeded.error().message);
        }
        if (!seeded->empty()) {
            std::printf("Demo shop created. Its accounts (passwords are shown only this once):\n");
            for (const auto& a : *seeded) {
                std::printf("  %-16s %-14s %s\n", a.fullName.toUtf8().constData(), a.password.toUtf8().constData(),
                            a.roles.toUtf8().constData());
            }
            std::fflush(stdout);
        }
    }
    auto shop = local.shop();
    if (!shop) {
        return refuse(QCoreApplication::translate(
            "main", "This database has no shop yet. Create one with `shopdeskctl init`, or start with --demo."));
    }

    // A session that ends (the account disabled, deleted, locked, its password changed, or a
    // logout) brings back the login with the reason; the window goes with its session.
    constexpr int kLogInAgain = 0x5D;
    // The console pages and the supervisor's desk (a refund of anyone's buyer) as 主管老李.
    const bool consoleShot = parser.isSet(shotOption) && (parser.value(showOption).startsWith(u"console:") ||
                                                          parser.value(showOption) == u"refund-confirm");
    bool automaticLogin = demo;
    bool connected = false;
    QString notice;
    for (;;) {
        std::shared_ptr<session::ShopSession> session;
        if (automaticLogin) {
            automaticLogin = false;
            auto s = local.loginDemo(consoleShot);
            if (!s) {
                return refuse(s.error().message);
            }
            session = *s;
        } else {
            ui::LoginDialog login(
                [&local, &language](const QString& name, const QString& password, const QString& server) {
                    if (!server.isEmpty()) {
                        session::ServerOptions team;
                        team.server = server;
                        team.keepCopy = true;
                        team.language = language;
                        return session::RemoteShop::login(team, name, password);
                    }
                    return local.login(name, password);
                },
                shop->name, notice);
            if (login.exec() != QDialog::Accepted) {
                return 0;
            }
            session = login.session();
        }
        if (session->teamMode()) {
            // Team mode: the server runs the shop's platform; this desk says it is at work.
            (void)session->chats().setPresence(platform::AgentPresence::Online);
        } else if (!connected) {
            session::PlatformOptions platform;
            platform.seed = static_cast<quint64>(QDateTime::currentSecsSinceEpoch());
            // The demo runs lively: at least 8 colleagues and 15 buyers a minute.
            platform.lively = demo;
            platform.personOnline = true;
            platform.realTime = true;
            platform.latencyMs = 80;
            // The shop has been open a few minutes when the workbench starts, the agent at the desk.
            platform.warmUpSecs = 4 * 60;
            if (Status st = local.connectPlatform(*session, platform); !st) {
                return refuse(st.error().message);
            }
            connected = true;
        }
        ui::WorkbenchContext context{*session};
        ui::MainWindow window(context);
        QObject::connect(session.get(), &session::ShopSession::sessionEnded, &app, [&notice](const QString& why) {
            notice = why;
            QApplication::exit(kLogInAgain);
        });
        window.show();
        QObject::connect(&instance, &ui::SingleInstance::raiseRequested, &window, [&window] {
            std::fprintf(stdout, "shopdesk: another start asked for this window\n");
            std::fflush(stdout);
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.show();
            window.raise();
            window.activateWindow();
        });
        if (parser.isSet(shotOption)) {
            ui::scheduleScreenshot(window, parser.value(shotOption), parser.value(showOption),
                                   static_cast<int>(parser.value(afterOption).toDouble() * 1000));
        }
        const int status = QApplication::exec();
        if (status != kLogInAgain) {
            logging::flush();
            return status;
        }
    }
}
