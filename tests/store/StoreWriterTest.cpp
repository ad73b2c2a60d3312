#include "store/StoreWriter.h"
#include "services/history/HistoryRepository.h"
#include "services/history/MessageRepository.h"
#include "store/SqliteConnection.h"

#include "support/TempStore.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

using namespace shopdesk;
using namespace shopdesk::test;
using store::SqliteConnection;

namespace {

Result<std::monostate> execute(SqliteConnection& c, const char* sql)
{
    c.db().exec(sql);
    return std::monostate{};
}

} // namespace

TEST(StoreWriter, AFailingJobDoesNotUndoTheOthersInItsBatch)
{
    TempStore s;
    auto& w = s->writer();
    auto a =
        w.submit<std::monostate>([](SqliteConnection& c) { return execute(c, "INSERT INTO meta VALUES('a', '1')"); });
    auto b = w.submit<std::monostate>([](SqliteConnection& c) -> Result<std::monostate> {
        c.db().exec("INSERT INTO meta VALUES('b', '1')");
        return Error::invalid(QStringLiteral("refused"));
    });
    auto broken =
        w.submit<std::monostate>([](SqliteConnection& c) { return execute(c, "INSERT INTO nowhere VALUES(1)"); });
    auto d =
        w.submit<std::monostate>([](SqliteConnection& c) { return execute(c, "INSERT INTO meta VALUES('d', '1')"); });
    w.flush();
    EXPECT_TRUE(a.result().ok());
    ASSERT_FALSE(b.result().ok());
    EXPECT_EQ(b.result().error().message, QStringLiteral("refused"));
    EXPECT_FALSE(broken.result().ok());
    EXPECT_TRUE(d.result().ok());
    s.close();
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM meta WHERE key IN ('a', 'd')"), 2);
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM meta WHERE key = 'b'"), 0);
}

TEST(StoreWriter, DiskFullIsAClearErrorAndLosesNothingAlreadySaved)
{
    TempStore s;
    s.ingest({message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("已保存"))});
    // Cap the file at its current size: the next growth fails with SQLITE_FULL, like a full disk.
    auto cap = s->writer().submit<std::monostate>([](SqliteConnection& c) -> Result<std::monostate> {
        const int pages = c.db().execAndGet("PRAGMA page_count").getInt();
        c.db().exec("PRAGMA max_page_count = " + std::to_string(pages));
        return std::monostate{};
    });
    cap.waitForFinished();
    std::vector<ImportRecord> big;
    for (int i = 0; i < 200; ++i) {
        big.emplace_back(message(QStringLiteral("c2"), QStringLiteral("tb_b"), Sender::Buyer, 10 + i,
                                 QString(2000, QChar(0x4E00 + i))));
    }
    auto failed = s->history().ingest(big);
    failed.waitForFinished();
    ASSERT_FALSE(failed.result().ok());
    EXPECT_TRUE(failed.result().error().message.contains(QStringLiteral("disk is full")));
    EXPECT_EQ(*s->messages().messageCount(), 1);

    auto uncap = s->writer().submit<std::monostate>(
        [](SqliteConnection& c) { return execute(c, "PRAGMA max_page_count = 1073741823"); });
    uncap.waitForFinished();
    auto retried = s.ingest(big);
    EXPECT_EQ(retried.messagesAdded, 200);
    EXPECT_EQ(*s->messages().messageCount(), 201);
}

namespace {

/// Holds the database's write lock from another connection until released.
class LockHolder {
public:
    explicit LockHolder(const QString& path)
    {
        sqlite3_open(path.toUtf8().constData(), &m_db);
        sqlite3_busy_timeout(m_db, 5000);
        EXPECT_EQ(sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    }
    void release()
    {
        if (m_db) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~LockHolder() { release(); }

private:
    sqlite3* m_db = nullptr;
};

} // namespace

TEST(StoreWriter, GivesUpOnABusyDatabaseWithAClearErrorWhenToldTo)
{
    TempStore s(store::SqliteStore::Options{true, std::chrono::milliseconds(300)});
    LockHolder other(s.path());
    auto r = s->history().ingest(
        {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("排队"))});
    r.waitForFinished();
    ASSERT_FALSE(r.result().ok());
    EXPECT_EQ(r.result().error().code, ErrorCode::Busy);
    other.release();
    auto retry = s->history().ingest(
        {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("排队"))});
    retry.waitForFinished();
    EXPECT_TRUE(retry.result().ok());
}

TEST(StoreWriter, TheAppWriterWaitsForAnotherWriterAndLosesNothing)
{
    TempStore s; // retries forever
    auto other = std::make_unique<LockHolder>(s.path());
    auto r = s->history().ingest(
        {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("等待"))});
    std::this_thread::sleep_for(std::chrono::milliseconds(2500)); // beyond the 2 s busy timeout
    EXPECT_FALSE(r.isFinished());
    other.reset();
    r.waitForFinished();
    ASSERT_TRUE(r.result().ok());
    EXPECT_EQ(r.result()->messagesAdded, 1);
}

TEST(StoreWriter, FinishedQueriesDoNotPinOldSnapshots)
{
    TempStore s;
    s.ingest({message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("一"))});
    ASSERT_TRUE(s->messages().findConversation(u"sim", u"c1").ok()); // leaves nothing open
    s.ingest({message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 2, QStringLiteral("二"))});
    auto conv = s->messages().findConversation(u"sim", u"c1");
    ASSERT_TRUE(conv.ok() && conv->has_value());
    EXPECT_EQ((*conv)->messageCount, 2);
}
