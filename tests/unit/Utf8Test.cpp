#include "core/Utf8.h"

#include <gtest/gtest.h>

using namespace shopdesk;

TEST(Utf8, AcceptsValidTextOfEveryLength)
{
    EXPECT_TRUE(utf8::isValid(QByteArrayView("hello")));
    EXPECT_TRUE(utf8::isValid(QByteArrayView("\xC3\xA9")));                 // é
    EXPECT_TRUE(utf8::isValid(QByteArrayView("\xE9\x80\x80\xE8\xB4\xA7"))); // 退货
    EXPECT_TRUE(utf8::isValid(QByteArrayView("\xF0\x9F\x98\x80")));         // 😀
    EXPECT_TRUE(utf8::isValid(QByteArrayView("")));
}

TEST(Utf8, RejectsMalformedSequencesAndNamesTheByte)
{
    EXPECT_EQ(utf8::firstInvalidByte(QByteArrayView("ab\xFF")), 2);
    EXPECT_EQ(utf8::firstInvalidByte(QByteArrayView("\xC0\xAF")), 0);         // overlong '/'
    EXPECT_EQ(utf8::firstInvalidByte(QByteArrayView("\xED\xA0\x80")), 0);     // surrogate
    EXPECT_EQ(utf8::firstInvalidByte(QByteArrayView("\xF4\x90\x80\x80")), 0); // > U+10FFFF
    EXPECT_EQ(utf8::firstInvalidByte(QByteArrayView("x\xE9\x80")), 1);        // truncated
    EXPECT_EQ(utf8::firstInvalidByte(QByteArrayView("\x80")), 0);             // lone continuation
}

TEST(Utf8, EncodeAndDecodeRoundTrip)
{
    for (char32_t cp : {U'a', U'é', U'退', U'😀', U'\u007F', U'\u0800', U'\U0010FFFF'}) {
        char buf[4];
        const int n = utf8::encode(cp, buf);
        qsizetype pos = 0;
        EXPECT_EQ(utf8::decodeNext(buf, n, pos), cp);
        EXPECT_EQ(pos, n);
    }
}
