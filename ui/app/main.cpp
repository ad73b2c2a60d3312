#include "MainWindow.h"

#include "core/AppPaths.h"
#include "core/Clock.h"
#include "core/InstanceLock.h"
#include "core/Logging.h"
#include "services/demo/DemoHistory.h"
#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "services/search/SearchService.h"
#include "services/shop/ShopRepository.h"
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

/// Gives a new, empty database the demo shop and its history.
Status seedDemo(store::SqliteStore& db)
{
    if (db.shop().shop()) {
        return {};
    }
    Shop shop;
    shop.name = QStringLiteral("果果旗舰店");
    if (auto st = db.shop().initialise(shop); !st) {
        return st;
    }
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        return corpus.error();
    }
    auto done = db.history().ingest(demoHistory(*corpus, SystemClock().now()));
    done.waitForFinished();
    if (!done.result()) {
        return done.result().error();
    }
    std::printf("Demo shop '%s' created.\n", shop.name.toUtf8().constData());
    return {};
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
    store::SqliteStore::Options storeOptions;
    storeOptions.create = true;
    auto db = store::SqliteStore::open(dbPath, storeOptions);
    if (!db) {
        return refuse(db.error().message);
    }
    if (parser.isSet(demoOption) || parser.isSet(shotOption)) {
        if (auto st = seedDemo(**db); !st) {
            return refuse(st.error().message);
        }
    }
    const auto shop = (*db)->shop().shop();
    SearchService search((*db)->messages());
    ui::MainWindow window((*db)->messages(), search, shop ? shop->name : QStringLiteral("—"));
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
