// The UI benchmark's store: the demo shop with `SHOPDESK_BENCH_MESSAGES` cached messages (a 10,000-message
// conversation among them, 120 conversations routed to the demo agent) and the agent's phrase library.
// Built by this helper, in its own process, so that `shopdesk --bench-ui` measures only the workbench,
// which reaches the store through its session like in use.

#include "CorpusGenerator.h"
#include "backend/Backend.h"
#include "backend/DemoShop.h"
#include "core/AppPaths.h"
#include "domain/Session.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/HistoryRepository.h"
#include "services/quickreply/QuickReplyService.h"
#include "store/SqliteStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>

using namespace shopdesk;

namespace {

constexpr int kBigConversation = 10'000;
constexpr int kAssigned = 120; ///< conversations routed to the demo agent (tabs to open)

[[noreturn]] void die(const char* what, const QString& why = {})
{
    std::fprintf(stderr, "ui_bench_prepare: %s %s\n", what, why.toUtf8().constData());
    std::exit(1);
}

qint64 envNumber(const char* name, qint64 fallback)
{
    bool ok = false;
    const qint64 v = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

/// A `shopdeskctl history import` file of `count` messages in conversations of their own, for the
/// benchmark's "another program writes" step.
void writeImportFile(const QString& path, const EcdCorpus& corpus, qint64 count)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        die("write the import file", f.errorString());
    }
    bench::CorpusGenerator gen(corpus, 29);
    std::vector<IncomingMessage> conv;
    qint64 written = 0;
    while (written < count) {
        conv.clear();
        gen.nextConversation(conv);
        for (const IncomingMessage& m : conv) {
            QJsonObject o{
                {QStringLiteral("type"), QStringLiteral("message")},
                {QStringLiteral("conversation"), QStringLiteral("imp-") + m.conversationKey},
                {QStringLiteral("buyer"), m.buyerNick},
                {QStringLiteral("from"), m.sender == Sender::Agent ? QStringLiteral("agent") : QStringLiteral("buyer")},
                {QStringLiteral("at"),
                 QDateTime::fromMSecsSinceEpoch(m.sentAt.ms(), QTimeZone::utc()).toString(Qt::ISODate)},
                {QStringLiteral("text"), m.text}};
            if (m.sender == Sender::Agent) {
                o.insert(QStringLiteral("agent"), m.agent);
            }
            f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
            f.write("\n");
            if (++written >= count) {
                break;
            }
        }
    }
}

/// The child's work: the demo shop plus `messages` cached messages; with `importFile`, also that
/// file of `importCount` messages and, on stdout (a pipe to the benchmark), the owner who may import.
int prepare(const QString& db, qint64 messages, const QString& importFile, qint64 importCount)
{
    Backend::Options o;
    o.databasePath = db;
    o.create = true;
    auto opened = Backend::open(std::move(o));
    if (!opened) {
        die("open the store", opened.error().message);
    }
    auto& b = *opened;
    auto seeded = demoshop::seed(*b);
    if (!seeded) {
        die("seed the demo shop", seeded.error().message);
    }
    QString ownerPassword;
    for (const demoshop::DemoAccount& a : *seeded) {
        if (a.roles == u"owner") {
            ownerPassword = a.password;
        }
    }
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        die("load the corpus", corpus.error().message);
    }
    bench::CorpusGenerator gen(*corpus, 11);
    std::vector<ImportRecord> batch;
    auto flush = [&] {
        auto r = b->store().history().ingest(std::move(batch));
        r.waitForFinished();
        if (!r.result()) {
            die("ingest", r.result().error().message);
        }
        batch.clear();
    };
    qint64 written = 0;
    const qint64 now = b->clock().now().ms();
    auto assign = [&](const QString& key, const QString& nick, int n) {
        SessionEvent e;
        e.eventId = QStringLiteral("bench-%1").arg(n);
        e.conversationKey = key;
        e.buyerNick = nick;
        e.kind = SessionEvent::Kind::Assigned;
        e.agent = demoshop::kDemoAgent;
        e.reason = QStringLiteral("free");
        e.at = Timestamp::fromMs(now - 60'000);
        batch.emplace_back(e);
    };
    for (IncomingMessage& m : gen.bigConversation(kBigConversation)) {
        batch.emplace_back(std::move(m));
        ++written;
    }
    assign(QStringLiteral("big-1"), QStringLiteral("tb_老客户"), 0);
    flush();
    int assigned = 1;
    std::vector<IncomingMessage> conv;
    while (written < messages) {
        conv.clear();
        gen.nextConversation(conv);
        if (conv.empty()) {
            continue;
        }
        if (assigned < kAssigned) {
            assign(conv.front().conversationKey, conv.front().buyerNick, assigned++);
        }
        for (IncomingMessage& m : conv) {
            batch.emplace_back(std::move(m));
            ++written;
        }
        if (batch.size() >= 20'000) {
            flush();
        }
    }
    flush();

    // The agent's phrase library: the real seller lines, each a personal phrase with a code.
    auto agent = demoshop::loginDemoAgent(*b);
    if (!agent) {
        die("log in", agent.error().message);
    }
    const qint64 phrases = envNumber("SHOPDESK_BENCH_PHRASES", 5000);
    const QStringList& lines = corpus->sellerLines();
    for (qint64 i = 0, used = 0; used < phrases && !lines.isEmpty(); ++i) {
        const QString text = lines.at(static_cast<qsizetype>(i % lines.size())).trimmed();
        if (text.isEmpty()) {
            continue;
        }
        QuickReply p;
        p.scope = QuickReply::Scope::Personal;
        p.group = QStringLiteral("组%1").arg(used % 20);
        p.code = QStringLiteral("p%1").arg(used);
        p.text = text.left(QuickReplyService::kMaxTextChars);
        if (auto saved = b->quickReplies().save(*agent, p); !saved) {
            die("save a phrase", saved.error().message);
        }
        ++used;
    }
    std::fprintf(stderr, "prepared %lld messages\n", static_cast<long long>(written));
    if (!importFile.isEmpty()) {
        writeImportFile(importFile, *corpus, importCount);
        // The throwaway store's owner, for the benchmark to hand to shopdeskctl in its environment.
        std::printf("owner-password %s\n", ownerPassword.toUtf8().constData());
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    apppaths::setApplicationIdentity(); // the workbench's data directory, and so its key files
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: ui_bench_prepare DB [IMPORT.jsonl]\n");
        return 2;
    }
    const QString importFile = argc == 3 ? QString::fromLocal8Bit(argv[2]) : QString();
    return prepare(QString::fromLocal8Bit(argv[1]), envNumber("SHOPDESK_BENCH_MESSAGES", 1'000'000), importFile,
                   envNumber("SHOPDESK_BENCH_IMPORT", 200'000));
}
