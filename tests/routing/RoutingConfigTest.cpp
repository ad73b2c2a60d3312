#include "services/accounts/AccountService.h"
#include "services/audit/AuditLog.h"
#include "services/routing/RoutingConfigService.h"

#include "store/SqliteStore.h"
#include "support/TestBackend.h"

#include <gtest/gtest.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

routing::Settings settings(routing::Settings::Queue queue, QStringList groups, int end, int repeat, int handling)
{
    routing::Settings s;
    s.queue = queue;
    s.queueGroups = std::move(groups);
    s.sessionEndMinutes = end;
    s.repeatEntryMinutes = repeat;
    s.handlingMinutes = handling;
    return s;
}

} // namespace

TEST(RoutingConfig, SavedSettingsComeBackAndListenersHearOfThem)
{
    TestBackend b;
    int heard = 0;
    b->routing().onChanged([&heard] { ++heard; });
    const auth::Actor owner = b.owner();
    ASSERT_TRUE(b->routing()
                    .save(owner, settings(routing::Settings::Queue::Groups, {QStringLiteral("售前")}, 15, 0, 6),
                          {{QStringLiteral("售前"), 8}, {QStringLiteral("售后"), 5}})
                    .ok());
    ASSERT_TRUE(b->accounts()
                    .create(owner, {QStringLiteral("小美"),
                                    QStringLiteral("mei-pass-1"),
                                    {QStringLiteral("presales")},
                                    QStringLiteral("售前"),
                                    10})
                    .ok());
    ASSERT_TRUE(b->routing().setAgent(owner, QStringLiteral("小美"), QStringLiteral("售后"), std::nullopt).ok());
    EXPECT_EQ(heard, 2);

    auto loaded = b->routing().load();
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->settings.queue, routing::Settings::Queue::Groups);
    EXPECT_EQ(loaded->settings.queueGroups, QStringList{QStringLiteral("售前")});
    EXPECT_EQ(loaded->settings.sessionEndMinutes, 15);
    EXPECT_EQ(loaded->settings.repeatEntryMinutes, 0);
    EXPECT_EQ(loaded->settings.handlingMinutes, 6);
    ASSERT_EQ(loaded->groups.size(), 2u);
    const auto mei =
        std::find_if(loaded->agents.begin(), loaded->agents.end(), [](const auto& a) { return a.name == u"小美"; });
    ASSERT_NE(mei, loaded->agents.end());
    EXPECT_EQ(mei->group, QStringLiteral("售后"));
    EXPECT_FALSE(mei->limit.has_value());
    // The main account is in no group and has no limit: it only takes transfers and overflow.
    const auto boss =
        std::find_if(loaded->agents.begin(), loaded->agents.end(), [](const auto& a) { return a.name == u"店长"; });
    ASSERT_NE(boss, loaded->agents.end());
    EXPECT_EQ(boss->limit, std::optional<int>(0));

    b->store().writer().flush();
    AuditQuery q;
    q.actionPrefix = QStringLiteral("routing.");
    auto audit = b->audit().list(owner, b->gate(), q);
    ASSERT_TRUE(audit.ok());
    EXPECT_EQ(audit->size(), 2u);
    EXPECT_TRUE(audit->back().entry.detail.contains(QStringLiteral("queue=售前 session_end=15")));
}

TEST(RoutingConfig, OnlyRoutingConfigureMayChangeIt)
{
    TestBackend b;
    const auth::Actor agent = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    auto st = b->routing().save(agent, routing::Settings{}, {});
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::NotAllowed);
    EXPECT_FALSE(b->routing().show(agent).ok());
    EXPECT_FALSE(b->routing().setAgent(agent, QStringLiteral("小美"), QString(), 99).ok());
}

TEST(RoutingConfig, BadConfigurationsAreRefusedAndChangeNothing)
{
    TestBackend b;
    const auth::Actor owner = b.owner();
    ASSERT_TRUE(b->routing().save(owner, routing::Settings{}, {{QStringLiteral("售前"), 8}}).ok());
    ASSERT_TRUE(b->accounts()
                    .create(owner, {QStringLiteral("小美"),
                                    QStringLiteral("mei-pass-1"),
                                    {QStringLiteral("presales")},
                                    QStringLiteral("售前"),
                                    std::nullopt})
                    .ok());
    EXPECT_FALSE(b->routing()
                     .save(owner, settings(routing::Settings::Queue::Groups, {QStringLiteral("vip")}, 10, 30, 5),
                           {{QStringLiteral("售前"), 8}})
                     .ok());
    EXPECT_FALSE(b->routing()
                     .save(owner, settings(routing::Settings::Queue::Shop, {}, 0, 30, 5), {{QStringLiteral("售前"), 8}})
                     .ok());
    EXPECT_FALSE(b->routing().save(owner, routing::Settings{}, {{QStringLiteral("售前"), -1}}).ok());
    EXPECT_FALSE(
        b->routing().save(owner, routing::Settings{}, {{QStringLiteral("a"), 1}, {QStringLiteral("a"), 2}}).ok());
    auto orphan = b->routing().save(owner, routing::Settings{}, {});
    ASSERT_FALSE(orphan.ok());
    EXPECT_TRUE(orphan.error().message.contains(QStringLiteral("still has agents")));
    EXPECT_FALSE(b->routing().setAgent(owner, QStringLiteral("小美"), QStringLiteral("nowhere"), std::nullopt).ok());
    auto unknownGroup = b->accounts().create(owner, {QStringLiteral("阿强"),
                                                     QStringLiteral("qiang-pass-1"),
                                                     {QStringLiteral("aftersales")},
                                                     QStringLiteral("售后"),
                                                     std::nullopt});
    ASSERT_FALSE(unknownGroup.ok());
    EXPECT_EQ(unknownGroup.error().code, ErrorCode::NotFound);
    auto loaded = b->routing().load();
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->groups.size(), 1u);
    EXPECT_EQ(loaded->groups.front().limit, 8);
}
