#include "core/JsonWriter.h"

#include "support/QtPrinters.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace shopdesk;

TEST(JsonWriter, KeepsKeyOrderAndWritesUtf8)
{
    JsonWriter w;
    w.add(u"conversation", u"c1").add(u"buyer", QStringLiteral("小鹿")).addNull(u"agent").add(u"n", qint64(-3));
    EXPECT_EQ(w.toJson(), QByteArray(R"({"conversation":"c1","buyer":"小鹿","agent":null,"n":-3})"));
}

TEST(JsonWriter, StringLiteralsAreStringsNotBooleans)
{
    JsonWriter w;
    w.add(u"type", u"message").addBool(u"ok", true);
    EXPECT_EQ(w.toJson(), QByteArray(R"({"type":"message","ok":true})"));
}

TEST(JsonWriter, EscapesEverythingJsonRequires)
{
    const QString nasty = QStringLiteral("a\"b\\c\nd\te\x01") + QChar(0x1F) + QStringLiteral("尾");
    JsonWriter w;
    w.add(u"text", nasty);
    const QJsonDocument back = QJsonDocument::fromJson(w.toJson());
    ASSERT_TRUE(back.isObject());
    EXPECT_EQ(back.object().value(QStringLiteral("text")).toString(), nasty);
}

TEST(JsonWriter, RoundsDecimals)
{
    JsonWriter w;
    w.add(u"a", 0.12345, 4).add(u"b", 12.0, 1).add(u"c", 63.25, 1).add(u"d", -0.00001, 1);
    EXPECT_EQ(w.toJson(), QByteArray(R"({"a":0.1235,"b":12,"c":63.3,"d":0})"));
}
