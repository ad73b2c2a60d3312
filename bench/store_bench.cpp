// Store benchmark (issue 2): ingest rate vs a raw sqlite3 baseline, search latency vs a LIKE scan,
// conversation open latency, bytes per message and the peak RSS of a streaming CLI import.
//
//   store_bench [--messages N] [--dir DIR] [--queries Q] [--shopdeskctl PATH]

#include "CorpusGenerator.h"

#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "domain/TextMatch.h"
#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "services/shop/ShopRepository.h"
#include "store/FtsTokenizer.h"
#include "store/MessageKeys.h"
#include "store/SqliteStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>

using namespace shopdesk;

namespace {

struct Options {
    qint64 messages = 1'000'000;
    int queries = 200;
    QString dir;
    QString shopdeskctl;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto idx = static_cast<std::size_t>(std::min<double>(v.size() - 1, std::ceil(p * v.size()) - 1));
    return v[idx];
}

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "store_bench: %s failed\n", what);
        std::exit(1);
    }
}

std::unique_ptr<store::SqliteStore> freshStore(const QString& path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    store::SqliteStore::Options o;
    o.create = true;
    auto s = store::SqliteStore::open(path, o);
    check(s.ok(), "open store");
    if (qEnvironmentVariableIsSet("BENCH_SQL")) {
        sqlite3* db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        store::registerShopdeskTokenizer(db).ok();
        char* err = nullptr;
        sqlite3_exec(db, qgetenv("BENCH_SQL").constData(), nullptr, nullptr, &err);
        if (err) {
            std::fprintf(stderr, "BENCH_SQL: %s\n", err);
        }
        sqlite3_close(db);
    }
    Shop shop;
    shop.name = QStringLiteral("bench");
    check((*s)->shop().initialise(shop).ok(), "init shop");
    return std::move(*s);
}

/// Our public bulk write path: one import transaction.
double ingestImport(store::SqliteStore& s, const std::vector<IncomingMessage>& rows)
{
    QElapsedTimer t;
    t.start();
    auto tx = s.history().beginImport(true);
    qint64 line = 0;
    for (const auto& m : rows) {
        tx->add(++line, m);
    }
    auto summary = tx->commit({});
    check(summary.ok() && summary->messagesAdded == static_cast<qint64>(rows.size()), "import");
    return t.nsecsElapsed() / 1e9;
}

/// Our public live write path: batches handed to the writer thread, acknowledged after commit.
double ingestLive(store::SqliteStore& s, const std::vector<IncomingMessage>& rows)
{
    QElapsedTimer t;
    t.start();
    std::vector<QFuture<Result<ImportSummary>>> pending;
    std::vector<ImportRecord> batch;
    auto flush = [&] {
        pending.push_back(s.history().ingest(std::move(batch)));
        batch = {};
        // Keep a bounded number of batches in flight, as the ingest pipeline does.
        if (pending.size() > 64) {
            pending.front().waitForFinished();
            check(pending.front().result().ok(), "live ingest");
            pending.erase(pending.begin());
        }
    };
    for (const auto& m : rows) {
        batch.emplace_back(m);
        if (batch.size() == 200) {
            flush();
        }
    }
    if (!batch.empty()) {
        flush();
    }
    for (auto& f : pending) {
        f.waitForFinished();
        check(f.result().ok(), "live ingest");
    }
    return t.nsecsElapsed() / 1e9;
}

/// The baseline: raw sqlite3, the same rows (ids, keys and conversations precomputed outside the
/// timing), into the same schema (same indexes, the same full-text index rows) and the same pragmas.
double ingestRaw(const QString& path, const std::vector<IncomingMessage>& rows, bool sortedByTime)
{
    freshStore(path).reset();
    // Precompute everything our path derives, so the baseline times only SQLite.
    struct Row {
        qint64 id, conv, sender, at, dedup;
        std::string agent, text;
    };
    std::vector<Row> prepared;
    prepared.reserve(rows.size());
    QHash<QString, qint64> buyers;
    QHash<QString, std::pair<qint64, qint64>> convs;
    std::vector<std::pair<qint64, std::string>> buyerRows;
    std::vector<std::tuple<qint64, std::string, qint64>> convRows;
    std::map<qint64, qint64> lastOfSecond;
    for (const auto& m : rows) {
        qint64 b = buyers.value(m.buyerNick);
        if (!b) {
            b = buyers.size() + 1;
            buyers.insert(m.buyerNick, b);
            buyerRows.emplace_back(b, m.buyerNick.toStdString());
        }
        auto c = convs.value(m.conversationKey);
        if (!c.first) {
            c = {convs.size() + 1, b};
            convs.insert(m.conversationKey, c);
            convRows.emplace_back(c.first, m.conversationKey.toStdString(), b);
        }
        const qint64 secs = m.sentAt.secs();
        auto& last = lastOfSecond[secs];
        last = last ? last + 1 : store::keys::firstIdOfSecond(secs) + 1;
        prepared.push_back({last, c.first, static_cast<qint64>(m.sender), m.sentAt.ms(), store::keys::dedupKey(m),
                            m.agent.toStdString(), m.text.toStdString()});
    }

    if (sortedByTime) {
        std::stable_sort(prepared.begin(), prepared.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
    }
    sqlite3* db = nullptr;
    check(sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK, "raw open");
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; "
                 "PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON",
                 nullptr, nullptr, nullptr);
    // The baseline needs the same tokenizer to fill the same FTS index.
    check(store::registerShopdeskTokenizer(db).ok(), "register tokenizer");
    QElapsedTimer t;
    t.start();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt* ib = nullptr;
    sqlite3_stmt* ic = nullptr;
    sqlite3_stmt* im = nullptr;
    sqlite3_stmt* ifts = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO buyers(id, platform, nick) VALUES(?, 'sim', ?)", -1, &ib, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO conversations(id, platform, platform_key, buyer_id) VALUES(?, 'sim', ?, ?)", -1,
                       &ic, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO messages(id, conversation_id, sender, agent, sent_at, text, "
                       "platform_msg_id, dedup) VALUES(?, ?, ?, ?, ?, ?, NULL, ?)",
                       -1, &im, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO messages_fts(rowid, text) VALUES(?, ?)", -1, &ifts, nullptr);
    const auto transient = reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
    for (const auto& [id, nick] : buyerRows) {
        sqlite3_bind_int64(ib, 1, id);
        sqlite3_bind_text(ib, 2, nick.data(), static_cast<int>(nick.size()), transient);
        check(sqlite3_step(ib) == SQLITE_DONE, "raw buyer");
        sqlite3_reset(ib);
    }
    for (const auto& [id, key, buyer] : convRows) {
        sqlite3_bind_int64(ic, 1, id);
        sqlite3_bind_text(ic, 2, key.data(), static_cast<int>(key.size()), transient);
        sqlite3_bind_int64(ic, 3, buyer);
        check(sqlite3_step(ic) == SQLITE_DONE, "raw conversation");
        sqlite3_reset(ic);
    }
    for (const Row& r : prepared) {
        sqlite3_bind_int64(im, 1, r.id);
        sqlite3_bind_int64(im, 2, r.conv);
        sqlite3_bind_int64(im, 3, r.sender);
        if (r.agent.empty()) {
            sqlite3_bind_null(im, 4);
        } else {
            sqlite3_bind_text(im, 4, r.agent.data(), static_cast<int>(r.agent.size()), transient);
        }
        sqlite3_bind_int64(im, 5, r.at);
        sqlite3_bind_text(im, 6, r.text.data(), static_cast<int>(r.text.size()), transient);
        sqlite3_bind_int64(im, 7, r.dedup);
        check(sqlite3_step(im) == SQLITE_DONE, "raw message");
        sqlite3_reset(im);
        sqlite3_bind_int64(ifts, 1, r.id);
        sqlite3_bind_text(ifts, 2, r.text.data(), static_cast<int>(r.text.size()), transient);
        check(sqlite3_step(ifts) == SQLITE_DONE, "raw index");
        sqlite3_reset(ifts);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double secs = t.nsecsElapsed() / 1e9;
    sqlite3_finalize(ib);
    sqlite3_finalize(ic);
    sqlite3_finalize(im);
    sqlite3_finalize(ifts);
    sqlite3_close(db);
    return secs;
}

bool isCjk(QChar c)
{
    return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
}

/// Random substrings of `len` CJK characters taken from the corpus text.
QStringList cjkQueries(const std::vector<IncomingMessage>& rows, int len, int count, std::mt19937_64& rng)
{
    QStringList out;
    while (out.size() < count) {
        const QString& text = rows[rng() % rows.size()].text;
        if (text.size() < len) {
            continue;
        }
        const int start = static_cast<int>(rng() % (text.size() - len + 1));
        const QString q = text.mid(start, len);
        if (std::all_of(q.begin(), q.end(), isCjk)) {
            out << q;
        }
    }
    return out;
}

struct Latency {
    double p50 = 0;
    double p99 = 0;
};

/// Times the store's search path: what SearchService calls after its permission check and input
/// validation (both negligible).
Latency timeSearches(MessageRepository& messages, const QStringList& queries)
{
    std::vector<double> ms;
    for (const QString& q : queries) {
        MessageQuery query;
        query.terms = textmatch::splitTerms(q);
        query.limit = 50;
        QElapsedTimer t;
        t.start();
        auto hits = messages.search(query);
        ms.push_back(t.nsecsElapsed() / 1e6);
        check(hits.ok(), "search");
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}

double timeLike(const QString& path, const QStringList& queries)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, text FROM messages WHERE text LIKE ?1 ORDER BY id DESC LIMIT 50", -1, &st,
                       nullptr);
    std::vector<double> ms;
    for (const QString& q : queries) {
        const QByteArray pattern = "%" + q.toUtf8() + "%";
        QElapsedTimer t;
        t.start();
        sqlite3_bind_text(st, 1, pattern.constData(), static_cast<int>(pattern.size()), nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
        }
        sqlite3_reset(st);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return percentile(ms, 0.5);
}

/// Runs a program and returns (seconds, its peak RSS in MiB). Forked from *this* process, the child
/// would be charged for our resident pages until it execs (getrusage counts the pre-exec image),
/// so main() calls this only in the small `--measure-child` helper process.
std::pair<double, double> runChild(std::vector<const char*> argv)
{
    argv.push_back(nullptr);
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, STDOUT_FILENO);
        execv(argv[0], const_cast<char* const*>(argv.data()));
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child process");
    return {t.nsecsElapsed() / 1e9, usage.ru_maxrss / 1024.0};
}

/// Runs `shopdeskctl history import` through a fresh, small helper process (this binary with
/// --measure-child) and returns (seconds, peak RSS of shopdeskctl in MiB).
std::pair<double, double> cliImport(const Options& o, const QString& jsonl, const QString& db)
{
    QFile::remove(db);
    const QByteArray self = QCoreApplication::applicationFilePath().toLocal8Bit();
    const QByteArray ctl = o.shopdeskctl.toLocal8Bit();
    const QByteArray dbArg = db.toLocal8Bit();
    const QByteArray file = jsonl.toLocal8Bit();
    // The children keep their key file under the benchmark's directory and act as the main account.
    qputenv("HOME", QFileInfo(db).absolutePath().toLocal8Bit());
    qputenv("SHOPDESK_KEYSTORE", "file");
    qputenv("SHOPDESK_NEW_PASSWORD", "bench-pass-1");
    qputenv("SHOPDESK_PASSWORD", "bench-pass-1");
    runChild({ctl.constData(), "--db", dbArg.constData(), "init", "--shop", "bench", "--owner", "bench"});
    int fds[2];
    check(pipe(fds) == 0, "pipe");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        execl(self.constData(), self.constData(), "--measure-child", ctl.constData(), "--db", dbArg.constData(), "--as",
              "bench", "history", "import", file.constData(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    char buf[128] = {};
    const ssize_t got = read(fds[0], buf, sizeof(buf) - 1);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    double secs = 0;
    double rss = 0;
    check(got > 0 && std::sscanf(buf, "%lf %lf", &secs, &rss) == 2, "measure child");
    return {secs, rss};
}

void writeJsonl(const QString& path, const std::vector<IncomingMessage>& rows)
{
    QFile f(path);
    check(f.open(QIODevice::WriteOnly), "write jsonl");
    const QTimeZone zone("Asia/Shanghai");
    for (const auto& m : rows) {
        JsonWriter w;
        w.add(u"type", u"message").add(u"conversation", m.conversationKey).add(u"buyer", m.buyerNick);
        w.add(u"from", senderName(m.sender));
        if (m.sender == Sender::Agent) {
            w.add(u"agent", m.agent);
        }
        w.add(u"at", isotime::format(m.sentAt, zone)).add(u"text", m.text);
        f.write(w.toJson());
        f.write("\n");
    }
}

QString verdict(bool ok)
{
    return ok ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc > 2 && std::strcmp(argv[1], "--measure-child") == 0) {
        const auto [secs, rss] = runChild(std::vector<const char*>(argv + 2, argv + argc));
        std::printf("%f %f\n", secs, rss);
        return 0;
    }
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); // as the store does, so the baseline gets the same
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--messages") {
            o.messages = args[++i].toLongLong();
        } else if (args[i] == u"--queries") {
            o.queries = args[++i].toInt();
        } else if (args[i] == u"--dir") {
            o.dir = args[++i];
        } else if (args[i] == u"--shopdeskctl") {
            o.shopdeskctl = args[++i];
        }
    }
    if (o.shopdeskctl.isEmpty()) {
        o.shopdeskctl = QCoreApplication::applicationDirPath() + QStringLiteral("/shopdeskctl");
    }
    QTemporaryDir tmp;
    const QDir dir(o.dir.isEmpty() ? tmp.path() : o.dir);
    QDir().mkpath(dir.path());

    auto corpus = EcdCorpus::embedded();
    check(corpus.ok(), "load corpus");
    bench::CorpusGenerator gen(*corpus, 42);
    std::vector<IncomingMessage> rows;
    rows.reserve(static_cast<std::size_t>(o.messages) + 64);
    while (static_cast<qint64>(rows.size()) < o.messages) {
        gen.nextConversation(rows);
    }
    rows.resize(static_cast<std::size_t>(o.messages));
    qint64 textBytes = 0;
    for (const auto& m : rows) {
        textBytes += m.text.toUtf8().size();
    }
    std::printf("corpus: %lld messages from %zu real dialogues, %.1f UTF-8 bytes of text each\n",
                static_cast<long long>(rows.size()), corpus->dialogues().size(),
                static_cast<double>(textBytes) / static_cast<double>(rows.size()));

    // Profiling aid: BENCH_ONLY=raw|rawsorted|import|live runs one ingest phase and exits.
    if (const QByteArray only = qgetenv("BENCH_ONLY"); !only.isEmpty()) {
        const QString path = dir.filePath(QStringLiteral("only.db"));
        if (only == "raw" || only == "rawsorted") {
            std::printf("%.0f msg/s\n", rows.size() / ingestRaw(path, rows, only == "rawsorted"));
        } else if (only == "import") {
            auto s = freshStore(path);
            std::printf("%.0f msg/s\n", rows.size() / ingestImport(*s, rows));
        } else if (only == "live") {
            auto s = freshStore(path);
            std::printf("%.0f msg/s\n", rows.size() / ingestLive(*s, rows));
        }
        return 0;
    }

    // 1. Ingest.
    const QString rawPath = dir.filePath(QStringLiteral("raw.db"));
    const double rawSecs = ingestRaw(rawPath, rows, false);
    const double rawSortedSecs = ingestRaw(rawPath, rows, true);
    const QString livePath = dir.filePath(QStringLiteral("live.db"));
    double liveSecs = 0;
    {
        auto live = freshStore(livePath);
        liveSecs = ingestLive(*live, rows);
    }
    const QString mainPath = dir.filePath(QStringLiteral("store.db"));
    auto store = freshStore(mainPath);
    const double importSecs = ingestImport(*store, rows);
    const double n = static_cast<double>(rows.size());
    std::printf("\ningest (%lld messages, same schema incl. FTS index, synchronous=FULL)\n",
                static_cast<long long>(rows.size()));
    std::printf("  raw sqlite3 baseline         %9.0f msg/s  (rows in file order, grouped by conversation)\n",
                n / rawSecs);
    std::printf("  raw sqlite3, rows time-sorted %8.0f msg/s  (what the store's block sorting buys)\n",
                n / rawSortedSecs);
    std::printf("  store import transaction     %9.0f msg/s  ratio %.2f  target >= 30000 and >= 0.80  %s\n",
                n / importSecs, rawSecs / importSecs,
                qPrintable(verdict(n / importSecs >= 30000 && rawSecs / importSecs >= 0.8)));
    std::printf("  store live ingest (batches)  %9.0f msg/s  ratio %.2f\n", n / liveSecs, rawSecs / liveSecs);

    // 2. The long conversation, then search and open latencies.
    {
        auto tx = store->history().beginImport(true);
        qint64 line = 0;
        for (auto& m : gen.bigConversation(10000)) {
            tx->add(++line, m);
        }
        check(tx->commit({}).ok(), "big conversation");
    }
    std::mt19937_64 rng(7);
    std::printf("\nsearch (newest 50, %d queries each; LIKE '%%q%%' scan = median of 5)\n", o.queries);
    std::printf("  %-14s %9s %9s %11s %9s\n", "query", "p50 ms", "p99 ms", "LIKE ms", "speed-up");
    bool searchOk = true;
    auto report = [&](const char* name, const QStringList& queries) {
        const Latency l = timeSearches(store->messages(), queries);
        const double like = timeLike(mainPath, queries.mid(0, 5));
        searchOk = searchOk && l.p99 <= 30.0;
        std::printf("  %-14s %9.2f %9.2f %11.1f %8.0fx  %s\n", name, l.p50, l.p99, like, like / std::max(l.p50, 0.001),
                    qPrintable(verdict(l.p99 <= 30.0)));
    };
    for (int len : {1, 2, 3, 6}) {
        report(qPrintable(QStringLiteral("%1 CJK char%2").arg(len).arg(len > 1 ? "s" : "")),
               cjkQueries(rows, len, o.queries, rng));
    }
    QStringList orders;
    for (int i = 0; i < o.queries; ++i) {
        orders << gen.orderNumbers()[static_cast<int>(rng() % gen.orderNumbers().size())];
    }
    report("order number", orders);

    auto big = store->messages().findConversation(u"sim", u"big-1");
    check(big.ok() && big->has_value(), "find big conversation");
    std::vector<double> openMs;
    for (int i = 0; i < 1000; ++i) {
        QElapsedTimer t;
        t.start();
        auto page = store->messages().page((*big)->id, 50, MessageId());
        openMs.push_back(t.nsecsElapsed() / 1e6);
        check(page.ok() && page->size() == 50, "open conversation");
    }
    std::printf("\nopen conversation (newest 50 of %lld): p50 %.3f ms, p99 %.3f ms  target p99 <= 2 ms  %s\n",
                static_cast<long long>((*big)->messageCount), percentile(openMs, 0.5), percentile(openMs, 0.99),
                qPrintable(verdict(percentile(openMs, 0.99) <= 2.0)));
    store.reset();

    // 3. Size on disk.
    {
        sqlite3* db = nullptr;
        sqlite3_open(mainPath.toUtf8().constData(), &db);
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    const double bytes = static_cast<double>(QFileInfo(mainPath).size());
    std::printf("\ndatabase: %.0f MiB, %.0f bytes per message (text alone %.1f)\n", bytes / 1048576.0,
                bytes / (n + 10000), static_cast<double>(textBytes) / n);

    // 4. Streaming import through the CLI: peak RSS.
    const QString jsonl = dir.filePath(QStringLiteral("corpus.jsonl"));
    writeJsonl(jsonl, rows);
    rows.clear();
    rows.shrink_to_fit();
    const auto [cliSecs, rssMiB] = cliImport(o, jsonl, dir.filePath(QStringLiteral("cli.db")));
    std::printf("\nshopdeskctl history import of a %.0f MiB JSONL file: %.1f s (%.0f msg/s incl. JSON parsing), "
                "peak RSS %.0f MiB  target <= 200 MiB  %s\n",
                QFileInfo(jsonl).size() / 1048576.0, cliSecs, n / cliSecs, rssMiB, qPrintable(verdict(rssMiB <= 200)));
    return 0;
}
