// The ingest pipeline: acknowledged only after commit, resumes after the stored cursor, rejects
// malformed events without stopping, retries a failing store; and fuzzed payloads never crash the
// decoder or leak their text into errors.

#include "platform/IngestPipeline.h"
#include "backend/SimSetup.h"
#include "platform/sim/SimEventDecoder.h"
#include "platform/sim/SimulatedShop.h"
#include "services/actions/ActionRunner.h"
#include "services/chat/ChatService.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/MessageRepository.h"
#include "services/privacy/PiiVault.h"
#include "services/workbench/WorkbenchRepository.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include "support/Await.h"
#include "support/ScriptedPlatform.h"
#include "support/TestBackend.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <random>

namespace shopdesk {
namespace {

using platform::IngestPipeline;
using test::ScriptedPlatform;

QByteArray buyerMessage(int i, const QString& text = QStringLiteral("亲，在吗？"))
{
    return QStringLiteral(R"({"topic":"chat.message","id":"e-%1","conversation":"c-tb_%2","buyer":"tb_%2",)"
                          R"("from":"buyer","agent":"","msg_id":"m-%1","at":%3,"text":"%4"})")
        .arg(i)
        .arg(i % 7)
        .arg(1'794'358'800'000LL + i * 1000LL)
        .arg(text)
        .toUtf8();
}

std::vector<QByteArray> worldEvents(int minutes)
{
    static const EcdCorpus corpus = *EcdCorpus::embedded();
    platform::sim::SimConfig c;
    c.seed = 99;
    c.buyersPerMinute = 10;
    c.start = SimSetup::defaultStart();
    c.groups = {{QStringLiteral("presales"), 6}};
    for (const QString& bot : {QStringLiteral("客服01"), QStringLiteral("客服02"), QStringLiteral("客服03")}) {
        c.agents.push_back({bot, QStringLiteral("presales"), std::nullopt, routing::AgentStatus::Offline});
        c.botAgents << bot;
    }
    auto shop = platform::sim::SimulatedShop::create(c, corpus);
    EXPECT_TRUE(shop);
    (*shop)->advanceTo(minutes * 60);
    std::vector<QByteArray> out;
    for (const auto& e : (*shop)->outbox().fetch(0, 1'000'000)) {
        out.push_back(e.payload);
    }
    return out;
}

/// Caps the database file at its current size (the next growth fails like a full disk), or lifts it.
void capDisk(test::TestBackend& b, bool full)
{
    auto done =
        b->store().writer().submit<std::monostate>([full](store::SqliteConnection& c) -> Result<std::monostate> {
            const int pages = c.db().execAndGet("PRAGMA page_count").getInt();
            c.db().exec("PRAGMA max_page_count = " + std::to_string(full ? pages : 1073741823));
            return std::monostate{};
        });
    done.waitForFinished();
}

QString bigText(int i)
{
    return QString(2000, QChar(0x4E00 + i));
}

TEST(IngestPipeline, AcknowledgesOnlyWhatIsCommittedAndResumesAfterTheStoredCursor)
{
    test::TestBackend b;
    ScriptedPlatform p;
    for (int i = 1; i <= 30; ++i) {
        p.push(buyerMessage(i));
    }
    {
        IngestPipeline pipeline(p, b->store().history(), b->vault());
        ASSERT_TRUE(pipeline.start(IngestPipeline::Mode::Manual));
        QSignalSpy stored(&pipeline, &IngestPipeline::stored);
        ASSERT_EQ(*pipeline.drain(), 30);
        EXPECT_EQ(p.acknowledged(), 30);
        EXPECT_EQ(stored.count(), 1);
        EXPECT_EQ(stored.first().at(0).toStringList().size(), 7); // seven conversations touched
    }
    // A new session of the same stream: the adapter is told where to resume and delivers the rest.
    ScriptedPlatform again;
    for (int i = 1; i <= 40; ++i) {
        again.push(buyerMessage(i));
    }
    IngestPipeline pipeline(again, b->store().history(), b->vault());
    ASSERT_TRUE(pipeline.start(IngestPipeline::Mode::Manual));
    EXPECT_EQ(again.acknowledged(), 30) << "connectFrom got the stored cursor";
    ASSERT_EQ(*pipeline.drain(), 10);
    EXPECT_EQ(pipeline.stats().duplicates, 0);
    auto count = b->store().messages().messageCount();
    EXPECT_EQ(*count, 40);
}

TEST(IngestPipeline, AFailingStoreAcknowledgesNothingAndLosesNothing)
{
    test::TestBackend b;
    ScriptedPlatform p;
    for (int i = 1; i <= 20; ++i) {
        p.push(buyerMessage(i, bigText(i)));
    }
    IngestPipeline pipeline(p, b->store().history(), b->vault());
    ASSERT_TRUE(pipeline.start(IngestPipeline::Mode::Manual));
    capDisk(b, true);
    auto failed = pipeline.drain();
    ASSERT_FALSE(failed);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("full"), Qt::CaseInsensitive))
        << failed.error().message.toStdString();
    EXPECT_EQ(p.acknowledged(), 0);
    EXPECT_EQ(*b->store().messages().messageCount(), 0);
    capDisk(b, false);
    ASSERT_EQ(*pipeline.drain(), 20);
    EXPECT_EQ(p.acknowledged(), 20);
    EXPECT_EQ(*b->store().messages().messageCount(), 20);
}

TEST(IngestPipeline, AutomaticModeFollowsTheStreamAndRetriesAfterAStoreFailure)
{
    test::TestBackend b;
    ScriptedPlatform p;
    IngestPipeline pipeline(p, b->store().history(), b->vault());
    ASSERT_TRUE(pipeline.start(IngestPipeline::Mode::Automatic));
    EXPECT_FALSE(pipeline.drain()) << "drain() and the automatic pump must never overlap";
    QSignalSpy failures(&pipeline, &IngestPipeline::storeFailed);
    capDisk(b, true);
    for (int i = 1; i <= 5; ++i) {
        p.push(buyerMessage(i, bigText(i)));
    }
    ASSERT_TRUE(failures.wait(5000));
    EXPECT_EQ(p.acknowledged(), 0);
    capDisk(b, false);
    QDeadlineTimer deadline(10'000);
    while (p.acknowledged() < 5 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    EXPECT_EQ(p.acknowledged(), 5);
    EXPECT_EQ(*b->store().messages().messageCount(), 5);
}

TEST(IngestPipeline, AFailingStoreIsRetriedWithBackoffHoweverFastEventsArrive)
{
    test::TestBackend b;
    ScriptedPlatform p;
    IngestPipeline pipeline(p, b->store().history(), b->vault());
    ASSERT_TRUE(pipeline.start(IngestPipeline::Mode::Automatic));
    QSignalSpy failures(&pipeline, &IngestPipeline::storeFailed);
    capDisk(b, true);
    p.push(buyerMessage(1, bigText(1)));
    ASSERT_TRUE(failures.wait(5000));
    // A busy shop keeps announcing events during the pause: 60 in 1.5 s.
    QElapsedTimer clock;
    clock.start();
    for (int i = 2; i <= 61; ++i) {
        p.push(buyerMessage(i, bigText(i)));
        QTest::qWait(25);
    }
    const qint64 elapsedMs = clock.elapsed();
    // Pauses of 250, 500, 1000 ms ...: at most 1 + log2(elapsed / 250) + 1 tries, not one per event.
    EXPECT_LE(failures.count(), 5) << failures.count() << " store attempts in " << elapsedMs << " ms";
    EXPECT_GT(pipeline.backoffMs(), 0);
    capDisk(b, false);
    QDeadlineTimer deadline(IngestPipeline::kMaxBackoffMs + 5000);
    while (p.acknowledged() < 61 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    EXPECT_EQ(p.acknowledged(), 61) << "nothing lost";
    EXPECT_EQ(*b->store().messages().messageCount(), 61);
    EXPECT_NE(p.decodedOn(), QThread::currentThread()) << "batches are decoded off the event loop's thread";
}

TEST(IngestPipeline, MalformedEventsAreRejectedCountedAndNeverStopTheStream)
{
    test::TestBackend b;
    ScriptedPlatform p;
    const std::vector<QByteArray> bad{
        QByteArray(),
        QByteArray("not json"),
        QByteArray("{\"topic\":\"chat.message\",\"id\":\"x\",\"text\":\"\xc3\x28\"}"),
        QByteArray(
            R"({"topic":"chat.message","id":"y","conversation":"c","buyer":"b","from":"buyer","at":"soon","text":"x"})"),
        QByteArray(R"({"topic":"trade.created","id":"z","trade":{"tid":"T1","status":"TELEPORTED"}})"),
        QByteArray(300 * 1024, '{'),
        buyerMessage(999, QString(70 * 1024, QLatin1Char('a'))),
        QByteArray(
            R"({"topic":"refund.created","id":"r","refund":{"refund_id":"R1","tid":"T1","status":"waiting_seller","refund_fee":"abc","created":1}})"),
    };
    int i = 0;
    for (const QByteArray& payload : bad) {
        p.push(buyerMessage(++i));
        p.push(payload);
    }
    p.push(buyerMessage(++i));
    IngestPipeline pipeline(p, b->store().history(), b->vault());
    ASSERT_TRUE(pipeline.start(IngestPipeline::Mode::Manual));
    ASSERT_EQ(*pipeline.drain(), static_cast<qint64>(bad.size() * 2 + 1));
    EXPECT_EQ(pipeline.stats().rejected, static_cast<qint64>(bad.size()));
    EXPECT_EQ(*b->store().messages().messageCount(), i);
    EXPECT_EQ(b->store().history().cursor(p.streamId())->rejected, static_cast<qint64>(bad.size()));
    EXPECT_EQ(p.acknowledged(), static_cast<qint64>(bad.size() * 2 + 1));
}

TEST(MalformedEvents, FuzzedPayloadsNeverCrashTheDecoderAndErrorsNeverQuoteText)
{
    const std::vector<QByteArray> events = worldEvents(20);
    ASSERT_GT(events.size(), 500u);
    std::mt19937_64 rng(2026);
    int rejected = 0;
    int accepted = 0;
    for (int round = 0; round < 20'000; ++round) {
        QByteArray e = events[rng() % events.size()];
        switch (rng() % 6) {
        case 0: // truncate
            e.truncate(static_cast<qsizetype>(rng() % static_cast<quint64>(e.size())));
            break;
        case 1: // flip a byte
            e[static_cast<qsizetype>(rng() % static_cast<quint64>(e.size()))] = static_cast<char>(rng() % 256);
            break;
        case 2: // invalid UTF-8 inside a string
            e.replace("\"text\":\"", "\"text\":\"\xfe\xff");
            break;
        case 3: // a value of the wrong type
            e.replace("\"at\":", "\"at\":\"x\",\"_\":");
            break;
        case 4: // drop a key
            e.replace("\"buyer\":", "\"buyer_\":");
            e.replace("\"tid\":", "\"tid_\":");
            break;
        default: // nest deeply
            e = QByteArray(5000, '[') + e + QByteArray(5000, ']');
            break;
        }
        auto decoded = platform::sim::decodeSimEvent(e);
        if (decoded) {
            ++accepted;
            continue;
        }
        ++rejected;
        const QString message = decoded.error().message;
        EXPECT_FALSE(message.isEmpty());
        EXPECT_LT(message.size(), 200) << "an error is one short sentence";
        // No Chinese text from the payload (message text, names, addresses) in the error.
        for (const QChar c : message) {
            ASSERT_LT(c.unicode(), 0x2E80) << message.toStdString();
        }
    }
    EXPECT_GT(rejected, 10'000);
    EXPECT_GT(accepted, 0) << "some mutations keep an event valid (e.g. a flipped byte in a text)";
}

TEST(ActionRunner, AnActionThePlatformCannotDoIsRefusedBeforeTheCall)
{
    test::TestBackend b;
    ScriptedPlatform p(platform::capabilities({platform::Capability::Orders}));
    ActionRunner runner(p, b->gate(), b->audit());
    ChatService chat(runner, b->store().orders(), b->store().workbench(), b->shopTexts(), QStringLiteral("测试旗舰店"));
    const Status st = test::await(chat.send(fixedActor(b.owner()), QStringLiteral("tb_1"), QStringLiteral("您好")));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::Invalid);
    EXPECT_TRUE(st.error().message.contains(QStringLiteral("does not offer")));
    EXPECT_EQ(p.calls, 0);
    EXPECT_FALSE(runner.supports(platform::Capability::Chat));
}

} // namespace
} // namespace shopdesk
