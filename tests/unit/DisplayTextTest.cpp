// Text from outside cannot lie on screen: controls become visible marks, direction overrides
// cannot reorder what surrounds them, line breaks break lines.

#include "domain/DisplayText.h"

#include <gtest/gtest.h>

namespace shopdesk::test {
namespace {

TEST(DisplayText, ControlsBecomeVisibleMarksAndOverridesCannotReorderText)
{
    // A right-to-left override would show "订单 1234" as "4321 单订".
    const QString spoof = QStringLiteral("退款金额 ") + QChar(0x202E) + QStringLiteral("00.99¥") + QChar(0x202C);
    const QString shown = displayText(spoof);
    EXPECT_FALSE(shown.contains(QChar(0x202E)));
    EXPECT_FALSE(shown.contains(QChar(0x202C)));
    EXPECT_EQ(shown, QStringLiteral("退款金额 \uFFFD00.99¥\uFFFD")) << "the override is visible, not obeyed";
    for (char16_t c : {u'\u202A', u'\u202B', u'\u202D', u'\u2066', u'\u2067', u'\u2068', u'\u2069', u'\u061C'}) {
        EXPECT_EQ(displayText(QStringLiteral("a") + QChar(c) + QStringLiteral("b")), QStringLiteral("a\uFFFDb"))
            << static_cast<int>(c);
    }

    EXPECT_EQ(displayText(QStringLiteral("亲\x07在吗\x1b[2J")), QStringLiteral("亲\u2407在吗\u241b[2J"));
    EXPECT_EQ(displayText(QStringLiteral("x") + QChar(0x7F) + QChar(0x9B) + QStringLiteral("y")),
              QStringLiteral("x\u2421\uFFFDy"));
    EXPECT_EQ(displayText(QStringLiteral("a") + QChar(0xFFFF) + QChar(0xFFFE) + QChar(0xFDD0)),
              QStringLiteral("a\uFFFD\uFFFD\uFFFD"));
    EXPECT_EQ(displayText(QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b")), QStringLiteral("a\uFFFDb"))
        << "a lone surrogate";
    const QString emoji = QStringLiteral("好评👍");
    EXPECT_EQ(displayText(emoji), emoji) << "characters beyond the BMP pass";
    const QString plane16NonChar = QString::fromUcs4(U"\U0010FFFF");
    EXPECT_EQ(displayText(plane16NonChar), QStringLiteral("\uFFFD"));
}

TEST(DisplayText, LineBreaksBreakLinesOrFlattenForOneLine)
{
    EXPECT_EQ(displayText(QStringLiteral("第一行\n第二行\r\n第三行\r第四行")),
              QStringLiteral("第一行\u2028第二行\u2028第三行\u2028第四行"));
    EXPECT_EQ(displayText(QStringLiteral("第一行\n第二行\t尾"), true), QStringLiteral("第一行 第二行 尾"));
    const QString plain = QStringLiteral("亲，您好！订单号 123456789012345678，¥129.00");
    EXPECT_EQ(displayText(plain), plain);
    EXPECT_EQ(displayText(plain, true), plain);
}

} // namespace
} // namespace shopdesk::test
