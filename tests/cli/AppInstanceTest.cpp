// The desktop app as a process: a second instance on the same database is refused.

#include "support/TempStore.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace shopdesk::test;

TEST(AppInstance, ASecondAppOnTheSameDatabaseIsRefusedClearly)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("s.db"));
    QProcess first;
    first.start(binary("shopdesk"), {QStringLiteral("--db"), db, QStringLiteral("--demo")});
    ASSERT_TRUE(first.waitForStarted());
    bool running = false;
    for (int i = 0; i < 400 && !running; ++i) {
        running = QFile::exists(db + QStringLiteral(".lock")) && QFile::exists(db);
        QThread::msleep(25);
    }
    ASSERT_TRUE(running) << first.readAllStandardError().toStdString();

    auto second = runProcess(binary("shopdesk"), {QStringLiteral("--db"), db}, {}, 30000);
    EXPECT_EQ(second.exitCode, 1);
    EXPECT_TRUE(second.err.contains(QStringLiteral("already running on this database"))) << second.err.toStdString();

    // shopdeskctl works beside the running app (which may still be seeding its demo history).
    ProcessResult search;
    for (int i = 0; i < 100; ++i) {
        search =
            runProcess(binary("shopdeskctl"), {QStringLiteral("--db"), db, QStringLiteral("search"),
                                               QStringLiteral("亲"), QStringLiteral("--limit"), QStringLiteral("3")});
        if (search.exitCode != 0 || search.out.count(QLatin1Char('\n')) == 3) {
            break;
        }
        QThread::msleep(100);
    }
    EXPECT_EQ(search.exitCode, 0) << search.err.toStdString();
    EXPECT_EQ(search.out.count(QLatin1Char('\n')), 3);

    first.kill();
    first.waitForFinished();
    // A lock left by a killed app is taken over.
    auto third =
        runProcess(binary("shopdesk"),
                   {QStringLiteral("--db"), db, QStringLiteral("--screenshot"),
                    dir.filePath(QStringLiteral("shot.png")), QStringLiteral("--after"), QStringLiteral("0.2")},
                   {}, 30000);
    EXPECT_EQ(third.exitCode, 0) << third.err.toStdString();
    QImage shot(dir.filePath(QStringLiteral("shot.png")));
    EXPECT_FALSE(shot.isNull());
    EXPECT_GT(shot.width(), 600);
}
