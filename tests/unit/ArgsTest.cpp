#include "cli/Args.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace shopdesk;
using shopdesk::cli::Args;

TEST(Args, TakesOptionsInEitherFormAndLeavesPositionals)
{
    Args a({QStringLiteral("退货"), QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--buyer=tb_x"),
            QStringLiteral("-5"), QStringLiteral("--json")});
    auto limit = a.integer(QStringLiteral("limit"), 1, 100);
    ASSERT_TRUE(limit.ok());
    EXPECT_EQ(limit->value(), 5);
    auto buyer = a.option(QStringLiteral("buyer"));
    ASSERT_TRUE(buyer.ok());
    EXPECT_EQ(buyer->value(), QStringLiteral("tb_x"));
    EXPECT_TRUE(a.flag(QStringLiteral("json")));
    EXPECT_EQ(a.rest(), (QStringList{QStringLiteral("退货"), QStringLiteral("-5")}));
    EXPECT_TRUE(a.finish().ok());
}

TEST(Args, DoubleDashMakesTheRestPositional)
{
    Args a({QStringLiteral("--"), QStringLiteral("--json"), QStringLiteral("NEAR(")});
    EXPECT_FALSE(a.flag(QStringLiteral("json")));
    EXPECT_EQ(a.rest(), (QStringList{QStringLiteral("--json"), QStringLiteral("NEAR(")}));
}

TEST(Args, ReportsUnknownOptionsMissingValuesAndBadNumbers)
{
    Args unknown({QStringLiteral("--frobnicate")});
    EXPECT_EQ(unknown.finish().error().code, ErrorCode::Usage);
    Args missing({QStringLiteral("--limit")});
    EXPECT_FALSE(missing.option(QStringLiteral("limit")).ok());
    Args bad({QStringLiteral("--limit"), QStringLiteral("ten")});
    auto r = bad.integer(QStringLiteral("limit"), 1, 10);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Usage);
}
