#include "backend/Backend.h"
#include "services/history/MessageRepository.h"
#include "services/orders/OrderRepository.h"
#include "services/search/SearchService.h"
#include "services/shop/ShopRepository.h"
#include "store/Migrations.h"
#include "store/SqliteStore.h"

#include "support/TempStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void execSql(const QString& path, const QByteArray& sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

} // namespace

TEST(Migrations, FreshStoreIsAtTheCurrentVersionInWalMode)
{
    TempStore s;
    s.close();
    EXPECT_EQ(queryInt(s.path(), "SELECT value FROM meta WHERE key = 'schema_version'"), store::currentSchemaVersion());
    EXPECT_EQ(queryInt(s.path(), "PRAGMA application_id"), store::kApplicationId);
    sqlite3* db = nullptr;
    sqlite3_open(s.path().toUtf8().constData(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST(Migrations, UpgradesTheCommittedV1FixtureAndKeepsItsData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    QFile fixture(QStringLiteral(SHOPDESK_FIXTURE_DIR "/store_v1.sql"));
    ASSERT_TRUE(fixture.open(QIODevice::ReadOnly));
    execSql(path, fixture.readAll());
    ASSERT_EQ(queryInt(path, "SELECT value FROM meta WHERE key = 'schema_version'"), 1);

    Backend::Options options;
    options.databasePath = path;
    options.keyStores.push_back(std::make_unique<crypto::FileKeyStore>(dir.filePath(QStringLiteral("keys"))));
    auto opened = Backend::open(std::move(options));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    Backend& b = **opened;
    auto shop = b.shop();
    ASSERT_TRUE(shop.ok());
    EXPECT_EQ(shop->name, QStringLiteral("果果旗舰店"));
    auto count = b.store().messages().messageCount();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 4);
    // v2 built the full-text index from the rows v1 already had.
    auth::Actor reader{AccountId(1), shop->name, QStringLiteral("auditor"), auth::PermissionSet::all(), false};
    auto hits = b.search().search(reader, {QStringLiteral("核桃"), {}, {}, 50, {}});
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->hits.size(), 2u);
    EXPECT_EQ(hits->hits.front().buyerNick, QStringLiteral("tb_小鹿"));
    // v3 gave the store an id (which names its key) and kept the order, now with receiver columns.
    auto order = b.store().orders().findOrder(QStringLiteral("sim"), QStringLiteral("T1001"));
    ASSERT_TRUE(order.ok() && order->has_value());
    EXPECT_EQ((*order)->remark, QStringLiteral("送开口器"));
    EXPECT_TRUE((*order)->receiverSealed.isEmpty());
    opened->reset();
    EXPECT_EQ(queryInt(path, "SELECT value FROM meta WHERE key = 'schema_version'"), store::currentSchemaVersion());
}

TEST(Migrations, RefusesANewerDatabaseWithoutTouchingIt)
{
    TempStore s;
    s.close();
    execSql(s.path(), "UPDATE meta SET value = '999' WHERE key = 'schema_version'; PRAGMA wal_checkpoint(TRUNCATE);");
    const QByteArray before = fileHash(s.path());
    auto opened = store::SqliteStore::open(s.path(), {});
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::Invalid);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("newer ShopDesk")));
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("not modified")));
    EXPECT_EQ(fileHash(s.path()), before);
    EXPECT_EQ(queryInt(s.path(), "SELECT value FROM meta WHERE key = 'schema_version'"), 999);
}

TEST(Migrations, RefusesSomeOtherSqliteDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    execSql(path, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES(1, 'x');");
    const QByteArray before = fileHash(path);
    auto opened = store::SqliteStore::open(path, {});
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("not a ShopDesk database")));
    EXPECT_EQ(fileHash(path), before);
}

TEST(Migrations, RefusesAFileThatIsNotADatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    auto opened = store::SqliteStore::open(path, {});
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("not a ShopDesk database or it is damaged")));
}

TEST(Migrations, MissingFileIsNotFoundUnlessCreating)
{
    QTemporaryDir dir;
    auto opened = store::SqliteStore::open(dir.filePath(QStringLiteral("nope.db")), {});
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::NotFound);
}
