// Every time the workbench shows is on the shop's clock, whatever the machine's zone, with
// daylight saving where the shop's zone has it.

#include "common/Format.h"

#include <gtest/gtest.h>

namespace shopdesk::test {
namespace {

class ShopTime : public ::testing::Test {
protected:
    void TearDown() override { ui::format::setZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))); }
};

TEST_F(ShopTime, TimesAreShownInTheShopsZoneWithDaylightSaving)
{
    ui::format::setZone(QTimeZone(QByteArrayLiteral("America/New_York")));
    // 2026-03-08 06:30Z is 01:30 EST; 08:30Z is 04:30 EDT (the clocks jumped at 07:00Z).
    EXPECT_EQ(ui::format::fullTime(Timestamp::fromSecs(1'772'951'400)), QStringLiteral("2026-03-08 01:30:00"));
    EXPECT_EQ(ui::format::fullTime(Timestamp::fromSecs(1'772'958'600)), QStringLiteral("2026-03-08 04:30:00"));
    // "Today" is the shop's today: 23:30 New York time is still today there, tomorrow in UTC.
    const Timestamp lateEvening = Timestamp::fromSecs(1'773'027'000); // 2026-03-09 03:30Z = 03-08 23:30 EDT
    EXPECT_EQ(ui::format::shortTime(lateEvening, Timestamp::fromSecs(1'772'958'600)), QStringLiteral("23:30"));

    ui::format::setZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    EXPECT_EQ(ui::format::fullTime(Timestamp::fromSecs(1'772'951'400)), QStringLiteral("2026-03-08 14:30:00"));
    // An invalid zone leaves the shop's in place.
    ui::format::setZone(QTimeZone(QByteArrayLiteral("Nowhere/Atlantis")));
    EXPECT_EQ(ui::format::zone().id(), QByteArrayLiteral("Asia/Shanghai"));
}

TEST(Format, AmountsCarryOneYuanSign)
{
    EXPECT_EQ(ui::format::money(57780), QStringLiteral("¥577.80"));
    EXPECT_EQ(ui::format::money(-550), QStringLiteral("-¥5.50"));
}

} // namespace
} // namespace shopdesk::test
