#pragma once

// One suite of repository contract cases, run against the SQLite store (single seat, the desktop's
// cache) and against a real PostgreSQL (the team server). Nothing above the repositories may know
// which database it runs on, so both must answer every case alike. The PostgreSQL half needs the
// cluster ./test.sh starts (pg_virtualenv); without one it fails, never skips.

#include "pg/PgBuyerRepository.h"
#include "pg/PgConnection.h"
#include "pg/PgHistoryRepository.h"
#include "pg/PgMessageRepository.h"
#include "pg/PgOrderRepository.h"
#include "pg/PgQuickReplyRepository.h"
#include "pg/PgReportRepository.h"
#include "pg/PgRepositories.h"
#include "pg/PgSchema.h"
#include "pg/PgStore.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditHead.h"
#include "services/workbench/WorkbenchRepository.h"
#include "support/TempStore.h"

#include <gtest/gtest.h>

#include <functional>

namespace shopdesk::test {

inline const QByteArray kAuditKey(32, 'k');

inline AuditHead::AnchorStore memoryAnchor()
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
    virtual ReportRepository& reports() = 0;
    virtual BuyerRepository& buyers() = 0;
    virtual FollowUpRepository& followUps() = 0;
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
    ReportRepository& reports() override { return m_temp->reports(); }
    BuyerRepository& buyers() override { return m_temp->workbench(); }
    FollowUpRepository& followUps() override { return m_temp->workbench(); }

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
        m_reports = std::make_unique<pg::PgReportRepository>(*m_store);
        m_buyers = std::make_unique<pg::PgBuyerRepository>(*m_store);
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
    ReportRepository& reports() override { return *m_reports; }
    BuyerRepository& buyers() override { return *m_buyers; }
    FollowUpRepository& followUps() override { return *m_orders; }
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
    std::unique_ptr<pg::PgReportRepository> m_reports;
    std::unique_ptr<pg::PgBuyerRepository> m_buyers;
};

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

} // namespace shopdesk::test
