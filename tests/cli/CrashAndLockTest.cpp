// What happens to the store when an import dies mid-way, or another program holds the database.

#include "cli/CliTestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace shopdesk::test;

namespace {

QString makeHistory(const CliStore& dir, int messages)
{
    QFile f(dir.dir() + QStringLiteral("/big.jsonl"));
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < messages; ++i) {
        const int secs = i % 60;
        const int mins = (i / 60) % 60;
        const int hours = (i / 3600) % 24;
        f.write(
            QStringLiteral(
                R"({"type":"message","conversation":"c%1","buyer":"tb_%1","from":"buyer","at":"2026-11-%2T%3:%4:%5+08:00","text":"第%6条 亲在吗 发货了吗"})"
                "\n")
                .arg(i / 20)
                .arg(10 + i / 86400, 2, 10, QLatin1Char('0'))
                .arg(hours, 2, 10, QLatin1Char('0'))
                .arg(mins, 2, 10, QLatin1Char('0'))
                .arg(secs, 2, 10, QLatin1Char('0'))
                .arg(i)
                .toUtf8());
    }
    return f.fileName();
}

} // namespace

TEST(CrashSafety, KillNineDuringALargeImportLeavesAConsistentStore)
{
    CliStore dir;
    const QString db = dir.db();
    const QString file = makeHistory(dir, 150000);

    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SHOPDESK_PASSWORD"), QString::fromLatin1(CliStore::kOwnerPassword));
    import.setProcessEnvironment(env);
    import.start(binary("shopdeskctl"), {"--db", db, "--as", "店长", "history", "import", file});
    ASSERT_TRUE(import.waitForStarted());
    // Kill it hard part-way: the import of 150,000 messages takes several seconds.
    ASSERT_FALSE(import.waitForFinished(1500)) << "the import finished before it could be killed";
    import.kill(); // SIGKILL
    import.waitForFinished();
    ASSERT_EQ(import.exitStatus(), QProcess::CrashExit);

    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM messages"), 0); // all or nothing
    // The store still works: the same import now completes, and search agrees with the table.
    auto again = dir.owner({"history", "import", file});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM messages"), 150000);
    auto hits = dir.owner({"search", "第149999条", "--json"});
    EXPECT_EQ(hits.out.count(QLatin1Char('\n')), 1);
}

TEST(Concurrency, ACliWriteWaitsForAnotherProcessHoldingTheDatabase)
{
    CliStore dir;
    const QString db = dir.db();
    const QString file = makeHistory(dir, 50);

    QProcess holder;
    holder.start(binary("store_lock_helper"), {db, QStringLiteral("3")});
    ASSERT_TRUE(holder.waitForReadyRead(10000));
    ASSERT_EQ(holder.readLine().trimmed(), QByteArray("locked"));

    // Longer than SQLite's 2 s busy timeout: the writer's retry loop carries it through.
    auto r = dir.owner({"history", "import", file});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM messages"), 50);
    holder.waitForFinished();
}

TEST(Concurrency, ACliWriteGivesUpCleanlyWhenTheDatabaseStaysBusy)
{
    CliStore dir;
    const QString db = dir.db();
    const QString file = makeHistory(dir, 50);

    QProcess holder;
    holder.start(binary("store_lock_helper"), {db, QStringLiteral("12")});
    ASSERT_TRUE(holder.waitForReadyRead(10000));
    auto r = dir.owner({"--wait", "3", "history", "import", file});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("busy"))) << r.err.toStdString();
    EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1);
    holder.kill();
    holder.waitForFinished();
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM messages"), 0);
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
}
