// shopdeskctl as a user runs it: a real process, real files, exit codes and output.

#include "cli/CliTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace shopdesk::test;

namespace {

class Cli : public ::testing::Test {
protected:
    /// As the main account.
    ProcessResult ctl(const QStringList& args) { return m_store.owner(args); }
    QString db() const { return m_store.db(); }
    QString write(const QString& name, const QByteArray& content) { return m_store.write(name, content); }

    CliStore m_store;
    QTemporaryDir m_dir;
};

const QByteArray kHistory =
    R"({"type":"message","conversation":"c1","buyer":"tb_nick","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗 \"急\" 要退货"}
{"type":"message","conversation":"c1","buyer":"tb_nick","from":"agent","agent":"小美","at":"2026-11-11T10:00:40+08:00","text":"您好，订单T1001今天发货"}
{"type":"message","conversation":"c2","buyer":"jenny","from":"buyer","at":"2026-11-12T09:00:00+08:00","text":"NEAR(退货) OR *"}
)";

} // namespace

TEST_F(Cli, InitTwiceIsRefused)
{
    auto r = m_store.run({"init", "--shop", "别的店", "--owner", "老板"}, "another-pass-1\n");
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(QStringLiteral("already belongs to the shop '果果旗舰店'")));
}

TEST_F(Cli, ImportThenSearchPrintsJsonNewestFirst)
{
    const QString file = write(QStringLiteral("h.jsonl"), kHistory);
    auto imported = ctl({"history", "import", file});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("Imported 3 messages")));
    EXPECT_TRUE(
        ctl({"history", "import", file}).out.contains(QStringLiteral("Imported 0 messages (3 already present)")));

    auto r = ctl({"search", "退货", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(
        lines[0],
        QStringLiteral(
            R"({"conversation":"c2","buyer":"jenny","from":"buyer","agent":null,"at":"2026-11-12T09:00:00+08:00","text":"NEAR(退货) OR *"})"));
    EXPECT_EQ(
        lines[1],
        QStringLiteral(
            R"({"conversation":"c1","buyer":"tb_nick","from":"buyer","agent":null,"at":"2026-11-11T10:00:00+08:00","text":"在吗 \"急\" 要退货"})"));

    auto agent = ctl({"search", "t1001", "--json"});
    const auto obj = QJsonDocument::fromJson(agent.out.toUtf8()).object();
    EXPECT_EQ(obj.value(QStringLiteral("agent")).toString(), QStringLiteral("小美"));
    EXPECT_EQ(obj.value(QStringLiteral("from")).toString(), QStringLiteral("agent"));

    EXPECT_EQ(ctl({"search", "退", "--buyer", "tb_nick", "--json"}).out.count(QLatin1Char('\n')), 1);
    EXPECT_EQ(ctl({"search", "退货", "--limit", "1", "--json"}).out.count(QLatin1Char('\n')), 1);
}

TEST_F(Cli, QuerySyntaxIsLiteralFromTheCommandLineToo)
{
    ASSERT_EQ(ctl({"history", "import", write(QStringLiteral("h.jsonl"), kHistory)}).exitCode, 0);
    for (const char* q : {"\"", "*", "NEAR(", "OR", ":", "^", "(", "\"急\""}) {
        auto r = ctl({"search", "--json", "--", q});
        EXPECT_EQ(r.exitCode, 0) << q << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.isEmpty()) << q;
    }
    EXPECT_EQ(ctl({"search", "--json", "--", "*"}).out.count(QLatin1Char('\n')), 1);
    EXPECT_EQ(ctl({"search", "--json", "--", "\"急\""}).out.count(QLatin1Char('\n')), 1);
    EXPECT_EQ(ctl({"search", "--json", "--", "-"}).out.count(QLatin1Char('\n')), 0);
}

TEST_F(Cli, BadImportExitsFiveWithLineNumbersAndChangesNothing)
{
    ASSERT_EQ(ctl({"history", "import", write(QStringLiteral("good.jsonl"), kHistory)}).exitCode, 0);
    const QString bad = write(
        QStringLiteral("bad.jsonl"),
        kHistory + "{\"type\":\"message\"}\n" +
            R"({"type":"message","conversation":"c9","buyer":"x","from":"buyer","at":"2026-11-13T09:00:00+08:00","text":"新的"})" +
            "\n");
    auto r = ctl({"history", "import", bad});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("line 4: missing field 'conversation'"))) << r.err.toStdString();
    EXPECT_EQ(queryInt(db(), "SELECT count(*) FROM messages"), 3);

    auto skipped = ctl({"history", "import", bad, "--skip-bad"});
    EXPECT_EQ(skipped.exitCode, 0);
    EXPECT_TRUE(skipped.err.contains(QStringLiteral("line 4:")));
    EXPECT_EQ(queryInt(db(), "SELECT count(*) FROM messages"), 4);
}

TEST_F(Cli, ExitCodesFollowTheContract)
{
    EXPECT_EQ(ctl({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(ctl({"search"}).exitCode, 2);
    EXPECT_EQ(ctl({"search", "x", "--limit", "0"}).exitCode, 2);
    EXPECT_EQ(ctl({"search", "x", "--bogus"}).exitCode, 2);
    EXPECT_EQ(ctl({"history", "import", m_dir.filePath(QStringLiteral("missing.jsonl"))}).exitCode, 4);
    auto noDb = runProcess(binary("shopdeskctl"),
                           {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.db")), QStringLiteral("--as"),
                            QStringLiteral("店长"), QStringLiteral("search"), QStringLiteral("x")},
                           {}, 30000, {QStringLiteral("SHOPDESK_PASSWORD=x")});
    EXPECT_EQ(noDb.exitCode, 4);
    EXPECT_TRUE(noDb.err.contains(QStringLiteral("init")));
    auto empty = ctl({"search", " "});
    EXPECT_EQ(empty.exitCode, 5);
    EXPECT_EQ(empty.err.count(QLatin1Char('\n')), 1); // one clear line
}
