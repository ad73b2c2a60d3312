// The claim path through the server (team.md rule 1): sixteen desks (eight agents on two PCs each)
// transfer and close their buyers at random, all at once, while the router assigns the buyers the
// simulated shop keeps sending, against random reception limits. Afterwards, read from the
// database: no conversation has two active owners, no agent holds more than its limit except by
// repeat entry, overflow or transfer, the load rows agree, and every desk shows what the server
// holds for its account.
//
// (tests/pg/ClaimPropertyTest.cpp puts the same property to sixteen writers on their own
// PostgreSQL connections, without a server between.)

#include "TeamFixture.h"
#include "support/ClaimInvariants.h"

#include <QFutureWatcher>

#include <random>

namespace shopdesk::test {
namespace {

class TeamClaimProperty : public TeamFixture {};

TEST_F(TeamClaimProperty, SixteenDesksNeverMakeTwoOwnersOrBreakALimit)
{
    startRouter(600, 4); // about forty new buyers a second
    auto supervisor = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(supervisor);
    ASSERT_TRUE(await(supervisor->team().saveRouting(routing::Settings(), {{QStringLiteral("presales"), 2}})).ok());
    std::mt19937 rng(20261202);
    constexpr int kAgents = 8;
    QStringList agents;
    for (int i = 0; i < kAgents; ++i) {
        NewAccount a;
        a.name = QStringLiteral("客服%1").arg(i);
        a.password = kAgentPassword;
        a.roles = {QStringLiteral("presales")};
        a.group = QStringLiteral("presales");
        if (i % 2 == 0) {
            a.receptionLimit = static_cast<int>(1 + rng() % 4); // half their own limit, half the group's
        }
        ASSERT_TRUE(await(supervisor->team().createAccount(a))) << a.name.toStdString();
        agents << a.name;
    }
    std::vector<std::shared_ptr<session::ShopSession>> desks;
    for (int pc = 0; pc < 2; ++pc) {
        for (const QString& name : agents) {
            auto desk = loginRemote(name, kAgentPassword);
            ASSERT_TRUE(desk);
            desks.push_back(desk);
        }
    }
    for (int i = 0; i < kAgents; ++i) {
        ASSERT_TRUE(await(desks[static_cast<size_t>(i)]->chats().setPresence(platform::AgentPresence::Online)).ok());
    }

    // Every desk fires at random, without waiting for its answers: transfers to a random colleague
    // (sometimes to the group) and closes, many in flight at once on the server.
    int inFlight = 0;
    int done = 0;
    int refused = 0;
    int unexpected = 0;
    QString firstUnexpected;
    std::vector<std::unique_ptr<QFutureWatcher<Status>>> watchers;
    auto fire = [&](QFuture<Status> f) {
        ++inFlight;
        auto w = std::make_unique<QFutureWatcher<Status>>();
        QObject::connect(w.get(), &QFutureWatcher<Status>::finished, [&, raw = w.get()] {
            --inFlight;
            const Status st = raw->result();
            if (st.ok()) {
                ++done;
            } else if (st.error().code == ErrorCode::Internal) {
                ++unexpected;
                if (firstUnexpected.isEmpty()) {
                    firstUnexpected = st.error().message;
                }
            } else {
                ++refused; // no longer this desk's buyer, a limit, a target away…: told, not broken
            }
        });
        w->setFuture(f);
        watchers.push_back(std::move(w));
    };
    QElapsedTimer run;
    run.start();
    int rounds = 0;
    while (run.elapsed() < 8000) {
        ++rounds;
        for (auto& desk : desks) {
            auto mine = desk->chats().mine(Timestamp::fromMs(0));
            if (!mine) {
                continue;
            }
            std::vector<ConversationSummary> active;
            for (const ConversationSummary& c : *mine) {
                if (c.state == ConversationSummary::State::Active && c.agent == desk->me().name) {
                    active.push_back(c);
                }
            }
            if (active.empty() || rng() % 3 != 0) {
                continue;
            }
            const ConversationSummary& c = active[rng() % active.size()];
            if (rng() % 2 == 0) {
                fire(desk->chats().close(c.buyerNick, QString(), false));
            } else if (rng() % 5 == 0) {
                fire(desk->chats().transfer(c.buyerNick, {}, QStringLiteral("presales"), {}));
            } else {
                fire(desk->chats().transfer(c.buyerNick, agents[static_cast<qsizetype>(rng() % kAgents)], {}, {}));
            }
        }
        spinUntil([] { return false; }, 20);
    }
    ASSERT_TRUE(spinUntil([&] { return inFlight == 0; }, 30000)) << inFlight << " answers missing";
    // No more buyers (nor repeat entries): the server's view holds still for the comparison.
    server->setRouter(nullptr);
    router.reset();
    EXPECT_EQ(unexpected, 0) << firstUnexpected.toStdString();
    EXPECT_GT(done, 50) << "the desks got somewhere (" << rounds << " rounds)";

    auto db = pg::PgConnection::open(url);
    ASSERT_TRUE(db);
    pg::PgConnection& c = **db;
    expectClaimInvariants(c);
    auto transfers = c.query("SELECT count(*) FROM assignments WHERE reason = 'transfer'");
    ASSERT_TRUE(transfers);
    EXPECT_GT(transfers->integer(0, 0), 10) << "transfers went through the claim path";

    // Every desk ends with the server's view of its account's buyers.
    for (size_t d = 0; d < desks.size(); ++d) {
        const QString name = agents[static_cast<qsizetype>(d % kAgents)];
        auto held = c.query("SELECT c.key FROM conversations c JOIN accounts a ON a.id = c.owner_id "
                            "WHERE a.name = $1 AND c.state = 'active' ORDER BY c.key",
                            {pg::param(name)});
        ASSERT_TRUE(held);
        QStringList serverHolds;
        for (int i = 0; i < held->rows(); ++i) {
            serverHolds << held->text(i, 0);
        }
        QStringList desk;
        EXPECT_TRUE(spinUntil(
            [&] {
                desk.clear();
                auto mine = desks[d]->chats().mine(Timestamp::fromMs(0));
                for (const ConversationSummary& s : mine ? *mine : std::vector<ConversationSummary>()) {
                    if (s.state == ConversationSummary::State::Active && s.agent == name) {
                        desk << s.key; // (a buyer passed on stays in 最近联系, active with its new owner)
                    }
                }
                desk.sort();
                return desk == serverHolds;
            },
            5000))
            << name.toStdString() << ": the desk shows " << desk.join(u',').toStdString() << ", the server holds "
            << serverHolds.join(u',').toStdString();
    }
}

} // namespace
} // namespace shopdesk::test
