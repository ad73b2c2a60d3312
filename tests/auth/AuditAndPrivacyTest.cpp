#include "services/accounts/AccountService.h"
#include "services/audit/AuditLog.h"
#include "services/orders/OrderService.h"
#include "services/privacy/PiiVault.h"

#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

void rawSql(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

/// A store with some audit history: logins, a failure, account changes.
void makeHistory(TestBackend& b)
{
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    b->accounts().login(QStringLiteral("小美"), QStringLiteral("wrong")).ok();
    b->accounts().setDisabled(b.owner(), QStringLiteral("小美"), true).ok();
    b->store().writer().flush();
}

AuditVerification verify(TestBackend& b)
{
    auto v = b->audit().verifyChain();
    EXPECT_TRUE(v.ok());
    return v.ok() ? *v : AuditVerification();
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(Audit, AnUntouchedLogVerifies)
{
    TestBackend b;
    makeHistory(b);
    const AuditVerification v = verify(b);
    EXPECT_TRUE(v.intact) << v.reason.toStdString();
    EXPECT_GE(v.entries, 6);
}

TEST(Audit, TheLogIsAppendOnlyThroughSql)
{
    TestBackend b;
    makeHistory(b);
    b.close();
    sqlite3* db = nullptr;
    sqlite3_open(b.path().toUtf8().constData(), &db);
    EXPECT_NE(sqlite3_exec(db, "UPDATE audit SET detail = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

TEST(Audit, EditingARowIsDetectedAtThatRow)
{
    TestBackend b;
    makeHistory(b);
    b.close();
    rawSql(b.path(), "DROP TRIGGER audit_no_update; UPDATE audit SET actor = '测试旗舰店:别人' WHERE id = 3;");
    b.reopen();
    const AuditVerification v = verify(b);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.firstBrokenId, 3);
}

TEST(Audit, DeletingARowIsDetectedAtTheNextOne)
{
    TestBackend b;
    makeHistory(b);
    b.close();
    rawSql(b.path(), "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2;");
    b.reopen();
    const AuditVerification v = verify(b);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.firstBrokenId, 3);
    EXPECT_TRUE(v.reason.contains(QStringLiteral("removed")));
}

TEST(Audit, CuttingOffTheTailIsDetectedByTheHead)
{
    TestBackend b;
    makeHistory(b);
    b.close();
    rawSql(b.path(), "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit);");
    b.reopen();
    const AuditVerification v = verify(b);
    EXPECT_FALSE(v.intact);
    EXPECT_TRUE(v.reason.contains(QStringLiteral("last entries were removed")));
}

TEST(Audit, ForgingARowWithoutTheKeyIsDetected)
{
    TestBackend b;
    makeHistory(b);
    b.close();
    // Copy the last row's MAC onto a new, made-up row: without the key the chain cannot be extended.
    rawSql(b.path(), "INSERT INTO audit(id, at, actor, action, target, detail, mac) "
                     "SELECT id + 1, at, actor, 'account.create', target, 'forged', mac FROM audit "
                     "WHERE id = (SELECT max(id) FROM audit);");
    b.reopen();
    EXPECT_FALSE(verify(b).intact);
}

TEST(Privacy, NoPasswordOrPersonalDataIsFindableInTheDatabaseFiles)
{
    TestBackend b;
    const QString password = QStringLiteral("S3cret-Pa55word!");
    b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, password);
    Order o;
    o.orderNo = QStringLiteral("T777");
    o.buyerNick = QStringLiteral("tb_buyer");
    o.createdAt = b.clock().now();
    o.receiver.emplace(Receiver{QStringLiteral("诸葛孔明"), QStringLiteral("13987654321"),
                                QStringLiteral("四川省成都市武侯区卧龙岗88号")});
    b->vault().seal(o);
    EXPECT_FALSE(o.receiver.has_value());
    ingestAndWait(b->store().history(), {o});
    b->store().writer().flush();

    QByteArray all;
    for (const QString& f : QDir(QFileInfo(b.path()).absolutePath()).entryList(QDir::Files)) {
        if (f.startsWith(QStringLiteral("shopdesk.db"))) {
            all += fileBytes(QFileInfo(b.path()).absolutePath() + QLatin1Char('/') + f);
        }
    }
    ASSERT_GT(all.size(), 4096);
    for (const QString& secret : {password, QStringLiteral("诸葛孔明"), QStringLiteral("13987654321"),
                                  QStringLiteral("卧龙岗88号"), QStringLiteral("武侯区")}) {
        EXPECT_FALSE(all.contains(secret.toUtf8())) << secret.toStdString() << " is in the database file";
    }
    // What agents see is stored: the masked forms.
    EXPECT_TRUE(all.contains(QStringLiteral("139****4321").toUtf8()));
    EXPECT_TRUE(all.contains(QStringLiteral("四川省成都市****").toUtf8()));
}

TEST(Privacy, MaskedForAgentsFullAndAuditedWithThePermission)
{
    TestBackend b;
    Order o;
    o.orderNo = QStringLiteral("T778");
    o.buyerNick = QStringLiteral("tb_buyer");
    o.createdAt = b.clock().now();
    o.receiver.emplace(Receiver{QStringLiteral("张三"), QStringLiteral("13812345678"),
                                QStringLiteral("浙江省杭州市西湖区文三路90号")});
    b->vault().seal(o);
    ingestAndWait(b->store().history(), {o});

    const auth::Actor trainee = b.account(QStringLiteral("新人"), {QStringLiteral("trainee")});
    auto seen = b->orders().find(trainee, QStringLiteral("sim"), QStringLiteral("T778"));
    ASSERT_TRUE(seen.ok());
    EXPECT_EQ(seen->receiverMasked.phone, QStringLiteral("138****5678"));
    EXPECT_EQ(seen->receiverMasked.address, QStringLiteral("浙江省杭州市****"));
    EXPECT_EQ(seen->receiverMasked.name, QStringLiteral("张*"));
    EXPECT_TRUE(seen->receiverSealed.isEmpty());
    auto denied = b->orders().revealReceiver(trainee, QStringLiteral("sim"), QStringLiteral("T778"));
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::NotAllowed);

    auto full = b->orders().revealReceiver(b.owner(), QStringLiteral("sim"), QStringLiteral("T778"));
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(full->phone, QStringLiteral("13812345678"));
    b->store().writer().flush();
    AuditQuery q;
    q.actionPrefix = QStringLiteral("buyer.pii.reveal");
    auto reveals = b->audit().list(b.owner(), b->gate(), q);
    ASSERT_TRUE(reveals.ok());
    ASSERT_EQ(reveals->size(), 1u);
    EXPECT_EQ(reveals->front().entry.target, QStringLiteral("T778"));
    EXPECT_FALSE(reveals->front().entry.detail.contains(QStringLiteral("1381234")));
}

TEST(Privacy, ASealedValueOpensOnlyWithItsKeyAndItsOrder)
{
    PiiVault vault(QByteArray(32, 'k'));
    Order o;
    o.orderNo = QStringLiteral("T1");
    o.receiver.emplace(
        Receiver{QStringLiteral("张三"), QStringLiteral("13812345678"), QStringLiteral("上海市浦东新区1号")});
    vault.seal(o);
    EXPECT_EQ(o.receiverMasked.address, QStringLiteral("上海市****"));
    EXPECT_TRUE(vault.open(o).ok());
    PiiVault other(QByteArray(32, 'x'));
    EXPECT_FALSE(other.open(o).ok());
    Order moved = o;
    moved.orderNo = QStringLiteral("T2");
    EXPECT_FALSE(vault.open(moved).ok());
    Order damaged = o;
    damaged.receiverSealed[20] = static_cast<char>(damaged.receiverSealed[20] ^ 1);
    EXPECT_FALSE(vault.open(damaged).ok());
}

TEST(Privacy, TheKeyFileIsPrivateAndItsLossIsAClearError)
{
    TestBackend b;
    const QDir keys(b.keyDir());
    // The master key and, beside it, the audit log's anchor: both readable by their owner only.
    const QStringList files = keys.entryList({QStringLiteral("*.key")}, QDir::Files);
    ASSERT_EQ(files.size(), 2);
    QString master;
    for (const QString& f : files) {
        EXPECT_EQ(QFileInfo(keys.filePath(f)).permissions() &
                      (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                  QFileDevice::Permissions())
            << f.toStdString();
        if (!f.contains(QStringLiteral("audit-anchor"))) {
            master = f;
        }
    }
    ASSERT_FALSE(master.isEmpty());
    b.close();
    QFile::remove(keys.filePath(master));
    Backend::Options o;
    o.databasePath = b.path();
    o.keyStores.push_back(std::make_unique<crypto::FileKeyStore>(b.keyDir()));
    auto opened = Backend::open(std::move(o));
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("key is missing")))
        << opened.error().message.toStdString();
}
