// team_load: a shop at 双11 load on two shopdesk-server instances over one PostgreSQL, with N
// headless desks (the desktop's own remote session, no widgets) in this process. The simulated
// shop runs inside the router instance; every desk replies to its buyers after a human-like
// delay. Printed: buyer message stamped → shown on the owning desk (p50/p99), reply sent →
// acknowledged (p50/p99), each beside the same run's floor (a bare INSERT + NOTIFY round trip
// to a listener) as a ratio; routing decisions a second; each server's CPU and peak RSS;
// PostgreSQL commits a second; and the invariants (lost, duplicated, double owners, limits,
// every desk's view equal to the server's). Exit status 1 when an invariant fails.
//
//   team_load --clients 200 --seconds 120 --buyers-per-minute 600      (docs/performance.md)
//   team_load --clients 20 --seconds 30                                (the suite's short form)
//
// Needs a PostgreSQL (the PG* environment; ./test.sh runs the suite inside pg_virtualenv).

#include "domain/Message.h"
#include "domain/Workbench.h"
#include "pg/PgConnection.h"
#include "session/Chats.h"
#include "session/RemoteShop.h"
#include "session/ShopSession.h"
#include "session/Team.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include <poll.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <vector>

using namespace shopdesk;

namespace {

const QString kOwnerPassword = QStringLiteral("Load-owner-2026!");
const QString kAgentPassword = QStringLiteral("Load-agent-2026!");

[[noreturn]] void die(const QString& what)
{
    std::fprintf(stderr, "team_load: %s\n", what.toUtf8().constData());
    std::exit(2);
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <typename T>
T wait(QFuture<T> f, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!f.isFinished()) {
        if (t.elapsed() > timeoutMs) {
            die(QStringLiteral("an answer took longer than %1 s").arg(timeoutMs / 1000));
        }
        spin(5);
    }
    return f.result();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// One shopdesk-server process.
struct Instance {
    std::unique_ptr<QProcess> process;
    quint16 port = 0;
    qint64 pid = 0;
};

Instance startInstance(const QString& bin, const QString& pgUrl, const QString& dataDir, quint16 port, int pace)
{
    Instance i;
    i.port = port;
    i.process = std::make_unique<QProcess>();
    i.process->setProcessChannelMode(QProcess::MergedChannels);
    // Its log, to read after a run that went wrong (TEAM_LOAD_LOGS=DIR).
    const QString logs = qEnvironmentVariable("TEAM_LOAD_LOGS");
    const QString logFile = logs.isEmpty() ? QString() : QDir(logs).filePath(QStringLiteral("server-%1.log").arg(port));
    if (!logFile.isEmpty()) {
        i.process->setStandardOutputFile(logFile);
    }
    i.process->start(bin, {QStringLiteral("run"), QStringLiteral("--pg"), pgUrl, QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--data"), dataDir,
                           QStringLiteral("--buyers-per-minute"), QString::number(pace)});
    if (!i.process->waitForStarted(10000)) {
        die(QStringLiteral("cannot start %1").arg(bin));
    }
    i.pid = i.process->processId();
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (!out.contains("listening on")) {
        if (t.elapsed() > 20000 || i.process->state() != QProcess::Running) {
            die(QStringLiteral("the server did not start: %1").arg(QString::fromUtf8(out)));
        }
        if (logFile.isEmpty()) {
            i.process->waitForReadyRead(100);
            out += i.process->readAll();
        } else {
            spin(100);
            QFile f(logFile);
            out = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }
    }
    // Its log is not read further; a full pipe must not stop it.
    QObject::connect(i.process.get(), &QProcess::readyRead, i.process.get(), [p = i.process.get()] { p->readAll(); });
    return i;
}

/// utime + stime in seconds, and VmHWM in MiB, of a process.
std::pair<double, double> cpuAndPeak(qint64 pid)
{
    double cpu = 0;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 13) {
            cpu = (f[11].toDouble() + f[12].toDouble()) / 100.0; // clock ticks (100 a second on Linux)
        }
    }
    double peak = 0;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:")) {
                peak = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            }
        }
    }
    return {cpu, peak};
}

/// The floor: a bare INSERT + NOTIFY from one connection to a listener on another, round trip.
std::vector<double> floorSamples(const QString& url, int samples)
{
    auto writer = pg::PgConnection::open(url);
    auto listener = pg::PgConnection::open(url);
    if (!writer || !listener) {
        die(QStringLiteral("cannot open the floor's connections"));
    }
    if (!(*writer)->exec("CREATE TABLE IF NOT EXISTS load_floor(id BIGSERIAL PRIMARY KEY, at BIGINT)").ok() ||
        !(*listener)->exec("LISTEN load_floor").ok()) {
        die(QStringLiteral("cannot prepare the floor"));
    }
    std::vector<double> out;
    for (int i = 0; i < samples; ++i) {
        QElapsedTimer t;
        t.start();
        if (!(*writer)->exec("BEGIN; INSERT INTO load_floor(at) VALUES (0); NOTIFY load_floor, 'x'; COMMIT").ok()) {
            die(QStringLiteral("the floor's insert failed"));
        }
        while ((*listener)->notifications().empty()) {
            if (t.elapsed() > 5000) {
                die(QStringLiteral("the floor's notification did not arrive"));
            }
            pollfd p{(*listener)->socket(), POLLIN, 0};
            (void)::poll(&p, 1, 5);
        }
        out.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return out;
}

/// One headless desk: what an agent's desktop does, without the widgets.
struct Desk {
    QString name;
    std::shared_ptr<session::ShopSession> s;
    std::map<qint64, qint64> lastSeen;  ///< conversation → the newest message id seen
    std::map<qint64, qint64> heldSince; ///< conversation → when this desk first saw it as its own
    std::set<QString> replyDue;         ///< buyers a reply is scheduled for
    std::set<qint64> seenIds;           ///< every message id shown (a second sighting is a duplicate)
    /// conversation key → the first message change heard for it and not shown yet (its seq)
    std::map<QString, qint64> unshown;
    std::set<QString> heldKeys; ///< the conversations it holds, as it last looked
    /// (seq of the change, when the desk showed its message): matched with the change's commit time
    std::vector<std::pair<qint64, qint64>> shownAt;
    int duplicates = 0;
    int sent = 0;
};

} // namespace

int main(int argc, char** argv)
{
    // A desktop's event loop (offscreen, no widgets): the desks' sessions then never wait on the
    // network, as on an agent's PC (a QCoreApplication is a command line, which may).
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int clients = 200;
    int seconds = 120;
    int pace = 600;
    int replyMinMs = 1500;
    int replyMaxMs = 5000;
    QString bin = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("shopdesk-server"));
    for (int i = 1; i + 1 < argc; i += 2) {
        const QByteArray a = argv[i];
        const int v = QByteArray(argv[i + 1]).toInt();
        if (a == "--clients") {
            clients = std::max(2, v);
        } else if (a == "--seconds") {
            seconds = std::max(5, v);
        } else if (a == "--buyers-per-minute") {
            pace = std::clamp(v, 1, 5000);
        } else if (a == "--reply-min-ms") {
            replyMinMs = v;
        } else if (a == "--reply-max-ms") {
            replyMaxMs = std::max(replyMinMs + 1, v);
        } else if (a == "--server") {
            bin = QString::fromLocal8Bit(argv[i + 1]);
        } else {
            die(QStringLiteral("unknown option %1").arg(QString::fromLatin1(a)));
        }
    }
    if (qEnvironmentVariableIsEmpty("PGHOST")) {
        die(QStringLiteral("no PostgreSQL: run it inside pg_virtualenv (./test.sh does)"));
    }

    // A schema of its own and the shop, made by shopdesk-server init.
    const QString schema = QStringLiteral("team_load_%1").arg(QCoreApplication::applicationPid());
    auto admin = pg::PgConnection::open(QString());
    if (!admin ||
        !(*admin)
             ->exec(
                 QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1").arg(schema).toUtf8().constData())
             .ok()) {
        die(QStringLiteral("cannot make the schema"));
    }
    const QString url = QStringLiteral("options=-csearch_path=%1").arg(schema);
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("server"));
    QProcess init;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SHOPDESK_NEW_PASSWORD"), kOwnerPassword);
    init.setProcessEnvironment(env);
    init.start(bin, {QStringLiteral("init"), QStringLiteral("--pg"), url, QStringLiteral("--shop"),
                     QStringLiteral("双十一旗舰店"), QStringLiteral("--owner"), QStringLiteral("店长"),
                     QStringLiteral("--data"), dataDir, QStringLiteral("--host"), QStringLiteral("localhost")});
    if (!init.waitForFinished(60000) || init.exitCode() != 0) {
        die(QStringLiteral("init failed: %1").arg(QString::fromUtf8(init.readAllStandardError())));
    }
    QString fingerprint;
    for (const QByteArray& line : init.readAllStandardOutput().split('\n')) {
        if (line.startsWith("SHA-256 fingerprint: ")) {
            fingerprint = QString::fromLatin1(line.mid(21).trimmed());
        }
    }
    const quint16 basePort = static_cast<quint16>(20000 + QCoreApplication::applicationPid() % 20000);
    std::vector<Instance> instances;
    instances.push_back(startInstance(bin, url, dataDir, basePort, pace));
    instances.push_back(startInstance(bin, url, dataDir, static_cast<quint16>(basePort + 1), pace));
    auto options = [&](size_t instance) {
        session::ServerOptions o;
        o.server = QStringLiteral("127.0.0.1:%1").arg(instances[instance].port);
        o.fingerprint = fingerprint;
        o.knownServersFile = dir.filePath(QStringLiteral("known_servers.json"));
        o.cacheDir = dir.filePath(QStringLiteral("desk-cache"));
        return o;
    };

    // The team: agents in two groups with limits of 5 to 8.
    auto owner = wait(session::RemoteShop::login(options(0), QStringLiteral("店长"), kOwnerPassword));
    if (!owner) {
        die(owner.error().message);
    }
    if (Status st = wait((*owner)->team().saveRouting(routing::Settings(),
                                                      {{QStringLiteral("售前"), 6}, {QStringLiteral("售后"), 6}}));
        !st) {
        die(st.error().message);
    }
    QRandomGenerator rng(20261111);
    std::vector<Desk> desks(static_cast<size_t>(clients));
    for (int i = 0; i < clients; ++i) {
        NewAccount a;
        a.name = QStringLiteral("客服%1").arg(i, 3, 10, QLatin1Char('0'));
        a.password = kAgentPassword;
        a.roles = {QStringLiteral("presales")};
        a.group = i % 3 == 2 ? QStringLiteral("售后") : QStringLiteral("售前");
        a.receptionLimit = 5 + rng.bounded(4);
        auto made = wait((*owner)->team().createAccount(a));
        if (!made) {
            die(made.error().message);
        }
        desks[static_cast<size_t>(i)].name = a.name;
    }
    QElapsedTimer loginTime;
    loginTime.start();
    for (size_t i = 0; i < desks.size(); ++i) {
        auto s = wait(session::RemoteShop::login(options(i % 2), desks[i].name, kAgentPassword));
        if (!s) {
            die(s.error().message);
        }
        desks[i].s = *s;
    }
    const double loginSeconds = static_cast<double>(loginTime.elapsed()) / 1000.0;
    for (Desk& d : desks) {
        (void)wait(d.s->chats().setPresence(platform::AgentPresence::Online));
    }

    std::vector<double> stampedToShown; ///< the simulated buyer's time stamp → shown
    std::vector<double> replyRtt;
    int replyFailures = 0;
    std::set<QString> acked; ///< the text of every acknowledged reply
    bool running = true;
    auto look = [&](Desk& d) {
        auto mine = d.s->chats().mine(Timestamp::fromMs(0));
        if (!mine) {
            return;
        }
        const qint64 now = nowMs();
        for (const ConversationSummary& c : *mine) {
            if (c.state != ConversationSummary::State::Active || c.agent != d.name) {
                continue;
            }
            const qint64 id = c.id.value();
            d.heldSince.try_emplace(id, now);
            d.heldKeys.insert(c.key);
            auto page = d.s->chats().page(c.id, 50, MessageId());
            if (!page) {
                continue; // its timeline is on its way; `stored` comes again with it
            }
            qint64& last = d.lastSeen[id];
            bool buyerWrote = false;
            bool fresh = false;
            for (const Message& m : *page) {
                if (m.id.value() <= last) {
                    continue;
                }
                last = m.id.value();
                fresh = true;
                if (!d.seenIds.insert(m.id.value()).second) {
                    ++d.duplicates;
                }
                if (m.sender == Sender::Buyer && m.sentAt.ms() >= d.heldSince[id]) {
                    stampedToShown.push_back(static_cast<double>(now - m.sentAt.ms()));
                    buyerWrote = true;
                }
            }
            if (auto pending = d.unshown.find(c.key); pending != d.unshown.end() && fresh) {
                if (buyerWrote) {
                    d.shownAt.emplace_back(pending->second, now); // the first change heard, now shown
                }
                d.unshown.erase(pending);
            }
            // The buyer is waiting when the last word is theirs: the agent answers (once at a time).
            const bool waiting = !page->empty() && page->back().sender == Sender::Buyer;
            if (waiting && running && d.replyDue.insert(c.buyerNick).second) {
                const QString buyer = c.buyerNick;
                Desk* desk = &d;
                QTimer::singleShot(replyMinMs + static_cast<int>(rng.bounded(replyMaxMs - replyMinMs)), [&, desk,
                                                                                                         buyer] {
                    desk->replyDue.erase(buyer);
                    if (!running) {
                        return;
                    }
                    const QString text = QStringLiteral("您好，马上为您查询 #%1-%2").arg(desk->name).arg(++desk->sent);
                    const qint64 t0 = nowMs();
                    desk->s->chats().send(buyer, text).then(desk->s.get(), [&, t0, text](const Status& st) {
                        if (st.ok()) {
                            replyRtt.push_back(static_cast<double>(nowMs() - t0));
                            acked.insert(text);
                        } else {
                            ++replyFailures; // the buyer went to a colleague or closed meanwhile
                        }
                    });
                });
            }
        }
    };
    for (Desk& d : desks) {
        Desk* desk = &d;
        QObject::connect(d.s.get(), &session::ShopSession::changeArrived, d.s.get(),
                         [desk](qint64 seq, const QString& kind, const QByteArray& payload) {
                             if (kind == u"message") {
                                 const QString key =
                                     QJsonDocument::fromJson(payload).object().value(QStringLiteral("key")).toString();
                                 if (desk->heldKeys.count(key)) {
                                     desk->unshown.try_emplace(key, seq);
                                 }
                             }
                         });
        QObject::connect(d.s.get(), &session::ShopSession::stored, d.s.get(),
                         [&look, desk](const QStringList&, const QStringList&, const QStringList&) { look(*desk); });
    }

    auto commits = [&]() -> qint64 {
        auto r = (*admin)->query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return r && r->rows() == 1 ? r->integer(0, 0) : 0;
    };
    auto assignments = [&]() -> qint64 {
        auto r =
            (*admin)->query(QStringLiteral("SELECT count(*) FROM %1.assignments").arg(schema).toUtf8().constData());
        return r && r->rows() == 1 ? r->integer(0, 0) : 0;
    };
    std::vector<std::pair<double, double>> cpuBefore;
    for (const Instance& i : instances) {
        cpuBefore.push_back(cpuAndPeak(i.pid));
    }
    auto buyerMessages = [&]() -> qint64 {
        auto r = (*admin)->query(
            QStringLiteral("SELECT count(*) FROM %1.messages WHERE sender = 0").arg(schema).toUtf8().constData());
        return r && r->rows() == 1 ? r->integer(0, 0) : 0;
    };
    const qint64 messagesBefore = buyerMessages();
    const qint64 commitsBefore = commits();
    const qint64 assignmentsBefore = assignments();
    QElapsedTimer run;
    run.start();
    std::fprintf(stderr, "team_load: %d desks logged in (%.1f s); running %d s\n", clients, loginSeconds, seconds);
    while (run.elapsed() < seconds * 1000LL) {
        spin(50);
    }
    running = false;
    const double elapsed = static_cast<double>(run.elapsed()) / 1000.0;
    const qint64 commitsAfter = commits();
    const qint64 messagesAfter = buyerMessages();
    const qint64 assignmentsAfter = assignments();
    std::vector<std::pair<double, double>> cpuAfter;
    for (const Instance& i : instances) {
        cpuAfter.push_back(cpuAndPeak(i.pid));
    }
    spin(std::max(3000, replyMaxMs + 2000)); // the last replies answered
    const std::vector<double> floor = floorSamples(url, 200);

    // Invariants, read from the database.
    int failures = 0;
    auto count = [&](const QString& sql) -> qint64 {
        auto r = (*admin)->query(sql.arg(schema).toUtf8().constData());
        if (!r || r->rows() != 1) {
            die(QStringLiteral("cannot check: %1").arg(sql));
        }
        return r->integer(0, 0);
    };
    const qint64 doubles =
        count(QStringLiteral("SELECT count(*) FROM (SELECT conversation_id FROM %1.assignments "
                             "WHERE ended_at IS NULL GROUP BY conversation_id HAVING count(*) > 1) d"));
    const qint64 overLimit = count(QStringLiteral(
        "SELECT count(*) FROM (SELECT a.id FROM %1.accounts a LEFT JOIN %1.routing_groups g ON g.shop_id = a.shop_id "
        "AND g.name = a.grp JOIN %1.assignments s ON s.account_id = a.id AND s.ended_at IS NULL AND s.reason IN "
        "('free', 'queue', 'take') GROUP BY a.id, a.reception_limit, g.reception_limit HAVING count(*) > "
        "COALESCE(a.reception_limit, g.reception_limit, 0)) o"));
    std::set<QString> storedReplies;
    qint64 duplicatedReplies = 0;
    {
        auto r = (*admin)->query(
            QStringLiteral("SELECT text, count(*) FROM %1.messages WHERE sender = 1 AND text LIKE '%#客服%' GROUP BY "
                           "text")
                .arg(schema)
                .toUtf8()
                .constData());
        if (!r) {
            die(QStringLiteral("cannot read the replies"));
        }
        for (int i = 0; i < r->rows(); ++i) {
            storedReplies.insert(r->text(i, 0));
            duplicatedReplies += r->integer(i, 1) - 1;
        }
    }
    qint64 lostReplies = 0;
    for (const QString& t : acked) {
        lostReplies += storedReplies.count(t) ? 0 : 1;
    }
    int deskDuplicates = 0;
    int viewsDiffer = 0;
    for (Desk& d : desks) {
        deskDuplicates += d.duplicates;
        // What the desk shows as its own equals what the server holds for the account (the shop
        // goes on meanwhile: given a few seconds to agree).
        bool same = false;
        for (int attempt = 0; attempt < 60 && !same; ++attempt) {
            auto r = (*admin)->query(QStringLiteral("SELECT c.key FROM %1.conversations c JOIN %1.accounts a ON a.id = "
                                                    "c.owner_id WHERE a.name = $1 AND c.state = 'active' ORDER BY 1")
                                         .arg(schema)
                                         .toUtf8()
                                         .constData(),
                                     {pg::param(d.name)});
            QStringList server;
            for (int i = 0; r && i < r->rows(); ++i) {
                server << r->text(i, 0);
            }
            QStringList shown;
            auto mine = d.s->chats().mine(Timestamp::fromMs(0));
            for (const ConversationSummary& c : mine ? *mine : std::vector<ConversationSummary>()) {
                if (c.state == ConversationSummary::State::Active && c.agent == d.name) {
                    shown << c.key;
                }
            }
            shown.sort();
            same = shown == server;
            if (!same) {
                spin(100);
            }
        }
        viewsDiffer += same ? 0 : 1;
    }

    // Stored → shown: each shown message's change, by the time its transaction stored it.
    std::vector<double> fanOut;
    {
        std::map<qint64, qint64> storedAt;
        auto r = (*admin)->query(
            QStringLiteral("SELECT seq, at FROM %1.changes WHERE kind = 'message'").arg(schema).toUtf8().constData());
        for (int i = 0; r && i < r->rows(); ++i) {
            storedAt.emplace(r->integer(i, 0), r->integer(i, 1));
        }
        for (const Desk& d : desks) {
            for (const auto& [seq, shown] : d.shownAt) {
                auto at = storedAt.find(seq);
                if (at != storedAt.end()) {
                    fanOut.push_back(static_cast<double>(shown - at->second));
                }
            }
        }
    }
    const double floorP50 = percentile(floor, 0.5);
    const double floorP99 = percentile(floor, 0.99);
    std::printf("team_load: %d desks on 2 instances, %.0f s, %d new buyers a minute\n", clients, elapsed, pace);
    std::printf("  buyer message -> shown on the owning desk: p50 %.1f ms, p99 %.1f ms (%zu messages); floor p50 %.2f "
                "ms, p99 %.2f ms; ratio p99 %.1fx\n",
                percentile(fanOut, 0.5), percentile(fanOut, 0.99), fanOut.size(), floorP50, floorP99,
                floorP99 > 0 ? percentile(fanOut, 0.99) / floorP99 : 0);
    std::printf("  (the simulated buyer's time stamp -> shown: p50 %.1f ms, p99 %.1f ms)\n",
                percentile(stampedToShown, 0.5), percentile(stampedToShown, 0.99));
    std::printf("  reply sent -> acknowledged: p50 %.1f ms, p99 %.1f ms (%zu replies, %d refused); ratio p99 %.1fx\n",
                percentile(replyRtt, 0.5), percentile(replyRtt, 0.99), replyRtt.size(), replyFailures,
                floorP99 > 0 ? percentile(replyRtt, 0.99) / floorP99 : 0);
    std::printf("  buyer messages stored: %.0f a minute\n",
                60.0 * static_cast<double>(messagesAfter - messagesBefore) / elapsed);
    std::printf("  routing decisions: %.1f a second; PostgreSQL commits: %.0f a second\n",
                static_cast<double>(assignmentsAfter - assignmentsBefore) / elapsed,
                static_cast<double>(commitsAfter - commitsBefore) / elapsed);
    for (size_t i = 0; i < instances.size(); ++i) {
        std::printf("  server %zu: CPU %.0f%% of a core, peak RSS %.0f MiB\n", i + 1,
                    100.0 * (cpuAfter[i].first - cpuBefore[i].first) / elapsed, cpuAfter[i].second);
    }
    std::printf("  invariants: replies lost %lld, duplicated %lld, shown twice %d; double owners %lld; over the limit "
                "%lld; desks whose view differs %d\n",
                static_cast<long long>(lostReplies), static_cast<long long>(duplicatedReplies), deskDuplicates,
                static_cast<long long>(doubles), static_cast<long long>(overLimit), viewsDiffer);
    failures += lostReplies > 0 || duplicatedReplies > 0 || deskDuplicates > 0 || doubles > 0 || overLimit > 0 ||
                viewsDiffer > 0;
    if (fanOut.empty() || replyRtt.empty()) {
        std::printf("  no buyer message or reply was measured: the run did not get going\n");
        failures += 1;
    }

    for (Desk& d : desks) {
        d.s.reset();
    }
    owner->reset();
    for (Instance& i : instances) {
        i.process->terminate();
        i.process->waitForFinished(10000);
    }
    (void)(*admin)->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema).toUtf8().constData());
    return failures ? 1 : 0;
}
