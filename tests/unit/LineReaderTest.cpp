#include "core/LineReader.h"

#include "support/QtPrinters.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace shopdesk;

namespace {

std::vector<LineReader::Line> readAll(const QByteArray& data, qsizetype max = 1024)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    LineReader reader(buffer, max);
    std::vector<LineReader::Line> lines;
    LineReader::Line line;
    while (reader.next(line)) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST(LineReader, SplitsOnNewlinesAndStripsCarriageReturns)
{
    auto lines = readAll("a\r\nb\n\nc");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].bytes, QByteArray("a"));
    EXPECT_EQ(lines[1].bytes, QByteArray("b"));
    EXPECT_EQ(lines[2].bytes, QByteArray(""));
    EXPECT_EQ(lines[3].bytes, QByteArray("c"));
    EXPECT_EQ(lines[3].number, 4);
}

TEST(LineReader, FlagsOverlongLinesWithoutKeepingThemAndGoesOn)
{
    const QByteArray data = "short\n" + QByteArray(5000, 'x') + "\nafter\n" + QByteArray(3000, 'y');
    auto lines = readAll(data, 1000);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_FALSE(lines[0].tooLong);
    EXPECT_TRUE(lines[1].tooLong);
    EXPECT_TRUE(lines[1].bytes.isEmpty());
    EXPECT_EQ(lines[2].bytes, QByteArray("after"));
    EXPECT_EQ(lines[2].number, 3);
    EXPECT_TRUE(lines[3].tooLong);
}

TEST(LineReader, HandlesLinesSpanningReadBlocks)
{
    QByteArray data;
    for (int i = 0; i < 20000; ++i) {
        data += "line-" + QByteArray::number(i) + QByteArray(40, 'z') + '\n';
    }
    auto lines = readAll(data);
    ASSERT_EQ(lines.size(), 20000u);
    EXPECT_EQ(lines[12345].bytes, "line-12345" + QByteArray(40, 'z'));
}
