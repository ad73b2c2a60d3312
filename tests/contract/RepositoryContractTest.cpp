// The repository contract on accounts, roles, settings, routing, the audit chain, the shop and
// quick replies: each case against SQLite and against PostgreSQL (ContractFixture.h).

#include "contract/ContractFixture.h"

namespace shopdesk::test {
namespace {

TEST_P(RepositoryContract, AnAccountReadsBackAsWrittenByNameAndById)
{
    auto id =
        s->accounts().create(record(QStringLiteral("小美"), {QStringLiteral("agent"), QStringLiteral("aftersales")}),
                             {entry(QStringLiteral("account.create"), QStringLiteral("小美"))});
    ASSERT_TRUE(id) << id.error().message.toStdString();
    auto byName = s->accounts().find(QStringLiteral("小美"));
    ASSERT_TRUE(byName && *byName);
    const Account& a = (*byName)->account;
    EXPECT_EQ(a.id, *id);
    EXPECT_EQ(a.roles, (QStringList{QStringLiteral("aftersales"), QStringLiteral("agent")})) << "sorted";
    EXPECT_EQ(a.group, QStringLiteral("presales"));
    EXPECT_EQ(a.receptionLimit, 12);
    EXPECT_FALSE(a.disabled);
    EXPECT_EQ(a.createdAt.ms(), 1'700'000'000'000);
    EXPECT_FALSE(a.lastLoginAt);
    EXPECT_EQ((*byName)->passwordHash, record(QString()).passwordHash);
    auto byId = s->accounts().findById(*id);
    ASSERT_TRUE(byId && *byId);
    EXPECT_EQ((*byId)->account.name, QStringLiteral("小美"));
    auto none = s->accounts().find(QStringLiteral("nobody"));
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
}

TEST_P(RepositoryContract, ListIsByNameAndASecondAccountOfTheSameNameIsRefused)
{
    ASSERT_TRUE(s->accounts().create(record(QStringLiteral("zoe")), {}));
    ASSERT_TRUE(s->accounts().create(record(QStringLiteral("amy")), {}));
    auto dup = s->accounts().create(record(QStringLiteral("amy")), {entry(QStringLiteral("account.create"))});
    EXPECT_FALSE(dup.ok());
    auto all = s->accounts().list();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].name, QStringLiteral("amy"));
    EXPECT_EQ((*all)[1].name, QStringLiteral("zoe"));
    auto tail = s->audit().tail();
    ASSERT_TRUE(tail);
    EXPECT_EQ(tail->first, 0) << "the refused create left no audit entry";
}

TEST_P(RepositoryContract, AnUpdateWritesOnlyWhatItNamesAndEndSessionsMovesTheEpoch)
{
    auto id = s->accounts().create(record(QStringLiteral("小美")), {});
    ASSERT_TRUE(id);
    AccountChange disable;
    disable.disabled = true;
    auto epoch = s->accounts().update(*id, disable, {entry(QStringLiteral("account.disable"))});
    ASSERT_TRUE(epoch);
    EXPECT_EQ(*epoch, 0);
    AccountChange more;
    more.roles = QStringList{QStringLiteral("supervisor")};
    more.receptionLimit = std::optional<int>();
    more.endSessions = true;
    epoch = s->accounts().update(*id, more, {});
    ASSERT_TRUE(epoch);
    EXPECT_EQ(*epoch, 1);
    auto a = s->accounts().findById(*id);
    ASSERT_TRUE(a && *a);
    EXPECT_TRUE((*a)->account.disabled) << "the second change did not undo the first";
    EXPECT_EQ((*a)->account.roles, QStringList{QStringLiteral("supervisor")});
    EXPECT_FALSE((*a)->account.receptionLimit) << "back to the group's";
    EXPECT_EQ((*a)->account.group, QStringLiteral("presales"));
    EXPECT_EQ((*a)->authEpoch, 1);
    auto missing = s->accounts().update(AccountId(999999), disable, {entry(QStringLiteral("account.disable"))});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    auto tail = s->audit().tail();
    ASSERT_TRUE(tail);
    EXPECT_EQ(tail->first, 1) << "only the first change was audited; the refused one rolled back";
}

TEST_P(RepositoryContract, FailedLoginsLockAtTheLimitAndALoginClearsThem)
{
    auto id = s->accounts().create(record(QStringLiteral("小美")), {});
    ASSERT_TRUE(id);
    const Timestamp now = Timestamp::fromMs(1'800'000'000'000);
    for (int i = 1; i <= 2; ++i) {
        auto f = s->accounts().recordFailedLogin(*id, now, 3, 900, [&](const LoginFailure&) {
            return std::vector<AuditEntry>{entry(QStringLiteral("login.fail"))};
        });
        ASSERT_TRUE(f);
        EXPECT_EQ(f->failedLogins, i);
        EXPECT_FALSE(f->lockedNow);
    }
    auto third = s->accounts().recordFailedLogin(*id, now, 3, 900, [&](const LoginFailure& f) {
        return std::vector<AuditEntry>{
            entry(f.lockedNow ? QStringLiteral("login.lock") : QStringLiteral("login.fail"))};
    });
    ASSERT_TRUE(third);
    EXPECT_TRUE(third->lockedNow);
    ASSERT_TRUE(third->lockedUntil);
    EXPECT_EQ(third->lockedUntil->ms(), now.ms() + 900'000);
    auto locked = s->accounts().findById(*id);
    ASSERT_TRUE(locked && *locked);
    EXPECT_EQ((*locked)->account.lockedUntil, third->lockedUntil);
    auto records = s->audit().list(AuditQuery{});
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 3u);
    EXPECT_EQ(records->front().entry.action, QStringLiteral("login.lock")) << "newest first";

    ASSERT_TRUE(s->accounts().recordLogin(*id, now.addSecs(1000), "new-hash", {}).ok());
    auto after = s->accounts().findById(*id);
    ASSERT_TRUE(after && *after);
    EXPECT_FALSE((*after)->account.lockedUntil);
    EXPECT_EQ((*after)->account.failedLogins, 0);
    EXPECT_EQ((*after)->account.lastLoginAt->ms(), now.addSecs(1000).ms());
    EXPECT_EQ((*after)->passwordHash, QByteArray("new-hash"));
    ASSERT_TRUE(s->accounts().recordLogin(*id, now.addSecs(2000), QByteArray(), {}).ok());
    EXPECT_EQ((*s->accounts().findById(*id))->passwordHash, QByteArray("new-hash")) << "empty keeps the hash";
}

TEST_P(RepositoryContract, UnknownNamesAreThrottledAndTheLockRunsOut)
{
    const QByteArray key("\x01\x02\xff\x00name", 8);
    const Timestamp now = Timestamp::fromMs(1'800'000'000'000);
    auto first = s->accounts().recordUnknownFailure(key, now, 2, 60, {});
    ASSERT_TRUE(first);
    EXPECT_EQ(first->failedLogins, 1);
    auto second = s->accounts().recordUnknownFailure(key, now, 2, 60, {entry(QStringLiteral("login.lock"))});
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->lockedNow);
    auto during = s->accounts().recordUnknownFailure(key, now.addSecs(30), 2, 60, {});
    ASSERT_TRUE(during);
    EXPECT_FALSE(during->lockedNow);
    ASSERT_TRUE(during->lockedUntil);
    auto later = s->accounts().recordUnknownFailure(key, now.addSecs(61), 2, 60, {});
    ASSERT_TRUE(later);
    EXPECT_EQ(later->failedLogins, 1) << "a lock that ran out starts the count afresh";
    EXPECT_FALSE(later->lockedUntil);
    auto other = s->accounts().recordUnknownFailure(QByteArray("other"), now, 2, 60, {});
    ASSERT_TRUE(other);
    EXPECT_EQ(other->failedLogins, 1);
}

TEST_P(RepositoryContract, CustomRolesAreSavedReplacedCountedAndRemoved)
{
    auth::Role role;
    role.name = QStringLiteral("质检");
    role.permissions = auth::PermissionSet::parse(QStringLiteral("chat.read,audit.view")).value();
    ASSERT_TRUE(s->roles().saveCustom(role, {entry(QStringLiteral("role.create"))}).ok());
    role.permissions = auth::PermissionSet::parse(QStringLiteral("chat.read")).value();
    ASSERT_TRUE(s->roles().saveCustom(role, {}).ok());
    auto found = s->roles().findCustom(QStringLiteral("质检"));
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->permissions, role.permissions);
    auto all = s->roles().customRoles();
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 1u);
    ASSERT_TRUE(s->accounts().create(record(QStringLiteral("a1"), {QStringLiteral("质检")}), {}));
    auto a2 = s->accounts().create(record(QStringLiteral("a2"), {QStringLiteral("质检")}), {});
    ASSERT_TRUE(a2);
    AccountChange gone;
    gone.deletedAt = Timestamp::fromMs(1);
    ASSERT_TRUE(s->accounts().update(*a2, gone, {}));
    auto holders = s->roles().holders(QStringLiteral("质检"));
    ASSERT_TRUE(holders);
    EXPECT_EQ(*holders, 1) << "a deleted account holds nothing";
    ASSERT_TRUE(s->roles().removeCustom(QStringLiteral("质检"), {}).ok());
    auto after = s->roles().findCustom(QStringLiteral("质检"));
    ASSERT_TRUE(after);
    EXPECT_FALSE(*after);
}

TEST_P(RepositoryContract, SettingsAndRoutingGroupsAreReplacedInOneWrite)
{
    auto none = s->settings().value(QStringLiteral("login.max_failures"));
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
    ASSERT_TRUE(s->settings()
                    .setValues({{QStringLiteral("login.max_failures"), QStringLiteral("7")},
                                {QStringLiteral("text.greeting"), QStringLiteral("亲，在的")}},
                               {entry(QStringLiteral("settings.set"))})
                    .ok());
    ASSERT_TRUE(s->settings().setValues({{QStringLiteral("login.max_failures"), QStringLiteral("8")}}, {}).ok());
    EXPECT_EQ(*s->settings().value(QStringLiteral("login.max_failures")), QStringLiteral("8"));
    EXPECT_EQ(*s->settings().value(QStringLiteral("text.greeting")), QStringLiteral("亲，在的"));

    ASSERT_TRUE(s->routing()
                    .save({{QStringLiteral("routing.mode"), QStringLiteral("load")}},
                          {{QStringLiteral("售前"), 10}, {QStringLiteral("aftersales"), 5}}, {})
                    .ok());
    ASSERT_TRUE(s->routing().save({}, {{QStringLiteral("售前"), 20}}, {entry(QStringLiteral("routing.save"))}).ok());
    auto groups = s->routing().groups();
    ASSERT_TRUE(groups);
    ASSERT_EQ(groups->size(), 1u);
    EXPECT_EQ((*groups)[0].name, QStringLiteral("售前"));
    EXPECT_EQ((*groups)[0].limit, 20);
    EXPECT_EQ(*s->settings().value(QStringLiteral("routing.mode")), QStringLiteral("load"));
}

TEST_P(RepositoryContract, TheAuditChainLinksEveryEntryAndListsFilterNewestFirst)
{
    for (int i = 0; i < 5; ++i) {
        auto f = s->audit().append({entry(i % 2 ? QStringLiteral("order.refund") : QStringLiteral("account.create"),
                                          QStringLiteral("t%1").arg(i), 1'700'000'000'000 + i * 1000)});
        f.waitForFinished();
        ASSERT_TRUE(f.result().ok()) << f.result().error().message.toStdString();
    }
    QByteArray previous = AuditChain::genesis();
    qint64 expectId = 0;
    ASSERT_TRUE(s->audit()
                    .scan([&](const AuditRecord& r) {
                        EXPECT_EQ(r.id, ++expectId);
                        EXPECT_EQ(r.mac, s->chain().link(previous, r.id, r.entry));
                        previous = r.mac;
                        return true;
                    })
                    .ok());
    EXPECT_EQ(expectId, 5);
    auto head = s->audit().head();
    ASSERT_TRUE(head);
    EXPECT_EQ(*head, s->chain().head(5, previous));
    auto tail = s->audit().tail();
    ASSERT_TRUE(tail);
    EXPECT_EQ(tail->first, 5);
    EXPECT_EQ(tail->second, previous);
    auto mac3 = s->audit().macAt(3);
    ASSERT_TRUE(mac3 && *mac3);
    auto mac9 = s->audit().macAt(9);
    ASSERT_TRUE(mac9);
    EXPECT_FALSE(*mac9);

    AuditQuery refunds;
    refunds.actionPrefix = QStringLiteral("order.");
    auto listed = s->audit().list(refunds);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->front().entry.target, QStringLiteral("t3"));
    AuditQuery recent;
    recent.since = Timestamp::fromMs(1'700'000'003'000);
    recent.limit = 1;
    listed = s->audit().list(recent);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().id, 5);
    AuditQuery byActor;
    byActor.actor = QStringLiteral("someone else");
    EXPECT_TRUE(s->audit().list(byActor)->empty());

    auto anchored = s->audit().anchored();
    ASSERT_TRUE(anchored);
    EXPECT_FALSE(*anchored);
    ASSERT_TRUE(s->audit().markAnchored().ok());
    EXPECT_TRUE(*s->audit().anchored());
}

TEST_P(RepositoryContract, TheKeyLocationIsClaimedOnce)
{
    auto id = s->shop().storeId();
    ASSERT_TRUE(id);
    EXPECT_FALSE(id->isEmpty());
    EXPECT_TRUE(s->shop().keyLocation()->isEmpty());
    EXPECT_EQ(*s->shop().claimKeyLocation(QStringLiteral("file")), QStringLiteral("file"));
    EXPECT_EQ(*s->shop().claimKeyLocation(QStringLiteral("keychain")), QStringLiteral("file"));
    auto shop = s->shop().shop();
    ASSERT_TRUE(shop);
    EXPECT_EQ(shop->name, QStringLiteral("测试旗舰店"));
    Shop again;
    again.name = QStringLiteral("another");
    EXPECT_EQ(s->shop().initialise(again).error().code, ErrorCode::Invalid);
}

TEST_P(RepositoryContract, QuickRepliesAreTheTeamsAndOnlyTheOwnersPersonalOnes)
{
    auto phrase = [](QuickReply::Scope scope, const QString& owner, const QString& group, const QString& code,
                     int order) {
        QuickReply p;
        p.scope = scope;
        p.owner = owner;
        p.group = group;
        p.code = code;
        p.text = QStringLiteral("亲，%1").arg(code);
        p.sortOrder = order;
        return p;
    };
    using S = QuickReply::Scope;
    ASSERT_TRUE(s->quickReplies()
                    .saveMany({phrase(S::Team, {}, QStringLiteral("售后"), QStringLiteral("th"), 2),
                               phrase(S::Team, {}, QStringLiteral("售后"), QStringLiteral("wl"), 1),
                               phrase(S::Team, {}, QStringLiteral("售前"), QStringLiteral("hy"), 1)},
                              {entry(QStringLiteral("quickreply.import"))})
                    .ok());
    auto mine = s->quickReplies().save(phrase(S::Personal, QStringLiteral("小美"), {}, QStringLiteral("wd"), 0), {});
    ASSERT_TRUE(mine);
    ASSERT_TRUE(s->quickReplies().save(phrase(S::Personal, QStringLiteral("小王"), {}, QStringLiteral("xw"), 0), {}));

    auto forMei = s->quickReplies().phrasesFor(QStringLiteral("小美"));
    ASSERT_TRUE(forMei);
    QStringList codes;
    for (const QuickReply& p : *forMei) {
        codes << p.code;
    }
    EXPECT_EQ(codes,
              (QStringList{QStringLiteral("hy"), QStringLiteral("wl"), QStringLiteral("th"), QStringLiteral("wd")}))
        << "team first by group and order, then her own; never 小王's";

    QuickReply edited = *(*s->quickReplies().find(*mine));
    edited.text = QStringLiteral("我的新话术");
    ASSERT_TRUE(s->quickReplies().save(edited, {}));
    ASSERT_TRUE(s->quickReplies().recordUse(*mine).ok());
    ASSERT_TRUE(s->quickReplies().recordUse(*mine).ok());
    auto found = s->quickReplies().find(*mine);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->text, QStringLiteral("我的新话术"));
    EXPECT_EQ((*found)->usageCount, 2);
    ASSERT_TRUE(s->quickReplies().remove(*mine, {entry(QStringLiteral("quickreply.delete"))}).ok());
    EXPECT_FALSE(*s->quickReplies().find(*mine));
    EXPECT_EQ(s->quickReplies().phrasesFor(QStringLiteral("小美"))->size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Stores, RepositoryContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return std::string(p.param); });

} // namespace
} // namespace shopdesk::test
