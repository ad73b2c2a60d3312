#include "store/FtsQuery.h"
#include "store/FtsTokenizer.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace shopdesk::store;

namespace {

std::vector<EmittedToken> tok(const char* utf8, bool query)
{
    return tokenizeForTest(utf8, query);
}

} // namespace

TEST(Tokenizer, DocumentsGetUnigramsWithColocatedBigramsPerRun)
{
    const std::vector<EmittedToken> expected{
        {"退", false}, {"退货", true}, {"货", false}, {"a", false}, {"ab", true}, {"b", false},
    };
    EXPECT_EQ(tok("退货 AB", false), expected);
}

TEST(Tokenizer, QueriesAreTheirUnigramOrConsecutiveBigrams)
{
    EXPECT_EQ(tok("退", true), (std::vector<EmittedToken>{{"退", false}}));
    EXPECT_EQ(tok("T1001", true),
              (std::vector<EmittedToken>{{"t1", false}, {"10", false}, {"00", false}, {"01", false}}));
}

TEST(Tokenizer, WhiteSpaceIncludingIdeographicSpaceBreaksRuns)
{
    const auto t = tok("a\u3000b", false);
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0].token, "a");
    EXPECT_EQ(t[1].token, "b");
}

TEST(Tokenizer, InvalidBytesNeverReadPastTheBuffer)
{
    const auto t = tokenizeForTest(std::string_view("\xE9\x80", 2), false);
    EXPECT_EQ(t.size(), 3u); // two U+FFFD unigrams and their bigram
}

TEST(FtsQuery, QuotesEveryTermSoSyntaxIsLiteral)
{
    EXPECT_EQ(ftsMatchExpression({QStringLiteral("退货"), QStringLiteral("NEAR(\"a\"")}),
              QStringLiteral("\"退货\" \"NEAR(\"\"a\"\"\""));
}
