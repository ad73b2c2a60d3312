// The claim path under contention (team.md rule 1): 16 writers, each on its own PostgreSQL
// connection, take, transfer, route and close at random against random limits. Afterwards, read
// from the database: no conversation has two active owners, no agent holds more than its limit
// except by repeat entry, overflow or transfer, and every load row matches the assignments.

#include "pg/PgAssignments.h"
#include "pg/PgConnection.h"
#include "pg/PgSchema.h"
#include "pg/PgStore.h"

#include "support/ClaimInvariants.h"
#include "support/QtPrinters.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

namespace shopdesk::test {
namespace {

using pg::param;

TEST(ClaimPath, SixteenWritersNeverMakeTwoOwnersOrBreakALimit)
{
    ASSERT_FALSE(qEnvironmentVariableIsEmpty("PGHOST"))
        << "No PostgreSQL for the tests: run them through ./test.sh (pg_virtualenv).";
    auto admin = pg::PgConnection::open(QString());
    ASSERT_TRUE(admin) << admin.error().message.toStdString();
    ASSERT_TRUE((*admin)->exec("DROP SCHEMA IF EXISTS claim_prop CASCADE; CREATE SCHEMA claim_prop").ok());
    const QString url = QStringLiteral("options=-csearch_path=claim_prop");
    auto setup = pg::PgConnection::open(url);
    ASSERT_TRUE(setup);
    pg::PgConnection& c = **setup;
    ASSERT_TRUE(pg::schema::migrate(c).ok());
    auto shop = c.query("INSERT INTO shops(name, store_id, created_at) VALUES('s', 'x', 0) RETURNING id");
    ASSERT_TRUE(shop);
    const qint64 shopId = shop->integer(0, 0);
    ASSERT_TRUE(c.query("INSERT INTO routing_groups(shop_id, name, reception_limit) VALUES($1, 'presales', 2)",
                        {param(shopId)}));
    std::mt19937 setupRng(20261111);
    constexpr int kAgents = 6;
    constexpr int kConversations = 60;
    for (int a = 0; a < kAgents; ++a) {
        // Half with their own random limit (0..4), half with the group's (2).
        const bool own = a % 2 == 0;
        ASSERT_TRUE(c.query("INSERT INTO accounts(shop_id, name, password_hash, grp, reception_limit, created_at) "
                            "VALUES($1, $2, 'x', 'presales', $3, 0)",
                            {param(shopId), param(QStringLiteral("agent%1").arg(a)),
                             own ? param(static_cast<qint64>(setupRng() % 5)) : pg::Param()}));
    }

    constexpr int kWriters = 16;
    constexpr int kOpsEach = 150;
    std::atomic<int> claimed{0};
    std::atomic<int> refused{0};
    std::atomic<int> failures{0};
    std::mutex firstFailureLock;
    QString firstFailure; ///< the first unexpected error (told with the count)
    auto fail = [&](const QString& what) {
        ++failures;
        std::lock_guard<std::mutex> hold(firstFailureLock);
        if (firstFailure.isEmpty()) {
            firstFailure = what;
        }
    };
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            auto store = pg::PgStore::open(url);
            if (!store) {
                fail(QStringLiteral("open: ") + store.error().message);
                return;
            }
            (*store)->setShopId(shopId);
            pg::PgAssignments claims(**store);
            std::mt19937 rng(static_cast<unsigned>(1000 + w));
            // Mostly claims that must stay within the limit, so that the limits are contended.
            static const char* kReasons[] = {"free",     "queue",    "take",         "free",
                                             "queue",    "take",     "free",         "take",
                                             "transfer", "overflow", "repeat_entry", "repeat_entry_group"};
            for (int i = 0; i < kOpsEach; ++i) {
                const QString key = QStringLiteral("c%1").arg(rng() % kConversations);
                const Timestamp at = Timestamp::fromMs(1'800'000'000'000 + i);
                if (rng() % 6 == 0) {
                    const Status released =
                        claims.release(QStringLiteral("sim"), key, QStringLiteral("closed"), at, rng() % 2);
                    if (!released.ok()) {
                        fail(QStringLiteral("release: ") + released.error().message);
                    }
                    continue;
                }
                pg::ClaimRequest r;
                r.conversationKey = key;
                r.buyerNick = QStringLiteral("buyer-") + key;
                r.agent = QStringLiteral("agent%1").arg(rng() % kAgents);
                r.reason = QString::fromLatin1(kReasons[rng() % std::size(kReasons)]);
                r.at = at;
                auto out = claims.claim(r);
                if (out) {
                    ++claimed;
                } else if (out.error().code == ErrorCode::Invalid || out.error().code == ErrorCode::Busy) {
                    ++refused;
                } else {
                    fail(QStringLiteral("claim: ") + out.error().message);
                }
            }
        });
    }
    for (auto& t : writers) {
        t.join();
    }
    EXPECT_EQ(failures.load(), 0) << firstFailure.toStdString();
    EXPECT_GT(claimed.load(), 100) << "the writers got somewhere";
    EXPECT_GT(refused.load(), 100) << "and were refused often: the limits and owners were contended";

    expectClaimInvariants(c);
    // The owner column agrees with the assignment.
    auto mismatched =
        c.query("SELECT count(*) FROM conversations c LEFT JOIN assignments a ON a.conversation_id = c.id "
                "AND a.ended_at IS NULL WHERE c.owner_id IS DISTINCT FROM a.account_id");
    ASSERT_TRUE(mismatched);
    EXPECT_EQ(mismatched->integer(0, 0), 0);
    (void)(*admin)->exec("DROP SCHEMA IF EXISTS claim_prop CASCADE");
}

} // namespace
} // namespace shopdesk::test
