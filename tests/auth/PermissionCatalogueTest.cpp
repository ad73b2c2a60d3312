#include "auth/PermissionMatrix.h"
#include "auth/Role.h"

#include "support/QtPrinters.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace shopdesk::auth;

TEST(PermissionCatalogue, HasExactlyTheContractKeys)
{
    const QStringList expected =
        QStringLiteral("chat.read chat.reply chat.transfer chat.close chat.supervise history.search history.import "
                       "history.delete buyer.pii.view order.view order.remark order.address.modify "
                       "order.price.modify refund.view refund.agree refund.refuse review.view review.reply "
                       "product.edit shop.data.view quickreply.personal quickreply.team.manage "
                       "team.performance.view routing.configure queue.monitor account.manage role.manage "
                       "audit.view sim.run")
            .split(QLatin1Char(' '));
    QStringList keys;
    for (const auto& info : permissionCatalogue()) {
        keys << QString::fromLatin1(info.key);
        EXPECT_GT(std::strlen(info.zh), 0u);
        EXPECT_GT(std::strlen(info.en), 0u);
    }
    EXPECT_EQ(keys, expected);
    EXPECT_EQ(PermissionSet::all().size(), expected.size());
}

TEST(PermissionCatalogue, BuiltInRolesGrantExactlyWhatTheyShould)
{
    auto keysOf = [](const char* role) { return builtinRole(QString::fromLatin1(role))->permissions.keys(); };
    EXPECT_EQ(builtinRole(u"owner")->permissions, PermissionSet::all());
    EXPECT_EQ(builtinRole(u"supervisor")->permissions, PermissionSet::all());
    EXPECT_EQ(keysOf("presales"),
              QStringLiteral("chat.read,chat.reply,chat.transfer,chat.close,history.search,order.view,order.remark,"
                             "order.price.modify,refund.view,review.view,quickreply.personal")
                  .split(QLatin1Char(',')));
    EXPECT_EQ(keysOf("aftersales"),
              QStringLiteral("chat.read,chat.reply,chat.transfer,chat.close,history.search,order.view,order.remark,"
                             "order.address.modify,refund.view,refund.agree,refund.refuse,review.view,review.reply,"
                             "quickreply.personal")
                  .split(QLatin1Char(',')));
    EXPECT_EQ(keysOf("trainee"),
              QStringLiteral("chat.read,chat.reply,order.view,quickreply.personal").split(QLatin1Char(',')));
    EXPECT_EQ(keysOf("auditor"), QStringLiteral("chat.read,history.search,order.view,refund.view,shop.data.view,"
                                                "team.performance.view,audit.view")
                                     .split(QLatin1Char(',')));
    EXPECT_EQ(builtinRoles().size(), 6u);
}

TEST(PermissionCatalogue, ParsesKeysAndPrefixesAndRefusesUnknownOnes)
{
    auto chat = PermissionSet::parse(QStringLiteral("chat.*, order.view"));
    ASSERT_TRUE(chat.has_value());
    EXPECT_EQ(chat->size(), 6u);
    QString unknown;
    EXPECT_FALSE(PermissionSet::parse(QStringLiteral("chat.read,chat.fly"), &unknown).has_value());
    EXPECT_EQ(unknown, QStringLiteral("chat.fly"));
    EXPECT_FALSE(PermissionSet::parse(QStringLiteral("nothing.*")).has_value());
}

TEST(PermissionCatalogue, TheCommittedMatrixIsGeneratedFromTheCode)
{
    QFile doc(QStringLiteral(SHOPDESK_SOURCE_DIR "/docs/permissions.md"));
    ASSERT_TRUE(doc.open(QIODevice::ReadOnly)) << "docs/permissions.md is missing";
    EXPECT_EQ(QString::fromUtf8(doc.readAll()), permissionMatrixMarkdown())
        << "docs/permissions.md is stale: regenerate it with build/bin/shopdeskctl perm matrix > docs/permissions.md";
}
