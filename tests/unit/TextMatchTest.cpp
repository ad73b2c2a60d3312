#include "domain/TextMatch.h"
#include "domain/Money.h"
#include "domain/OrderStatus.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace shopdesk;

TEST(TextMatch, SplitsTermsOnAnyWhiteSpaceIncludingIdeographicSpace)
{
    EXPECT_EQ(textmatch::splitTerms(QStringLiteral("  退货\t快递\u3000核桃  退货 ")),
              (QStringList{QStringLiteral("退货"), QStringLiteral("快递"), QStringLiteral("核桃")}));
    EXPECT_TRUE(textmatch::splitTerms(QStringLiteral(" \u3000\n")).isEmpty());
}

TEST(TextMatch, MatchesSubstringsWithLettersCaseInsensitive)
{
    const QStringList terms{textmatch::foldString(u"t1001"), textmatch::foldString(u"发货")};
    EXPECT_TRUE(textmatch::containsAll(u"订单T1001已发货", terms));
    EXPECT_FALSE(textmatch::containsAll(u"订单T1001已发", terms));
    EXPECT_TRUE(textmatch::containsAll(u"ÉCOLE", {textmatch::foldString(u"école")}));
    EXPECT_FALSE(textmatch::containsAll(u"发 货", {textmatch::foldString(u"发货")}));
}

TEST(OrderStatus, CodesRoundTripAndRulesFollowTheStates)
{
    for (auto s : {OrderStatus::WaitBuyerPay, OrderStatus::WaitSellerSendGoods, OrderStatus::WaitBuyerConfirmGoods,
                   OrderStatus::TradeFinished, OrderStatus::TradeClosed, OrderStatus::TradeClosedByTaobao}) {
        EXPECT_EQ(orderStatusFromCode(orderStatusCode(s)), s);
    }
    EXPECT_FALSE(orderStatusFromCode(u"PAID").has_value());
    EXPECT_TRUE(canChangePrice(OrderStatus::WaitBuyerPay));
    EXPECT_FALSE(canChangePrice(OrderStatus::WaitSellerSendGoods));
    EXPECT_TRUE(canChangeAddress(OrderStatus::WaitSellerSendGoods));
    EXPECT_FALSE(canChangeAddress(OrderStatus::WaitBuyerConfirmGoods));
    for (auto s : {RefundStatus::WaitSellerAgree, RefundStatus::Success, RefundStatus::SellerRefuseBuyer}) {
        EXPECT_EQ(refundStatusFromCode(refundStatusCode(s)), s);
    }
}

TEST(Money, FormatsAndParsesYuanAsIntegerFen)
{
    EXPECT_EQ(formatYuan(12900), QStringLiteral("¥129.00"));
    EXPECT_EQ(formatYuan(-550), QStringLiteral("-¥5.50"));
    Fen f = 0;
    EXPECT_TRUE(parseYuan(u"129.5", f));
    EXPECT_EQ(f, 12950);
    EXPECT_TRUE(parseYuan(u"¥0.07", f));
    EXPECT_EQ(f, 7);
    EXPECT_FALSE(parseYuan(u"1.234", f));
    EXPECT_FALSE(parseYuan(u"-5", f));
}
