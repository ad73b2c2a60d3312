#include "MainWindow.h"

#include "backend/Backend.h"
#include "backend/DemoShop.h"
#include "core/AppPaths.h"
#include "core/InstanceLock.h"
#include "core/Logging.h"
#include "services/search/SearchService.h"
#include "store/SqliteStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTimer>

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
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Run on the embedded demo shop."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the main window and exit."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption afterOption(QStringLiteral("after"), QStringLiteral("Seconds before the screenshot."),
                                         QStringLiteral("SECONDS"), QStringLiteral("1"));
    parser.addOptions({dbOption, demoOption, shotOption, afterOption});
    parser.process(app);

    logging::Options logOptions;
    logOptions.directory = apppaths::logDir();
    logOptions.fileName = QStringLiteral("shopdesk");
    logging::init(logOptions);

    const QString dbPath = parser.isSet(dbOption) ? parser.value(dbOption) : apppaths::defaultDatabase();
    auto lock = InstanceLock::acquire(dbPath);
    if (!lock) {
        return refuse(lock.error().message);
    }
    Backend::Options options;
    options.databasePath = dbPath;
    options.create = true;
    auto backend = Backend::open(std::move(options));
    if (!backend) {
        return refuse(backend.error().message);
    }
    Backend& b = **backend;

    // Until the login dialog arrives, the workbench runs on the demo shop as its demo agent.
    auto seeded = demoshop::seed(b);
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
    auto session = demoshop::loginDemoAgent(b);
    if (!session) {
        return refuse(session.error().message);
    }

    ui::MainWindow window(b.store().messages(), b.search(), session->actor);
    window.show();

    if (parser.isSet(shotOption)) {
        const QString path = parser.value(shotOption);
        const int afterMs = static_cast<int>(parser.value(afterOption).toDouble() * 1000);
        QTimer::singleShot(afterMs, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            std::fprintf(saved ? stdout : stderr, saved ? "screenshot saved: %s\n" : "cannot save %s\n",
                         path.toLocal8Bit().constData());
            QApplication::exit(saved ? 0 : 1);
        });
    }
    const int status = QApplication::exec();
    logging::flush();
    return status;
}
