#include "core/IsoTime.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace shopdesk;

TEST(IsoTime, ParsesOffsetsAndUtc)
{
    auto a = isotime::parse(u"2026-11-11T10:00:00+08:00");
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->secs(), 1'794'362'400);
    auto b = isotime::parse(u"2026-11-11T02:00:00Z");
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(*a, *b);
    auto c = isotime::parse(u"2026-11-10T21:00:00-05:00");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(*a, *c);
    auto d = isotime::parse(u"2026-11-11T10:00:00.250+0800");
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->ms() - a->ms(), 250);
}

TEST(IsoTime, RefusesTimesWithoutOffsetOrImpossibleDates)
{
    for (const char16_t* bad : {u"2026-11-11T10:00:00", u"2026-02-30T10:00:00+08:00", u"2026-11-11T24:00:00+08:00",
                                u"yesterday", u"", u"2026-11-11T10:00:00+15:00", u"2026-11-11 10:00+08:00"}) {
        auto r = isotime::parse(QStringView(bad));
        EXPECT_FALSE(r.ok()) << QString::fromUtf16(bad).toStdString();
        if (!r.ok()) {
            EXPECT_EQ(r.error().code, ErrorCode::Invalid);
        }
    }
}

TEST(IsoTime, FormatsInTheShopZone)
{
    const QTimeZone shanghai("Asia/Shanghai");
    EXPECT_EQ(isotime::format(Timestamp::fromSecs(1'794'362'400), shanghai),
              QStringLiteral("2026-11-11T10:00:00+08:00"));
    EXPECT_EQ(isotime::format(Timestamp::fromMs(1'794'362'400'250), shanghai),
              QStringLiteral("2026-11-11T10:00:00.250+08:00"));
    EXPECT_EQ(isotime::format(Timestamp::fromSecs(1'794'362'400), QTimeZone(-5 * 3600)),
              QStringLiteral("2026-11-10T21:00:00-05:00"));
}

TEST(IsoTime, DateStartIsMidnightInTheZone)
{
    auto t = isotime::parseDateStart(u"2026-11-11", QTimeZone("Asia/Shanghai"));
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->secs(), 1'794'326'400);
    EXPECT_FALSE(isotime::parseDateStart(u"2026-13-01", QTimeZone("Asia/Shanghai")).ok());
    EXPECT_FALSE(isotime::parseDateStart(u"11/11/2026", QTimeZone("Asia/Shanghai")).ok());
}
