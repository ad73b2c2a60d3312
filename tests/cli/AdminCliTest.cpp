// shopdeskctl administration as a supervisor scripts it: passwords from the environment or stdin,
// exit codes 0/2/3/4/5, JSON output, and the audit chain.

#include "cli/CliTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace shopdesk::test;

namespace {

const QString kOwner = QStringLiteral("店长");
const QString kOwnerPw = QString::fromLatin1(CliStore::kOwnerPassword);

} // namespace

TEST(AdminCli, PasswordsComeFromTheEnvironmentOrStdinLines)
{
    CliStore s;
    ASSERT_EQ(s.owner({"routing", "group", "set", "presales", "--limit", "8"}).exitCode, 0);
    // --as password on line 1, the new account's password on line 2.
    auto created = s.run(
        {"--as", "店长", "account", "create", "小美", "--roles", "presales", "--group", "presales", "--limit", "8"},
        (kOwnerPw + QStringLiteral("\nmei-pass-1\n")).toUtf8());
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    // SHOPDESK_NEW_PASSWORD for the new one, SHOPDESK_PASSWORD for the actor.
    ASSERT_EQ(s.owner({"account", "create", "阿强", "--roles", "aftersales"}, {"SHOPDESK_NEW_PASSWORD=qiang-pass-1"})
                  .exitCode,
              0);
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"search", "x"}).exitCode, 0);
    EXPECT_EQ(s.as("阿强", "qiang-pass-1", {"search", "x"}).exitCode, 0);
    auto noPassword = s.run({"--as", "店长", "account", "list"});
    EXPECT_EQ(noPassword.exitCode, 2);
    EXPECT_TRUE(noPassword.err.contains(QStringLiteral("SHOPDESK_PASSWORD")));
    EXPECT_EQ(s.run({"account", "list"}).exitCode, 2); // no --as

    auto list = s.owner({"account", "list", "--json"});
    ASSERT_EQ(list.exitCode, 0);
    const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    const QJsonObject mei = QJsonDocument::fromJson(lines[0].toUtf8()).object();
    EXPECT_EQ(mei.value(QStringLiteral("name")).toString(), QStringLiteral("果果旗舰店:小美"));
    EXPECT_EQ(mei.value(QStringLiteral("limit")).toInt(), 8);
    EXPECT_EQ(mei.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
}

TEST(AdminCli, ExitCodesForRefusalsUnknownsAndBadInput)
{
    CliStore s;
    ASSERT_EQ(
        s.owner({"account", "create", "小美", "--roles", "presales"}, {"SHOPDESK_NEW_PASSWORD=mei-pass-1"}).exitCode,
        0);
    EXPECT_EQ(s.as("店长", "wrong", {"account", "list"}).exitCode, 3);      // wrong password
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"account", "list"}).exitCode, 3); // missing permission
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"history", "import", "/dev/null"}).exitCode,
              3);                                                    // history.import: owner/supervisor only
    EXPECT_EQ(s.as("nobody", "x", {"account", "list"}).exitCode, 3); // unknown login: same as wrong password
    EXPECT_EQ(s.owner({"account", "disable", "ghost"}).exitCode, 4); // unknown account
    EXPECT_EQ(s.owner({"role", "show", "wizard"}).exitCode, 4);      // unknown role
    EXPECT_EQ(s.owner({"account", "create", "x", "--roles", "wizard"}, {"SHOPDESK_NEW_PASSWORD=fine-pass-1"}).exitCode,
              4);
    EXPECT_EQ(s.owner({"account", "create", "x", "--roles", "trainee"}, {"SHOPDESK_NEW_PASSWORD=short"}).exitCode, 5);
    EXPECT_EQ(s.owner({"role", "create", "r1", "--perms", "chat.fly"}).exitCode, 5);      // unknown permission key
    EXPECT_EQ(s.owner({"role", "edit", "presales", "--perms", "chat.read"}).exitCode, 5); // built-ins are read-only
    auto noYes = s.owner({"account", "delete", "小美"});
    EXPECT_EQ(noYes.exitCode, 2);
    EXPECT_TRUE(noYes.err.contains(QStringLiteral("irreversible")));
    EXPECT_EQ(s.owner({"account", "delete", "小美", "--yes"}).exitCode, 0);
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"search", "x"}).exitCode, 3);
}

TEST(AdminCli, EscalationAndOwnerProtectionExitThree)
{
    CliStore s;
    ASSERT_EQ(
        s.owner({"account", "create", "主管", "--roles", "supervisor"}, {"SHOPDESK_NEW_PASSWORD=boss-pass-1"}).exitCode,
        0);
    ASSERT_EQ(s.as("主管", "boss-pass-1", {"role", "create", "组长", "--perms", "chat.*,account.manage"}).exitCode, 0);
    ASSERT_EQ(s.as("主管", "boss-pass-1", {"account", "create", "组长A", "--roles", "组长"},
                   {"SHOPDESK_NEW_PASSWORD=lead-pass-1"})
                  .exitCode,
              0);
    auto escalate = s.as("组长A", "lead-pass-1", {"account", "create", "x", "--roles", "presales"},
                         {"SHOPDESK_NEW_PASSWORD=fine-pass-1"});
    EXPECT_EQ(escalate.exitCode, 3);
    EXPECT_TRUE(escalate.err.contains(QStringLiteral("order.view")));
    auto owner = s.as("主管", "boss-pass-1", {"account", "passwd", "店长"}, {"SHOPDESK_NEW_PASSWORD=taken-over-1"});
    EXPECT_EQ(owner.exitCode, 3);
    EXPECT_TRUE(owner.err.contains(QStringLiteral("main account")));
    EXPECT_EQ(s.as("主管", "boss-pass-1", {"account", "disable", "店长"}).exitCode, 3);
    EXPECT_EQ(s.as("主管", "boss-pass-1", {"account", "delete", "店长", "--yes"}).exitCode, 3);
    EXPECT_EQ(s.as("主管", "boss-pass-1", {"account", "roles", "店长", "--set", "trainee"}).exitCode, 3);
}

TEST(AdminCli, AResetMustBeFollowedByAPasswordChange)
{
    CliStore s;
    ASSERT_EQ(
        s.owner({"account", "create", "小美", "--roles", "presales"}, {"SHOPDESK_NEW_PASSWORD=mei-pass-1"}).exitCode,
        0);
    ASSERT_EQ(s.owner({"account", "passwd", "小美"}, {"SHOPDESK_NEW_PASSWORD=temp-pass-1"}).exitCode, 0);
    auto blocked = s.as("小美", "temp-pass-1", {"search", "x"});
    EXPECT_EQ(blocked.exitCode, 3);
    EXPECT_TRUE(blocked.err.contains(QStringLiteral("account passwd")));
    ASSERT_EQ(
        s.as("小美", "temp-pass-1", {"account", "passwd", "小美"}, {"SHOPDESK_NEW_PASSWORD=mine-pass-1"}).exitCode, 0);
    EXPECT_EQ(s.as("小美", "mine-pass-1", {"search", "x"}).exitCode, 0);
}

TEST(AdminCli, LockoutIsReportedWithTheTimeLeft)
{
    CliStore s;
    ASSERT_EQ(s.owner({"settings", "set", "login.max_failures", "2"}).exitCode, 0);
    ASSERT_EQ(
        s.owner({"account", "create", "小美", "--roles", "presales"}, {"SHOPDESK_NEW_PASSWORD=mei-pass-1"}).exitCode,
        0);
    s.as("小美", "bad", {"search", "x"});
    auto locking = s.as("小美", "bad", {"search", "x"});
    EXPECT_EQ(locking.exitCode, 3);
    // A wrong password learns nothing of the lock; the right one is told how long it lasts.
    EXPECT_TRUE(locking.err.contains(QStringLiteral("Wrong account name or password"))) << locking.err.toStdString();
    auto locked = s.as("小美", "mei-pass-1", {"search", "x"});
    EXPECT_EQ(locked.exitCode, 3);
    EXPECT_TRUE(locked.err.contains(QStringLiteral("Try again in 15 minute")));
    auto audit = s.owner({"audit", "list", "--action", "account.locked", "--json"});
    EXPECT_EQ(audit.out.count(QLatin1Char('\n')), 1);
}

TEST(AdminCli, AuditVerifyNamesTheFirstBrokenEntry)
{
    CliStore s;
    ASSERT_EQ(
        s.owner({"account", "create", "小美", "--roles", "presales"}, {"SHOPDESK_NEW_PASSWORD=mei-pass-1"}).exitCode,
        0);
    auto ok = s.owner({"audit", "verify"});
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains(QStringLiteral("intact")));

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(s.db().toUtf8().constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'roles=owner' WHERE id = 2",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto broken = s.owner({"audit", "verify"});
    EXPECT_EQ(broken.exitCode, 5);
    EXPECT_TRUE(broken.err.contains(QStringLiteral("entry 2"))) << broken.err.toStdString();
}

TEST(AdminCli, ACutAuditLogStopsEveryCommandButVerifyAndTheOwnersAcceptance)
{
    CliStore s;
    ASSERT_EQ(
        s.owner({"account", "create", "小美", "--roles", "presales"}, {"SHOPDESK_NEW_PASSWORD=mei-pass-1"}).exitCode,
        0);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(s.db().toUtf8().constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit);"
                           "DELETE FROM meta WHERE key = 'audit_head'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto refused = s.owner({"account", "list"});
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("anchor"))) << refused.err.toStdString();
    auto verify = s.owner({"audit", "verify"});
    EXPECT_EQ(verify.exitCode, 5);
    EXPECT_TRUE(verify.err.contains(QStringLiteral("anchor"))) << verify.err.toStdString();
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"audit", "reanchor", "--yes"}).exitCode, 3);
    EXPECT_EQ(s.owner({"audit", "reanchor"}).exitCode, 2) << "needs --yes";
    ASSERT_EQ(s.owner({"audit", "reanchor", "--yes"}).exitCode, 0);
    EXPECT_EQ(s.owner({"audit", "verify"}).exitCode, 0);
    EXPECT_EQ(s.owner({"account", "list"}).exitCode, 0);
}

TEST(AdminCli, SimRunOnlyOnASimStore)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("real.db"));
    auto init =
        runProcess(binary("shopdeskctl"),
                   {"--db", db, "init", "--shop", "真店", "--owner", "店长", "--platform", "taobao"}, "owner-pass-1\n");
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    auto run = runProcess(binary("shopdeskctl"), {"--db", db, "--as", "店长", "sim", "run", "--minutes", "1"}, {},
                          60000, {"SHOPDESK_PASSWORD=owner-pass-1"});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(QStringLiteral("taobao"))) << run.err.toStdString();
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM messages"), 0);
}

TEST(AdminCli, PermListNeedsNoAccountAndMatchesTheCatalogue)
{
    CliStore s;
    auto list = s.run({"perm", "list", "--json"});
    ASSERT_EQ(list.exitCode, 0);
    EXPECT_EQ(list.out.count(QLatin1Char('\n')), 29);
    const QJsonObject first = QJsonDocument::fromJson(list.out.section(QLatin1Char('\n'), 0, 0).toUtf8()).object();
    EXPECT_EQ(first.value(QStringLiteral("key")).toString(), QStringLiteral("chat.read"));
    EXPECT_EQ(first.value(QStringLiteral("zh")).toString(), QStringLiteral("查看买家消息"));
}

TEST(AdminCli, ImportedReceiversAreSealedAndRevealedOnlyWithPermission)
{
    CliStore s;
    const QString file = s.write(
        QStringLiteral("o.jsonl"),
        R"({"type":"order","id":"T9","buyer":"b","status":"WAIT_BUYER_PAY","created_at":"2026-11-11T09:00:00+08:00","amount_fen":100,"receiver":{"name":"张三","phone":"13812345678","address":"浙江省杭州市西湖区文三路90号"}})"
        "\n");
    ASSERT_EQ(s.owner({"history", "import", file}).exitCode, 0);
    ASSERT_EQ(
        s.owner({"account", "create", "新人", "--roles", "trainee"}, {"SHOPDESK_NEW_PASSWORD=new-pass-1"}).exitCode, 0);
    auto masked = s.as("新人", "new-pass-1", {"order", "show", "T9", "--json"});
    ASSERT_EQ(masked.exitCode, 0) << masked.err.toStdString();
    EXPECT_TRUE(masked.out.contains(QStringLiteral("138****5678")));
    EXPECT_EQ(s.as("新人", "new-pass-1", {"order", "show", "T9", "--reveal"}).exitCode, 3);
    auto full = s.owner({"order", "show", "T9", "--reveal", "--json"});
    EXPECT_TRUE(full.out.contains(QStringLiteral("13812345678")));
}

TEST(AdminCli, RoutingIsConfiguredAndSimulatedFromTheCommandLine)
{
    CliStore s;
    ASSERT_EQ(s.owner({"routing", "group", "set", "售前", "--limit", "8"}).exitCode, 0);
    ASSERT_EQ(s.owner({"routing", "set", "--queue", "售前", "--session-end", "12", "--repeat-entry", "0"}).exitCode, 0);
    ASSERT_EQ(s.owner({"account", "create", "小美", "--roles", "presales", "--group", "售前"},
                      {"SHOPDESK_NEW_PASSWORD=mei-pass-1"})
                  .exitCode,
              0);
    ASSERT_EQ(s.owner({"routing", "agent", "小美", "--limit", "10"}).exitCode, 0);
    auto shown = s.owner({"routing", "show", "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.startsWith(QStringLiteral(
        R"({"queue":["售前"],"session_end_minutes":12,"repeat_entry_minutes":0,"handling_minutes":5,"groups":{"售前":8},)")))
        << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral(R"("小美":{"group":"售前","limit":10})")));
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"routing", "set", "--handling", "1"}).exitCode, 3);
    EXPECT_EQ(s.owner({"routing", "set", "--queue", "vip"}).exitCode, 5);
    EXPECT_EQ(s.owner({"account", "create", "x", "--roles", "trainee", "--group", "vip"},
                      {"SHOPDESK_NEW_PASSWORD=fine-pass-1"})
                  .exitCode,
              4);

    const QString scenario = s.write(
        QStringLiteral("s.json"),
        R"({"settings":{"queue":"shop","session_end_minutes":10,"repeat_entry_minutes":30,"handling_minutes":5},"groups":[{"name":"g","limit":1}],"agents":[{"name":"a","group":"g","status":"online"}],"events":[{"t":0,"type":"buyer","buyer":"b1"},{"t":5,"type":"buyer","buyer":"b2"},{"t":9,"type":"close","buyer":"b9"}]})");
    auto sim = s.run({"routing", "simulate", scenario});
    EXPECT_EQ(sim.exitCode, 5);
    EXPECT_EQ(sim.out.count(QLatin1Char('\n')), 2); // the lines before the bad event stand
    EXPECT_TRUE(sim.err.startsWith(QStringLiteral("shopdeskctl: event 2:"))) << sim.err.toStdString();
    EXPECT_EQ(sim.err.count(QLatin1Char('\n')), 1);
}

TEST(AdminCli, SimSettingsAreGatedValidatedAndUsedBySimRun)
{
    CliStore s;
    ASSERT_EQ(
        s.owner({"account", "create", "小美", "--roles", "presales"}, {"SHOPDESK_NEW_PASSWORD=mei-pass-1"}).exitCode,
        0);
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"settings", "set", "sim.bots", "2"}).exitCode, 3); // routing.configure
    auto bad = s.owner({"settings", "set", "sim.bots", "two"});
    EXPECT_EQ(bad.exitCode, 5);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("sim.bots"))) << bad.err.toStdString();
    EXPECT_NE(s.owner({"settings", "set", "sim.speed", "0"}).exitCode, 0);
    ASSERT_EQ(s.owner({"settings", "set", "sim.bots", "2"}).exitCode, 0);
    ASSERT_EQ(s.owner({"settings", "set", "sim.buyers_per_minute", "1.5"}).exitCode, 0);
    auto shown = s.owner({"settings", "show"});
    EXPECT_TRUE(shown.out.contains(QStringLiteral("sim.bots\t2"))) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("sim.buyers_per_minute\t1.5"))) << shown.out.toStdString();
    EXPECT_EQ(s.owner({"audit", "list", "--action", "sim.configure", "--json"}).out.count(QLatin1Char('\n')), 2);

    // The simulator writes invented buyers: it needs an account with sim.run, and is audited.
    EXPECT_EQ(s.run({"sim", "run", "--minutes", "5", "--speed", "max", "--seed", "3"}).exitCode, 2) << "no --as";
    EXPECT_EQ(s.as("小美", "mei-pass-1", {"sim", "run", "--minutes", "5", "--speed", "max", "--seed", "3"}).exitCode,
              3);
    auto run = s.owner({"sim", "run", "--minutes", "5", "--speed", "max", "--seed", "3"});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(summary.value(QStringLiteral("agents")).toInt(), 2);
    EXPECT_EQ(summary.value(QStringLiteral("invariant_violations")).toInt(), 0);
    EXPECT_EQ(s.owner({"audit", "list", "--action", "sim.run", "--json"}).out.count(QLatin1Char('\n')), 1);
}

TEST(AdminCli, TheAgentReportPrintsJsonLinesAndCsvWithAHeader)
{
    CliStore s;
    const QString history = s.write(
        QStringLiteral("h.jsonl"),
        QByteArrayLiteral(
            R"({"type":"message","conversation":"c1","buyer":"b1","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗"}
{"type":"message","conversation":"c1","buyer":"b1","from":"agent","agent":"小美","at":"2026-11-11T10:01:30+08:00","text":"在的"}
)"));
    auto imported = s.owner({"history", "import", history});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    auto json = s.owner({"report", "agents", "--from", "2026-11-11", "--to", "2026-11-12", "--json"});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const auto line = QJsonDocument::fromJson(json.out.trimmed().toUtf8()).object();
    EXPECT_EQ(line.value(QStringLiteral("agent")).toString(), QStringLiteral("小美"));
    EXPECT_EQ(line.value(QStringLiteral("turns_answered")).toInt(), 1);
    EXPECT_EQ(line.value(QStringLiteral("response_avg_s")).toDouble(), 90.0);
    EXPECT_TRUE(line.value(QStringLiteral("conversion_rate")).isDouble());
    auto csv = s.owner({"report", "agents", "--from", "2026-11-11", "--to", "2026-11-12", "--csv"});
    ASSERT_EQ(csv.exitCode, 0);
    EXPECT_TRUE(csv.out.startsWith(QStringLiteral("agent,conversations,replies,turns_answered,first_response_avg_s,")));
    EXPECT_EQ(csv.out.count(QLatin1Char('\n')), 2);
    // The day before: nobody.
    auto empty = s.owner({"report", "agents", "--from", "2026-11-10", "--to", "2026-11-11", "--json"});
    EXPECT_EQ(empty.exitCode, 0);
    EXPECT_TRUE(empty.out.isEmpty());
    EXPECT_EQ(s.owner({"report", "agents", "--from", "2026-11-11"}).exitCode, 2);
    EXPECT_EQ(s.owner({"report", "agents", "--from", "11/11", "--to", "2026-11-12"}).exitCode, 5);
}

TEST(AdminCli, TeamPhrasesImportAndExportAsCsv)
{
    CliStore s;
    const QString good = s.write(QStringLiteral("p.csv"), QByteArrayLiteral("\xEF\xBB\xBFgroup,code,text\r\n"
                                                                            "问候,hi,\"亲,在的\"\r\n"
                                                                            "发货,fh,今天发货\r\n"));
    auto imported = s.owner({"quickreply", "import", good});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("2 added")));
    const QString bad = s.write(QStringLiteral("bad.csv"), QByteArrayLiteral("问候,hi,ok\n只有两列,x\n"));
    auto refused = s.owner({"quickreply", "import", bad});
    EXPECT_EQ(refused.exitCode, 5);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("bad.csv:2:"))) << refused.err.toStdString();
    const QString out = s.dir() + QStringLiteral("/out.csv");
    ASSERT_EQ(s.owner({"quickreply", "export", out}).exitCode, 0);
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBFgroup,code,text\r\n"));
    EXPECT_TRUE(QString::fromUtf8(bytes).contains(QStringLiteral("\"亲,在的\""))) << "a comma in the text is quoted";
}
