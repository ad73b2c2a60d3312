#include "bench/UiBench.h"

#include "chat/ChatTabs.h"
#include "chat/ChatView.h"
#include "chat/TimelineModel.h"
#include "quickreply/PhraseLibrary.h"
#include "quickreply/QuickReplyPicker.h"
#include "session/Chats.h"
#include "session/LocalShop.h"
#include "workbench/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace shopdesk::ui {

namespace {

[[noreturn]] void die(const char* what, const QString& why = {})
{
    std::fprintf(stderr, "bench-ui: %s %s\n", what, why.toUtf8().constData());
    std::exit(1);
}

qint64 envNumber(const char* name, qint64 fallback)
{
    bool ok = false;
    const qint64 v = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

double procStatusMiB(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(static_cast<qsizetype>(std::strlen(field))).trimmed().split(' ').first().toDouble() /
                   1024.0;
        }
    }
    return 0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

void line(const char* what, double value, const char* unit, double budget)
{
    std::printf("%-52s %10.1f %-3s budget %6.0f %-3s ratio %.2f %s\n", what, value, unit, budget, unit, value / budget,
                value <= budget ? "ok" : "OVER");
}

void pump(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
}

} // namespace

int runUiBench(const QString& keepDir)
{
    const qint64 messages = envNumber("SHOPDESK_BENCH_MESSAGES", 1'000'000);
    const int stallSeconds = static_cast<int>(envNumber("SHOPDESK_BENCH_STALL_SECONDS", 20));
    QTemporaryDir tmp;
    const QString dir = keepDir.isEmpty() ? tmp.path() : keepDir;
    const QString db = dir + QStringLiteral("/bench-ui.db");
    QFile::remove(db);

    // 1. The store, built by a child process so that this one's peak memory is the workbench's.
    QElapsedTimer t;
    t.start();
    const QString importFile = dir + QStringLiteral("/bench-import.jsonl");
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationDirPath() + QStringLiteral("/ui_bench_prepare"), {db, importFile});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        die("prepare the store");
    }
    // The throwaway store's owner password, read from the helper's pipe, goes to shopdeskctl in its
    // environment (never on a command line).
    QString ownerPassword;
    for (const QByteArray& out : child.readAllStandardOutput().split('\n')) {
        if (out.startsWith("owner-password ")) {
            ownerPassword = QString::fromUtf8(out.mid(15));
        }
    }
    if (ownerPassword.isEmpty()) {
        die("prepare the store", QStringLiteral("no owner"));
    }
    std::printf("store with %lld messages built in %.1f s\n\n", static_cast<long long>(messages), t.elapsed() / 1000.0);

    // 2. Cold start to first paint: open the store, log in, connect the shop, build and paint.
    t.restart();
    session::LocalShop::Options shopOptions;
    shopOptions.databasePath = db;
    auto local = session::LocalShop::open(shopOptions);
    if (!local) {
        die("open the store", local.error().message);
    }
    auto loggedIn = (*local)->loginDemo(false);
    if (!loggedIn) {
        die("log in", loggedIn.error().message);
    }
    session::ShopSession& session = **loggedIn;
    session::PlatformOptions platform;
    platform.bots = 400;
    platform.buyersPerMinute = 1000; // 双11
    platform.realTime = true;
    platform.speed = 1;
    platform.latencyMs = 40;
    if (Status st = (*local)->connectPlatform(session, platform); !st) {
        die("connect the simulated shop", st.error().message);
    }
    WorkbenchContext context{session};
    auto window = std::make_unique<MainWindow>(context);
    window->show();
    window->grab(); // paints every widget once
    const double coldMs = t.nsecsElapsed() / 1e6;

    // 3. Fifty tabs, the 10,000-message conversation among them.
    auto big = session.chats().conversation(QStringLiteral("sim"), QStringLiteral("big-1"));
    if (!big || !*big) {
        die("find the long conversation");
    }
    auto mine = session.chats().mine(Timestamp::fromMs(0));
    if (!mine) {
        die("list conversations", mine.error().message);
    }
    ChatTabs* tabs = window->tabs();
    ChatView* bigView = tabs->open(**big);
    int opened = 1;
    for (const ConversationSummary& s : *mine) {
        if (opened >= 50) {
            break;
        }
        if (s.key != u"big-1") {
            tabs->open(s);
            ++opened;
        }
    }
    pump(200);
    const int bigIndex = tabs->indexOf(bigView);
    const int otherIndex = bigIndex == 0 ? 1 : 0;
    std::vector<double> switchMs;
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer s;
        s.start();
        tabs->setCurrentIndex(i % 2 == 0 ? bigIndex : otherIndex);
        window->repaint();
        switchMs.push_back(s.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }

    // 4. Scroll the long conversation end to end: up to its first message (older pages load on the
    // way, a paint per step), then back down as a thumb drag paints it (60 frames), and, for the
    // record, down again a page at a time.
    tabs->setCurrentIndex(bigIndex);
    QScrollBar* bar = bigView->timelineView()->verticalScrollBar();
    t.restart();
    int steps = 0;
    while (bigView->timeline()->hasOlder() || bar->value() > bar->minimum()) {
        bar->setValue(bar->minimum());
        bigView->timelineView()->viewport()->repaint();
        ++steps;
        if (steps > 10'000) {
            die("scrolling up never reached the top");
        }
    }
    const double upMs = t.nsecsElapsed() / 1e6;
    t.restart();
    constexpr int kDragFrames = 60;
    for (int frame = 1; frame <= kDragFrames; ++frame) {
        bar->setValue(bar->minimum() + (bar->maximum() - bar->minimum()) * frame / kDragFrames);
        bigView->timelineView()->viewport()->repaint();
    }
    const double downMs = t.nsecsElapsed() / 1e6;
    bar->setValue(bar->minimum());
    t.restart();
    int pages = 0;
    while (bar->value() < bar->maximum()) {
        bar->setValue(bar->value() + bar->pageStep());
        bigView->timelineView()->viewport()->repaint();
        ++pages;
    }
    const double pagedMs = t.nsecsElapsed() / 1e6;
    const int rows = bigView->timeline()->rowCount();

    // 5. The `/` picker over the phrase library, one keystroke at a time (search and repaint).
    QuickReplyPicker* picker = bigView->picker();
    picker->show();
    std::vector<double> keyMs;
    for (const QString& typed :
         {QStringLiteral("fh"), QStringLiteral("qzx"), QStringLiteral("发货了吗"), QStringLiteral("物流"),
          QStringLiteral("p4999"), QStringLiteral("tkl"), QStringLiteral("亲亲在的"), QStringLiteral("bym")}) {
        for (qsizetype n = 0; n <= typed.size(); ++n) {
            QElapsedTimer k;
            k.start();
            picker->setQuery(typed.left(n));
            picker->repaint();
            keyMs.push_back(k.nsecsElapsed() / 1e6);
        }
    }
    picker->hide();
    const auto phraseCount = window->phrases()->index().phrases().size();

    // 6. Event-loop stalls while the shop runs at 双11 load with the 50 tabs open.
    std::vector<double> lateMs;
    QElapsedTimer since;
    since.start();
    QTimer probe;
    probe.setInterval(10);
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        lateMs.push_back(std::max(0.0, since.nsecsElapsed() / 1e6 - 10.0));
        since.restart();
    });
    qint64 events = 0;
    QObject::connect(
        &session, &session::ShopSession::stored,
        [&events](const QStringList& c, const QStringList& o, const QStringList&) { events += c.size() + o.size(); });
    probe.start();
    pump(stallSeconds * 1000);
    probe.stop();

    // 8. The same while another program writes: `shopdeskctl history import`, which holds the
    // database's write lock for its whole run. The workbench's writes wait their turn; the event
    // loop must not.
    std::vector<double> stallWithImport;
    QObject::disconnect(&probe, nullptr, nullptr, nullptr);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        stallWithImport.push_back(std::max(0.0, since.nsecsElapsed() / 1e6 - 10.0));
        since.restart();
    });
    const qint64 eventsBefore = events;
    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SHOPDESK_PASSWORD"), ownerPassword);
    import.setProcessEnvironment(env);
    import.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer importTime;
    importTime.start();
    import.start(QCoreApplication::applicationDirPath() + QStringLiteral("/shopdeskctl"),
                 {QStringLiteral("--db"), db, QStringLiteral("--as"), QStringLiteral("店长"), QStringLiteral("history"),
                  QStringLiteral("import"), importFile});
    since.restart();
    probe.start();
    qint64 maxWaitMs = 0;
    while (import.state() != QProcess::NotRunning || importTime.elapsed() < 500) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (const auto w = session.storeWaiting()) {
            maxWaitMs = std::max(maxWaitMs, w->waitedMs);
        }
        if (importTime.elapsed() > 600'000) {
            die("the import did not finish in 10 minutes");
        }
    }
    const double importSeconds = importTime.elapsed() / 1000.0;
    pump(1000); // the queued writes land
    probe.stop();
    if (import.exitStatus() != QProcess::NormalExit || import.exitCode() != 0) {
        die("shopdeskctl history import", QString::fromUtf8(import.readAllStandardOutput()));
    }
    const qint64 eventsDuringImport = events - eventsBefore;
    const QString importSaid = QString::fromUtf8(import.readAllStandardOutput()).trimmed().split(u'\n').last();

    // 7. A hundred open tabs.
    for (const ConversationSummary& s : *mine) {
        if (opened >= 100) {
            break;
        }
        if (!tabs->find(s.platform, s.key)) {
            tabs->open(s);
            ++opened;
        }
    }
    pump(500);

    std::printf("ShopDesk workbench, offscreen, %lld cached messages\n", static_cast<long long>(messages));
    line("cold start to first paint", coldMs, "ms", 1000);
    line("tab switch to the 10,000-message chat, p50", percentile(switchMs, 0.5), "ms", 16);
    line("tab switch to the 10,000-message chat, max", percentile(switchMs, 1.0), "ms", 16);
    std::printf("scroll end to end: %d rows, up to the first (loading %d pages, %d steps) %.0f ms, down as a "
                "60-frame drag %.0f ms\n",
                rows, (rows + TimelineModel::kPageSize - 1) / TimelineModel::kPageSize, steps, upMs, downMs);
    line("scroll through the 10,000-message chat end to end", upMs + downMs, "ms", 1000);
    std::printf("  (down again one page at a time: %d pages, %.0f ms, %.2f ms a page)\n", pages, pagedMs,
                pagedMs / std::max(1, pages));
    line("phrase picker keystroke p99", percentile(keyMs, 0.99), "ms", 16);
    std::printf("  (%zu phrases, %zu keystrokes, max %.1f ms)\n", phraseCount, keyMs.size(), percentile(keyMs, 1.0));
    line("event-loop stall p99 at 双11 load (50 tabs)", percentile(lateMs, 0.99), "ms", 50);
    std::printf("  (%zu probes over %d s, max %.1f ms, %lld conversations and orders stored meanwhile)\n",
                lateMs.size(), stallSeconds, percentile(lateMs, 1.0), static_cast<long long>(eventsBefore));
    line("event-loop stall p99 during a history import", percentile(stallWithImport, 0.99), "ms", 50);
    std::printf("  (%lld messages imported by shopdeskctl in %.1f s; %zu probes, max %.1f ms; the desk's writes "
                "waited up to %.1f s and %lld conversations and orders were stored meanwhile and after)\n",
                envNumber("SHOPDESK_BENCH_IMPORT", 200'000), importSeconds, stallWithImport.size(),
                percentile(stallWithImport, 1.0), maxWaitMs / 1000.0, static_cast<long long>(eventsDuringImport));
    std::printf("  (shopdeskctl: %s)\n", importSaid.toUtf8().constData());
    line("peak RSS with 100 open tabs", procStatusMiB("VmHWM:"), "MiB", 300);
    std::printf("  (%d tabs open, RSS now %.0f MiB)\n", tabs->count(), procStatusMiB("VmRSS:"));
    window.reset();
    return 0;
}

} // namespace shopdesk::ui
