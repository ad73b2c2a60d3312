// shopdeskctl --server: the account, role and audit commands through a real server, with the same
// output and exit codes as on a local database, and events --follow printing the change stream
// until the session is revoked (exit 3).

#include "core/IsoTime.h"
#include "pg/PgHistoryRepository.h"
#include "server/TeamFixture.h"
#include "services/privacy/PiiVault.h"
#include "session/Team.h"
#include "support/TempStore.h"

#include <QFile>
#include <QProcess>

namespace shopdesk::test {
namespace {

class CliThroughServer : public TeamFixture {
protected:
    /// Runs shopdeskctl against the in-process server while this thread keeps serving.
    ProcessResult ctl(const QString& as, const QString& password, QStringList args, const QStringList& env = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("SHOPDESK_PASSWORD"), password);
        e.insert(QStringLiteral("HOME"), dir.path());
        e.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("ctl-data")));
        for (const QString& kv : env) {
            e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        }
        p.setProcessEnvironment(e);
        QStringList all{QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(server->port()),
                        QStringLiteral("--plain"), QStringLiteral("--as"), as};
        all += args;
        p.start(binary("shopdeskctl"), all);
        p.closeWriteChannel();
        spinUntil([&] { return p.state() == QProcess::NotRunning; }, 30000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
};

TEST_F(CliThroughServer, AccountAndRoleCommandsAnswerAsTheyDoLocally)
{
    auto created = ctl(QStringLiteral("店长"), kOwnerPassword,
                       {QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("小美"),
                        QStringLiteral("--roles"), QStringLiteral("presales")},
                       {QStringLiteral("SHOPDESK_NEW_PASSWORD=") + kAgentPassword});
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    EXPECT_EQ(created.out.trimmed(), QStringLiteral("Created 测试旗舰店:小美 with roles presales"));

    auto list = ctl(QStringLiteral("店长"), kOwnerPassword, {QStringLiteral("account"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QStringList lines = list.out.trimmed().split(u'\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("测试旗舰店:小美\tpresales\t-\t-\tactive\tnever")))
        << lines[0].toStdString();
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("测试旗舰店:店长\towner"))) << lines[1].toStdString();

    auto json = ctl(QStringLiteral("店长"), kOwnerPassword,
                    {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_TRUE(json.out.contains(QStringLiteral("\"name\":\"测试旗舰店:小美\""))) << json.out.toStdString();

    // The exit codes of the CLI contract: not allowed 3, not found 4, invalid 5.
    auto refused = ctl(QStringLiteral("小美"), kAgentPassword,
                       {QStringLiteral("account"), QStringLiteral("disable"), QStringLiteral("店长")});
    EXPECT_EQ(refused.exitCode, 3) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("account.manage"))) << refused.err.toStdString();
    auto unknown = ctl(QStringLiteral("店长"), kOwnerPassword,
                       {QStringLiteral("role"), QStringLiteral("show"), QStringLiteral("不存在")});
    EXPECT_EQ(unknown.exitCode, 4) << unknown.err.toStdString();
    auto wrong = ctl(QStringLiteral("店长"), QStringLiteral("wrong-password"),
                     {QStringLiteral("account"), QStringLiteral("list")});
    EXPECT_EQ(wrong.exitCode, 3);
    EXPECT_FALSE(wrong.err.contains(QStringLiteral("wrong-password")));
    auto local = ctl(QStringLiteral("店长"), kOwnerPassword,
                     {QStringLiteral("init"), QStringLiteral("--shop"), QStringLiteral("别的店"),
                      QStringLiteral("--owner"), QStringLiteral("某人")},
                     {QStringLiteral("SHOPDESK_NEW_PASSWORD=") + kAgentPassword});
    EXPECT_EQ(local.exitCode, 2) << "a local-only command says so: " << local.err.toStdString();
    EXPECT_TRUE(local.err.contains(QStringLiteral("shopdesk-server"))) << local.err.toStdString();

    auto audit = ctl(QStringLiteral("店长"), kOwnerPassword, {QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(audit.exitCode, 0) << audit.err.toStdString();
    EXPECT_TRUE(audit.out.contains(QStringLiteral("intact"))) << audit.out.toStdString();
}

TEST_F(CliThroughServer, EventsFollowPrintsTheChangeStreamAndExits3WhenTheAccountIsDisabled)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);

    QProcess follow;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("SHOPDESK_PASSWORD"), kAgentPassword);
    e.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("follow-data")));
    follow.setProcessEnvironment(e);
    follow.start(binary("shopdeskctl"),
                 {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(server->port()),
                  QStringLiteral("--plain"), QStringLiteral("--as"), QStringLiteral("小美"), QStringLiteral("events"),
                  QStringLiteral("--follow"), QStringLiteral("--json")});
    // Logged in and following once the server counts its subscription (the owner's is the other).
    ASSERT_TRUE(spinUntil([&] { return server->subscriberCount() >= 2; }, 10000));
    ASSERT_TRUE(await(owner->team().createRole(QStringLiteral("质检"),
                                               *auth::PermissionSet::parse(QStringLiteral("chat.read"))))
                    .ok());
    ASSERT_TRUE(await(owner->team().setDisabled(QStringLiteral("小美"), true)).ok());
    ASSERT_TRUE(spinUntil([&] { return follow.state() == QProcess::NotRunning; }, 10000)) << "it exits when revoked";
    EXPECT_EQ(follow.exitCode(), 3);
    const QStringList lines = QString::fromUtf8(follow.readAllStandardOutput()).trimmed().split(u'\n');
    ASSERT_GE(lines.size(), 2) << "the role change and the account change: " << lines.join(u'|').toStdString();
    const QJsonObject role = QJsonDocument::fromJson(lines[0].toUtf8()).object();
    const QJsonObject account = QJsonDocument::fromJson(lines[1].toUtf8()).object();
    EXPECT_EQ(role.value(QStringLiteral("kind")).toString(), QStringLiteral("role"));
    EXPECT_EQ(account.value(QStringLiteral("kind")).toString(), QStringLiteral("account"));
    EXPECT_EQ(account.value(QStringLiteral("seq")).toInt(), role.value(QStringLiteral("seq")).toInt() + 1)
        << "in order, no gap";
    const QString err = QString::fromUtf8(follow.readAllStandardError());
    EXPECT_EQ(err.trimmed().count(u'\n'), 0) << "one line: " << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("disabled"))) << err.toStdString();
}

TEST_F(CliThroughServer, OrderShowReadsTheServersOrderAndRevealsOnlyWithTheRight)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    Order o;
    o.orderNo = QStringLiteral("T300");
    o.buyerNick = QStringLiteral("买家丙");
    o.status = OrderStatus::WaitSellerSendGoods;
    o.createdAt = Timestamp::fromMs(1'750'000'000'000);
    o.amountFen = 9'900;
    o.items = {{QStringLiteral("保温杯"), 1, 9'900}};
    o.receiver = Receiver{QStringLiteral("李四"), QStringLiteral("13900001111"), QStringLiteral("上海市浦东新区 1 号")};
    backend->vault().seal(o);
    pg::PgHistoryRepository history(backend->store());
    ASSERT_TRUE(history.ingest({o}).result());

    auto shown = ctl(QStringLiteral("小美"), kAgentPassword,
                     {QStringLiteral("order"), QStringLiteral("show"), QStringLiteral("T300")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.startsWith(QStringLiteral("T300  WAIT_SELLER_SEND_GOODS  ¥99.00  buyer 买家丙\n")))
        << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("(masked)")));
    EXPECT_FALSE(shown.out.contains(QStringLiteral("13900001111")));
    auto refused =
        ctl(QStringLiteral("小美"), kAgentPassword,
            {QStringLiteral("order"), QStringLiteral("show"), QStringLiteral("T300"), QStringLiteral("--reveal")});
    EXPECT_EQ(refused.exitCode, 3) << refused.err.toStdString();
    auto revealed = ctl(QStringLiteral("店长"), kOwnerPassword,
                        {QStringLiteral("order"), QStringLiteral("show"), QStringLiteral("T300"),
                         QStringLiteral("--reveal"), QStringLiteral("--json")});
    ASSERT_EQ(revealed.exitCode, 0) << revealed.err.toStdString();
    const QJsonObject j = QJsonDocument::fromJson(revealed.out.toUtf8()).object();
    EXPECT_EQ(j.value(QStringLiteral("receiver_phone")).toString(), QStringLiteral("13900001111"));
    EXPECT_TRUE(j.value(QStringLiteral("revealed")).toBool());
    auto missing = ctl(QStringLiteral("店长"), kOwnerPassword,
                       {QStringLiteral("order"), QStringLiteral("show"), QStringLiteral("T404")});
    EXPECT_EQ(missing.exitCode, 4) << missing.err.toStdString();
}

TEST_F(CliThroughServer, ReportAgentsIsComputedByTheServerInTheLocalFormat)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    auto msg = [](Sender sender, qint64 atSecs, const QString& id) {
        IncomingMessage m;
        m.conversationKey = QStringLiteral("k1");
        m.buyerNick = QStringLiteral("买家甲");
        m.sender = sender;
        m.agent = sender == Sender::Agent ? QStringLiteral("小美") : QString();
        m.text = QStringLiteral("消息");
        m.sentAt = Timestamp::fromMs(1'750'000'000'000 + atSecs * 1000); // 2025-06-15, shop time
        m.platformMessageId = id;
        return ImportRecord(m);
    };
    pg::PgHistoryRepository history(backend->store());
    ASSERT_TRUE(
        history.ingest({msg(Sender::Buyer, 0, QStringLiteral("a")), msg(Sender::Agent, 20, QStringLiteral("b"))})
            .result());
    auto report =
        ctl(QStringLiteral("店长"), kOwnerPassword,
            {QStringLiteral("report"), QStringLiteral("agents"), QStringLiteral("--from"), QStringLiteral("2025-06-15"),
             QStringLiteral("--to"), QStringLiteral("2025-06-16"), QStringLiteral("--json")});
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    const QJsonObject line = QJsonDocument::fromJson(report.out.trimmed().split(u'\n').front().toUtf8()).object();
    EXPECT_EQ(line.value(QStringLiteral("agent")).toString(), QStringLiteral("小美"));
    EXPECT_EQ(line.value(QStringLiteral("replies")).toInt(), 1);
    EXPECT_EQ(line.value(QStringLiteral("first_response_avg_s")).toDouble(), 20.0);
    auto refused = ctl(QStringLiteral("小美"), kAgentPassword,
                       {QStringLiteral("report"), QStringLiteral("agents"), QStringLiteral("--from"),
                        QStringLiteral("2025-06-15"), QStringLiteral("--to"), QStringLiteral("2025-06-16")});
    EXPECT_EQ(refused.exitCode, 3) << refused.err.toStdString();
}

TEST_F(CliThroughServer, SettingsAreShownAndSetThroughTheServer)
{
    auto set = ctl(QStringLiteral("店长"), kOwnerPassword,
                   {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("login.lock_minutes"),
                    QStringLiteral("45")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    auto shown = ctl(QStringLiteral("店长"), kOwnerPassword, {QStringLiteral("settings"), QStringLiteral("show")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("login.lock_minutes\t45\n"))) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("text.closing_line\t"))) << shown.out.toStdString();
    auto refused =
        ctl(QStringLiteral("店长"), kOwnerPassword,
            {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("sim.bots"), QStringLiteral("9")});
    EXPECT_EQ(refused.exitCode, 5) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("no effect on a team server"))) << refused.err.toStdString();
}

TEST_F(CliThroughServer, SearchAnswersFromTheServersIndexInTheLocalFormat)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    // What the shop's platform stored on the server: two buyers.
    auto said = [&](const QString& key, const QString& buyer, const QString& text, qint64 n) {
        IncomingMessage m;
        m.conversationKey = key;
        m.buyerNick = buyer;
        m.text = text;
        m.sentAt = Timestamp::fromMs(1'750'000'000'000 + n * 60'000);
        m.platformMessageId = QStringLiteral("p%1").arg(n);
        return ImportRecord(m);
    };
    pg::PgHistoryRepository history(backend->store());
    auto stored = history
                      .ingest({said(QStringLiteral("k1"), QStringLiteral("买家甲"), QStringLiteral("在吗\t亲"), 1),
                               said(QStringLiteral("k2"), QStringLiteral("买家乙"), QStringLiteral("退款到账了吗"), 2),
                               said(QStringLiteral("k2"), QStringLiteral("买家乙"), QStringLiteral("在的"), 3)})
                      .result();
    ASSERT_TRUE(stored && stored->messagesAdded == 3);

    auto found = ctl(QStringLiteral("小美"), kAgentPassword, {QStringLiteral("search"), QStringLiteral("在")});
    ASSERT_EQ(found.exitCode, 0) << found.err.toStdString();
    const QTimeZone zone("Asia/Shanghai");
    const QString first = isotime::format(Timestamp::fromMs(1'750'000'000'000 + 3 * 60'000), zone);
    const QString second = isotime::format(Timestamp::fromMs(1'750'000'000'000 + 60'000), zone);
    EXPECT_EQ(found.out, first + QStringLiteral("\tk2\t买家乙\tbuyer\t在的\n") + second +
                             QStringLiteral("\tk1\t买家甲\tbuyer\t在吗\\t亲\n"))
        << "newest first, one line each, tabs in the text escaped";

    auto json = ctl(QStringLiteral("小美"), kAgentPassword,
                    {QStringLiteral("search"), QStringLiteral("退款到"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("buyer")).toString(),
              QStringLiteral("买家乙"));
    auto syntax = ctl(QStringLiteral("小美"), kAgentPassword, {QStringLiteral("search"), QStringLiteral("\"*OR(")});
    EXPECT_EQ(syntax.exitCode, 0) << "query syntax is text: " << syntax.err.toStdString();
    EXPECT_TRUE(syntax.out.isEmpty());

    // Taking history.search away: refused on the very next search, exit 3.
    ASSERT_TRUE(await(owner->team().createRole(QStringLiteral("只聊天"),
                                               *auth::PermissionSet::parse(QStringLiteral("chat.read,chat.reply"))))
                    .ok());
    ASSERT_TRUE(await(owner->team().setRoles(QStringLiteral("小美"), {QStringLiteral("只聊天")})).ok());
    auto refused = ctl(QStringLiteral("小美"), kAgentPassword, {QStringLiteral("search"), QStringLiteral("在")});
    EXPECT_EQ(refused.exitCode, 3) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("history.search"))) << refused.err.toStdString();
}

TEST_F(CliThroughServer, HistoryImportSendsTheFileToTheServerWithTheLocalOutputAndExitCodes)
{
    const QString path = dir.filePath(QStringLiteral("history.jsonl"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"type":"message","conversation":"c1","buyer":"tb_nick","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗","id":"p-1"}
{"type":"message","conversation":"c1","buyer":"tb_nick","from":"agent","agent":"小美","at":"2026-11-11T10:00:40+08:00","text":"您好","id":"p-2"}
{"type":"order","id":"T1001","buyer":"tb_nick","status":"WAIT_SELLER_SEND_GOODS","created_at":"2026-11-11T09:00:00+08:00","amount_fen":12900,"items":[{"title":"纸皮核桃 500g","qty":2,"price_fen":6450}]}
)");
    f.close();
    auto imported =
        ctl(QStringLiteral("店长"), kOwnerPassword, {QStringLiteral("history"), QStringLiteral("import"), path});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(
        imported.out.trimmed(),
        QStringLiteral("Imported 2 messages (0 already present), 1 new orders (0 updated), 0 new refunds (0 updated)"));
    auto found = ctl(QStringLiteral("店长"), kOwnerPassword, {QStringLiteral("search"), QStringLiteral("您好")});
    ASSERT_EQ(found.exitCode, 0) << found.err.toStdString();
    EXPECT_EQ(found.out, QStringLiteral("2026-11-11T10:00:40+08:00\tc1\ttb_nick\tagent:小美\t您好\n"))
        << found.out.toStdString();

    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(R"({"type":"message")"
            "\n");
    f.close();
    auto bad = ctl(QStringLiteral("店长"), kOwnerPassword, {QStringLiteral("history"), QStringLiteral("import"), path});
    EXPECT_EQ(bad.exitCode, 5) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("line 4: "))) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("nothing was imported: 1 bad line(s)"))) << bad.err.toStdString();
}

} // namespace
} // namespace shopdesk::test
