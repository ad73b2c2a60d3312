// One suite of repository contract cases, run against the SQLite store (single seat, the desktop's
// cache) and against a real PostgreSQL (the team server). Nothing above the repositories may know
// which database it runs on, so both must answer every case alike. The PostgreSQL half needs the
// cluster ./test.sh starts (pg_virtualenv); without one it fails, never skips.

#include "pg/PgConnection.h"
#include "pg/PgHistoryRepository.h"
#include "pg/PgMessageRepository.h"
#include "pg/PgOrderRepository.h"
#include "pg/PgQuickReplyRepository.h"
#include "pg/PgRepositories.h"
#include "pg/PgSchema.h"
#include "pg/PgStore.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditHead.h"
#include "support/TempStore.h"

#include <gtest/gtest.h>

#include <functional>

namespace shopdesk::test {
namespace {

const QByteArray kAuditKey(32, 'k');

AuditHead::AnchorStore memoryAnchor()
{
    auto kept = std::make_shared<std::optional<QByteArray>>();
    return {[kept]() -> Result<std::optional<QByteArray>> { return *kept; },
            [kept](const QByteArray& v) -> Status {
                *kept = v;
                return {};
            }};
}

/// The repositories of one store, whichever database holds them.
class StoreUnderTest {
public:
    virtual ~StoreUnderTest() = default;
    virtual AccountRepository& accounts() = 0;
    virtual RoleRepository& roles() = 0;
    virtual SettingsRepository& settings() = 0;
    virtual RoutingRepository& routing() = 0;
    virtual AuditRepository& audit() = 0;
    virtual ShopRepository& shop() = 0;
    virtual QuickReplyRepository& quickReplies() = 0;
    virtual HistoryRepository& history() = 0;
    virtual MessageRepository& messages() = 0;
    virtual OrderRepository& orders() = 0;
    const AuditChain& chain() const { return *m_chain; }

protected:
    std::shared_ptr<AuditChain> m_chain = std::make_shared<AuditChain>(kAuditKey);
    std::shared_ptr<AuditHead> m_head = std::make_shared<AuditHead>(kAuditKey, memoryAnchor());
};

class SqliteUnderTest final : public StoreUnderTest {
public:
    SqliteUnderTest() { m_temp.store().setAudit(m_chain, m_head); }
    AccountRepository& accounts() override { return m_temp->accounts(); }
    RoleRepository& roles() override { return m_temp->roles(); }
    SettingsRepository& settings() override { return m_temp->settings(); }
    RoutingRepository& routing() override { return m_temp->routing(); }
    AuditRepository& audit() override { return m_temp->audit(); }
    ShopRepository& shop() override { return m_temp->shop(); }
    QuickReplyRepository& quickReplies() override { return m_temp->quickReplies(); }
    HistoryRepository& history() override { return m_temp->history(); }
    MessageRepository& messages() override { return m_temp->messages(); }
    OrderRepository& orders() override { return m_temp->orders(); }

private:
    TempStore m_temp;
};

class PgUnderTest final : public StoreUnderTest {
public:
    PgUnderTest()
    {
        if (qEnvironmentVariableIsEmpty("PGHOST")) {
            ADD_FAILURE() << "No PostgreSQL for the tests: run them through ./test.sh, which starts a throwaway "
                             "cluster (pg_virtualenv), or set PGHOST/PGPORT/PGUSER/PGPASSWORD.";
            return;
        }
        const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        m_schema = QStringLiteral("c_%1").arg(QString::number(qHash(QString::fromStdString(test)), 16));
        auto admin = pg::PgConnection::open(QString());
        if (!admin) {
            ADD_FAILURE() << admin.error().message.toStdString();
            return;
        }
        m_admin = std::move(*admin);
        const QByteArray create =
            QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1").arg(m_schema).toUtf8();
        EXPECT_TRUE(m_admin->exec(create.constData()).ok());
        auto store = pg::PgStore::open(QStringLiteral("options=-csearch_path=%1").arg(m_schema));
        if (!store) {
            ADD_FAILURE() << store.error().message.toStdString();
            return;
        }
        m_store = std::move(*store);
        m_store->setAudit(m_chain, m_head);
        m_shop = std::make_unique<pg::PgShopRepository>(*m_store);
        m_accounts = std::make_unique<pg::PgAccountRepository>(*m_store);
        m_roles = std::make_unique<pg::PgRoleRepository>(*m_store);
        m_settings = std::make_unique<pg::PgSettingsRepository>(*m_store);
        m_routing = std::make_unique<pg::PgRoutingRepository>(*m_store);
        m_audit = std::make_unique<pg::PgAuditRepository>(*m_store);
        m_phrases = std::make_unique<pg::PgQuickReplyRepository>(*m_store);
        m_history = std::make_unique<pg::PgHistoryRepository>(*m_store);
        m_messages = std::make_unique<pg::PgMessageRepository>(*m_store);
        m_orders = std::make_unique<pg::PgOrderRepository>(*m_store);
        auto conn = pg::PgConnection::open(QStringLiteral("options=-csearch_path=%1").arg(m_schema));
        EXPECT_TRUE(conn.ok());
        if (conn) {
            Status st = pg::schema::migrate(**conn);
            EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message.toStdString());
        }
        Shop shop;
        shop.name = QStringLiteral("测试旗舰店");
        Status st = m_shop->initialise(shop);
        EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message.toStdString());
    }
    ~PgUnderTest() override
    {
        m_store.reset();
        if (m_admin) {
            (void)m_admin->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_schema).toUtf8().constData());
        }
    }
    AccountRepository& accounts() override { return *m_accounts; }
    RoleRepository& roles() override { return *m_roles; }
    SettingsRepository& settings() override { return *m_settings; }
    RoutingRepository& routing() override { return *m_routing; }
    AuditRepository& audit() override { return *m_audit; }
    ShopRepository& shop() override { return *m_shop; }
    QuickReplyRepository& quickReplies() override { return *m_phrases; }
    HistoryRepository& history() override { return *m_history; }
    MessageRepository& messages() override { return *m_messages; }
    OrderRepository& orders() override { return *m_orders; }
    bool ready() const { return m_accounts != nullptr; }

private:
    QString m_schema;
    std::unique_ptr<pg::PgConnection> m_admin;
    std::unique_ptr<pg::PgStore> m_store;
    std::unique_ptr<pg::PgShopRepository> m_shop;
    std::unique_ptr<pg::PgAccountRepository> m_accounts;
    std::unique_ptr<pg::PgRoleRepository> m_roles;
    std::unique_ptr<pg::PgSettingsRepository> m_settings;
    std::unique_ptr<pg::PgRoutingRepository> m_routing;
    std::unique_ptr<pg::PgAuditRepository> m_audit;
    std::unique_ptr<pg::PgQuickReplyRepository> m_phrases;
    std::unique_ptr<pg::PgHistoryRepository> m_history;
    std::unique_ptr<pg::PgMessageRepository> m_messages;
    std::unique_ptr<pg::PgOrderRepository> m_orders;
};

using Factory = std::function<std::unique_ptr<StoreUnderTest>()>;

class RepositoryContract : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override
    {
        if (QByteArray(GetParam()) == "postgresql") {
            auto p = std::make_unique<PgUnderTest>();
            ASSERT_TRUE(p->ready());
            s = std::move(p);
        } else {
            s = std::make_unique<SqliteUnderTest>();
        }
    }
    AuditEntry entry(const QString& action, const QString& target = {}, qint64 atMs = 1'700'000'000'000)
    {
        return AuditEntry{Timestamp::fromMs(atMs), QStringLiteral("测试旗舰店:店长"), action, target, QString()};
    }
    AccountRecord record(const QString& name, QStringList roles = {QStringLiteral("agent")})
    {
        AccountRecord r;
        r.account.name = name;
        r.account.roles = std::move(roles);
        r.account.group = QStringLiteral("presales");
        r.account.receptionLimit = 12;
        r.account.createdAt = Timestamp::fromMs(1'700'000'000'000);
        r.passwordHash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA";
        return r;
    }
    std::unique_ptr<StoreUnderTest> s;
};

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

namespace {

IncomingMessage said(const QString& key, const QString& buyer, const QString& text, qint64 n)
{
    IncomingMessage m;
    m.conversationKey = key;
    m.buyerNick = buyer;
    m.text = text;
    m.sentAt = Timestamp::fromMs(1'700'000'000'000 + n * 1000);
    m.platformMessageId = QStringLiteral("m%1").arg(n);
    return m;
}

QStringList textsOf(const Result<std::vector<MessageHit>>& hits)
{
    QStringList out;
    for (const MessageHit& h : hits.value()) {
        out << h.message.text;
    }
    return out;
}

} // namespace

TEST_P(RepositoryContract, SearchFindsEveryQueryLengthAsASubstringNewestFirst)
{
    const QString jia = QStringLiteral("买家甲");
    const QString yi = QStringLiteral("买家乙");
    std::vector<ImportRecord> records{
        said(QStringLiteral("c1"), jia, QStringLiteral("亲，在吗？"), 1),
        said(QStringLiteral("c1"), jia, QStringLiteral("我要退款"), 2),
        said(QStringLiteral("c1"), jia, QStringLiteral("退款 款到了吗"), 3),
        said(QStringLiteral("c1"), jia, QStringLiteral("ORDER-7788 已发货"), 4),
        said(QStringLiteral("c1"), jia, QStringLiteral("价格\"*OR 优惠"), 5),
        said(QStringLiteral("c2"), yi, QStringLiteral("在的亲"), 6),
        said(QStringLiteral("c2"), yi, QStringLiteral("Refund please"), 7),
        said(QStringLiteral("c2"), yi, QStringLiteral("Refund please"), 7), // a platform's redelivery
    };
    auto stored = s->history().ingest(records).result();
    ASSERT_TRUE(stored) << stored.error().message.toStdString();
    EXPECT_EQ(stored->messagesAdded, 7);
    EXPECT_EQ(stored->messagesDuplicate, 1);

    auto find = [&](QStringList terms, std::optional<QString> buyer = {}, std::vector<ConversationId> in = {},
                    int limit = 50, MessageId before = {}) {
        MessageQuery q;
        q.terms = std::move(terms);
        q.buyerNick = std::move(buyer);
        q.conversations = std::move(in);
        q.limit = limit;
        q.before = before;
        return s->messages().search(q);
    };
    EXPECT_EQ(textsOf(find({QStringLiteral("在")})),
              (QStringList{QStringLiteral("在的亲"), QStringLiteral("亲，在吗？")}))
        << "one character, newest first";
    EXPECT_EQ(textsOf(find({QStringLiteral("退款")})),
              (QStringList{QStringLiteral("退款 款到了吗"), QStringLiteral("我要退款")}));
    EXPECT_TRUE(textsOf(find({QStringLiteral("退款到")})).isEmpty()) << "its bigrams occur, but not together";
    EXPECT_EQ(textsOf(find({QStringLiteral("款到了")})), (QStringList{QStringLiteral("退款 款到了吗")}));
    EXPECT_EQ(textsOf(find({QStringLiteral("refund")})), (QStringList{QStringLiteral("Refund please")}))
        << "letters folded";
    EXPECT_EQ(textsOf(find({QStringLiteral("order-7788")})), (QStringList{QStringLiteral("ORDER-7788 已发货")}));
    EXPECT_EQ(textsOf(find({QStringLiteral("\"*OR")})), (QStringList{QStringLiteral("价格\"*OR 优惠")}))
        << "query syntax is literal text";
    EXPECT_EQ(textsOf(find({QStringLiteral("亲"), QStringLiteral("在")})),
              (QStringList{QStringLiteral("在的亲"), QStringLiteral("亲，在吗？")}))
        << "every term, in any order";
    EXPECT_EQ(textsOf(find({QStringLiteral("在")}, yi)), (QStringList{QStringLiteral("在的亲")}));

    auto c1 = s->messages().findConversation(u"sim", u"c1");
    ASSERT_TRUE(c1 && *c1);
    EXPECT_EQ((*c1)->buyerNick, jia);
    EXPECT_EQ((*c1)->messageCount, 5);
    EXPECT_EQ(textsOf(find({QStringLiteral("在")}, {}, {(*c1)->id})), (QStringList{QStringLiteral("亲，在吗？")}));

    auto first = find({QStringLiteral("在")}, {}, {}, 1);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->size(), 1u);
    EXPECT_EQ(textsOf(find({QStringLiteral("在")}, {}, {}, 1, first->front().message.id)),
              (QStringList{QStringLiteral("亲，在吗？")}))
        << "the next page starts below the last hit";

    auto page = s->messages().page((*c1)->id, 2, {});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->size(), 2u);
    EXPECT_EQ(page->back().text, QStringLiteral("价格\"*OR 优惠")) << "the newest two, oldest first";
    auto after = s->messages().pageAfter((*c1)->id, 10, page->front().id);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->size(), 1u);
    EXPECT_EQ(*s->messages().messageCount(), 7);
    auto recent = s->messages().recentConversations(10);
    ASSERT_TRUE(recent);
    ASSERT_EQ(recent->size(), 2u);
    EXPECT_EQ(recent->front().platformKey, QStringLiteral("c2"));
}

TEST_P(RepositoryContract, OrdersRefundsAndTracesAreStoredOnceAndReadBackAlike)
{
    Order t1;
    t1.orderNo = QStringLiteral("T1001");
    t1.buyerNick = QStringLiteral("买家甲");
    t1.status = OrderStatus::WaitSellerSendGoods;
    t1.createdAt = Timestamp::fromMs(1'700'000'100'000);
    t1.paidAt = Timestamp::fromMs(1'700'000'160'000);
    t1.amountFen = 12'990;
    t1.remark = QStringLiteral("发顺丰");
    t1.flag = 2;
    t1.flaggedBy = QStringLiteral("小美");
    t1.receiverSealed = QByteArray("\x01sealed\x00bytes", 13);
    t1.receiverMasked = {QStringLiteral("张*"), QStringLiteral("138****0000"), QStringLiteral("浙江省杭州市***")};
    t1.items = {{QStringLiteral("纯棉T恤 白色 L"), 2, 4'995}, {QStringLiteral("运费险"), 1, 3'000}};
    Order t0 = t1;
    t0.orderNo = QStringLiteral("T0999");
    t0.createdAt = Timestamp::fromMs(1'690'000'000'000);
    t0.paidAt.reset();
    t0.status = OrderStatus::WaitBuyerPay;
    t0.items = {};
    Refund r1;
    r1.refundNo = QStringLiteral("R501");
    r1.orderNo = t1.orderNo;
    r1.amountFen = 4'995;
    r1.createdAt = Timestamp::fromMs(1'700'000'200'000);
    r1.reason = QStringLiteral("尺码不合适");
    r1.kind = Refund::Kind::ReturnAndRefund;
    r1.deadline = Timestamp::fromMs(1'700'172'800'000);
    r1.evidenceCount = 2;
    LogisticsEvent shipped{QStringLiteral("sim"),
                           t1.orderNo,
                           Timestamp::fromMs(1'700'000'300'000),
                           QStringLiteral("顺丰"),
                           QStringLiteral("SF100"),
                           QStringLiteral("已揽收")};
    LogisticsEvent moving = shipped;
    moving.at = Timestamp::fromMs(1'700'000'400'000);
    moving.description = QStringLiteral("运输中");
    auto first = s->history().ingest({t1, t0, r1, moving, shipped, shipped}).result();
    ASSERT_TRUE(first) << first.error().message.toStdString();
    EXPECT_EQ(first->ordersAdded, 2);
    EXPECT_EQ(first->refundsAdded, 1);
    EXPECT_EQ(first->otherAdded, 2) << "the step delivered twice is stored once";

    auto again = s->history().ingest({t1, r1}).result();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->ordersAdded + again->ordersUpdated + again->refundsAdded + again->refundsUpdated, 0)
        << "a redelivery changes nothing";
    Order shippedNow = t1;
    shippedNow.status = OrderStatus::WaitBuyerConfirmGoods;
    shippedNow.receiverSealed.clear(); // an update without the receiver keeps the stored one
    shippedNow.receiverMasked = {};
    Refund agreed = r1;
    agreed.status = RefundStatus::WaitBuyerReturnGoods;
    auto update = s->history().ingest({shippedNow, agreed}).result();
    ASSERT_TRUE(update);
    EXPECT_EQ(update->ordersUpdated, 1);
    EXPECT_EQ(update->refundsUpdated, 1);

    auto found = s->orders().findOrder(QStringLiteral("sim"), t1.orderNo);
    ASSERT_TRUE(found && *found);
    const Order& o = **found;
    EXPECT_EQ(o.buyerNick, t1.buyerNick);
    EXPECT_EQ(o.status, OrderStatus::WaitBuyerConfirmGoods);
    EXPECT_EQ(o.paidAt, t1.paidAt);
    EXPECT_EQ(o.amountFen, 12'990);
    EXPECT_EQ(o.remark, t1.remark);
    EXPECT_EQ(o.flag, 2);
    EXPECT_EQ(o.flaggedBy, t1.flaggedBy);
    EXPECT_EQ(o.receiverSealed, t1.receiverSealed) << "kept, byte for byte";
    EXPECT_EQ(o.receiverMasked, t1.receiverMasked);
    ASSERT_EQ(o.items.size(), 2u);
    EXPECT_EQ(o.items[0].title, QStringLiteral("纯棉T恤 白色 L"));
    EXPECT_EQ(o.items[0].quantity, 2);
    EXPECT_EQ(o.items[0].priceFen, 4'995);
    EXPECT_FALSE(*s->orders().findOrder(QStringLiteral("sim"), QStringLiteral("T404")));

    auto ofBuyer = s->orders().ordersOfBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 10);
    ASSERT_TRUE(ofBuyer);
    ASSERT_EQ(ofBuyer->size(), 2u);
    EXPECT_EQ(ofBuyer->at(0).orderNo, t1.orderNo) << "newest first";
    EXPECT_FALSE(ofBuyer->at(1).paidAt);
    EXPECT_EQ(s->orders().ordersOfBuyer(QStringLiteral("sim"), QStringLiteral("买家甲"), 1)->size(), 1u);

    auto refunds = s->orders().refundsOfOrder(QStringLiteral("sim"), t1.orderNo);
    ASSERT_TRUE(refunds);
    ASSERT_EQ(refunds->size(), 1u);
    const Refund& f = refunds->front();
    EXPECT_EQ(f.status, RefundStatus::WaitBuyerReturnGoods);
    EXPECT_EQ(f.kind, Refund::Kind::ReturnAndRefund);
    EXPECT_EQ(f.deadline, r1.deadline);
    EXPECT_EQ(f.evidenceCount, 2);
    EXPECT_EQ(f.reason, r1.reason);
    auto byNo = s->orders().findRefund(QStringLiteral("sim"), QStringLiteral("R501"));
    ASSERT_TRUE(byNo && *byNo);
    EXPECT_EQ((*byNo)->amountFen, 4'995);

    auto trace = s->orders().storedLogistics(QStringLiteral("sim"), t1.orderNo);
    ASSERT_TRUE(trace);
    ASSERT_EQ(trace->size(), 2u);
    EXPECT_EQ(trace->at(0).description, QStringLiteral("已揽收")) << "oldest first";
    EXPECT_EQ(trace->at(1).trackingNo, QStringLiteral("SF100"));
}

INSTANTIATE_TEST_SUITE_P(Stores, RepositoryContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return std::string(p.param); });

} // namespace
} // namespace shopdesk::test
