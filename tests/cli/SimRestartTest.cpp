// The ingest pipeline's delivery guarantee, end to end: a `sim run` killed with SIGKILL part-way and
// started again leaves exactly the store an uninterrupted run leaves: nothing lost, nothing twice.

#include "cli/CliTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

using namespace shopdesk::test;

namespace {

const QStringList kRun{"sim",      "run", "--minutes",           "90", "--seed",           "5",
                       "--agents", "6",   "--buyers-per-minute", "12", "--malformed-rate", "0.02"};

/// What a run leaves in the store, in a canonical order (ids and sealed data differ between stores).
QStringList contents(const QString& db)
{
    QStringList all;
    const char* queries[] = {
        "SELECT c.platform_key, m.sender, m.agent, m.sent_at, m.text, m.platform_msg_id, m.card_order_no "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.platform_msg_id",
        "SELECT o.order_no, b.nick, o.status, o.created_at, o.paid_at, o.amount_fen, o.remark, o.flag, o.flagged_by, "
        "o.receiver_masked_name, o.receiver_masked_phone, o.receiver_masked_address FROM orders o "
        "JOIN buyers b ON b.id = o.buyer_id ORDER BY o.order_no",
        "SELECT o.order_no, i.line, i.title, i.quantity, i.price_fen FROM order_items i "
        "JOIN orders o ON o.id = i.order_id ORDER BY o.order_no, i.line",
        "SELECT refund_no, order_no, status, amount_fen, created_at, reason, refuse_reason FROM refunds "
        "ORDER BY refund_no",
        "SELECT event_id, kind, agent, reason, position, wait_s, at FROM session_events ORDER BY event_id",
        "SELECT order_no, at, carrier, tracking_no, description FROM logistics_events ORDER BY order_no, at, "
        "description",
        "SELECT order_no, rating, text, at, reply FROM reviews ORDER BY order_no",
        "SELECT adapter, cursor, rejected FROM platform_cursors",
        "SELECT count(*) FROM messages_fts",
    };
    for (const char* q : queries) {
        all << queryRows(db, q);
        all << QStringLiteral("--");
    }
    return all;
}

} // namespace

TEST(SimRestart, KillNineMidRunThenRerunLeavesTheSameStoreAsAnUninterruptedRun)
{
    CliStore whole;
    auto uninterrupted = whole.owner(kRun + QStringList{"--speed", "max"});
    ASSERT_EQ(uninterrupted.exitCode, 0) << uninterrupted.err.toStdString();
    const auto summary = QJsonDocument::fromJson(uninterrupted.out.toUtf8()).object();
    EXPECT_EQ(summary.value(QStringLiteral("invariant_violations")).toInt(-1), 0);
    EXPECT_GT(summary.value(QStringLiteral("events_rejected")).toInt(), 0);
    const qint64 finalCursor = queryInt(whole.db(), "SELECT cursor FROM platform_cursors");
    ASSERT_GT(finalCursor, 1000);

    CliStore crashed;
    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SHOPDESK_PASSWORD"), QString::fromLatin1(CliStore::kOwnerPassword));
    run.setProcessEnvironment(env);
    // Paced so that it runs for about nine seconds; killed once part of the stream is stored.
    run.start(binary("shopdeskctl"),
              QStringList{"--db", crashed.db(), "--as", "店长"} + kRun + QStringList{"--speed", "600"});
    ASSERT_TRUE(run.waitForStarted());
    qint64 stored = 0;
    for (int i = 0; i < 400 && stored < finalCursor / 5; ++i) {
        QThread::msleep(25);
        stored = queryInt(crashed.db(), "SELECT coalesce(max(cursor), 0) FROM platform_cursors");
    }
    ASSERT_EQ(run.state(), QProcess::Running) << "the run finished before it could be killed";
    run.kill(); // SIGKILL
    run.waitForFinished();
    const qint64 atKill = queryInt(crashed.db(), "SELECT cursor FROM platform_cursors");
    ASSERT_GT(atKill, 0);
    ASSERT_LT(atKill, finalCursor) << "killed too late to test anything";
    EXPECT_EQ(queryInt(crashed.db(), "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);

    auto resumed = crashed.owner(kRun + QStringList{"--speed", "max"});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    const auto after = QJsonDocument::fromJson(resumed.out.toUtf8()).object();
    EXPECT_EQ(after.value(QStringLiteral("invariant_violations")).toInt(-1), 0);
    EXPECT_LT(after.value(QStringLiteral("events_stored")).toInt(),
              summary.value(QStringLiteral("events_stored")).toInt())
        << "the rerun stored events that were already stored";

    const QStringList expected = contents(whole.db());
    const QStringList actual = contents(crashed.db());
    ASSERT_EQ(actual.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        ASSERT_EQ(actual[i], expected[i]) << "first difference at row " << i;
    }

    // Running it a third time changes nothing at all.
    auto again = crashed.owner(kRun + QStringList{"--speed", "max"});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("events_stored")).toInt(-1), 0);
    EXPECT_EQ(contents(crashed.db()), expected);
}
