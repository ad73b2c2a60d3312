// The desktop app as a process: a second instance on the same database is refused.

#include "support/TempStore.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
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

    // The new demo shop prints its accounts and their passwords once.
    QString printed;
    QString ownerPassword;
    for (int i = 0; i < 400 && ownerPassword.isEmpty(); ++i) {
        first.waitForReadyRead(50);
        printed += QString::fromUtf8(first.readAllStandardOutput());
        const auto m = QRegularExpression(QStringLiteral("果果旗舰店:店长\\s+(\\S+)\\s+owner")).match(printed);
        if (m.hasMatch()) {
            ownerPassword = m.captured(1);
        }
    }
    ASSERT_FALSE(ownerPassword.isEmpty()) << "no demo accounts printed: " << first.readAllStandardError().toStdString();
    ASSERT_TRUE(QFile::exists(db + QStringLiteral(".lock")));

    // A second start brings the first window to the front and says so, in the desk's language.
    auto second = runProcess(
        binary("shopdesk"), {QStringLiteral("--db"), db, QStringLiteral("--lang"), QStringLiteral("zh_CN")}, {}, 30000);
    EXPECT_EQ(second.exitCode, 1);
    EXPECT_TRUE(second.err.contains(QStringLiteral("已在此数据库上打开"))) << second.err.toStdString();
    bool asked = false;
    for (int i = 0; i < 100 && !asked; ++i) {
        first.waitForReadyRead(50);
        printed += QString::fromUtf8(first.readAllStandardOutput());
        asked = printed.contains(QStringLiteral("another start asked for this window"));
    }
    EXPECT_TRUE(asked) << "the first window was asked to come to the front";
    auto english = runProcess(binary("shopdesk"),
                              {QStringLiteral("--db"), db, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 30000);
    EXPECT_EQ(english.exitCode, 1);
    EXPECT_TRUE(english.err.contains(QStringLiteral("already open on this database"))) << english.err.toStdString();

    // shopdeskctl works beside the running app.
    auto search =
        runProcess(binary("shopdeskctl"),
                   {QStringLiteral("--db"), db, QStringLiteral("--as"), QStringLiteral("店长"),
                    QStringLiteral("search"), QStringLiteral("亲"), QStringLiteral("--limit"), QStringLiteral("3")},
                   {}, 30000, {QStringLiteral("SHOPDESK_PASSWORD=") + ownerPassword});
    EXPECT_EQ(search.exitCode, 0) << search.err.toStdString();
    EXPECT_EQ(search.out.count(QLatin1Char('\n')), 3);

    first.kill();
    first.waitForFinished();
    // A lock left by a killed app is taken over; the demo agent logs in again with its kept password.
    auto third =
        runProcess(binary("shopdesk"),
                   {QStringLiteral("--db"), db, QStringLiteral("--demo"), QStringLiteral("--screenshot"),
                    dir.filePath(QStringLiteral("shot.png")), QStringLiteral("--after"), QStringLiteral("0.2")},
                   {}, 30000);
    EXPECT_EQ(third.exitCode, 0) << third.err.toStdString();
    EXPECT_FALSE(third.out.contains(QStringLiteral("Demo shop created"))); // seeded only once
    QImage shot(dir.filePath(QStringLiteral("shot.png")));
    EXPECT_FALSE(shot.isNull());
    EXPECT_GT(shot.width(), 600);
}
