#include "domain/SearchTokens.h"
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

TEST(SearchTokens, TheServersTokenSetsAreTheDesktopIndexsTokens)
{
    // The GIN index stores the FTS5 tokenizer's tokens as a set: the same words, once each.
    QStringList fromFts;
    for (const EmittedToken& t : tok("退货 AB 退货", false)) {
        fromFts << QString::fromStdString(t.token);
    }
    fromFts.removeDuplicates();
    fromFts.sort();
    EXPECT_EQ(shopdesk::searchtokens::documentTokens(u"退货 AB 退货"), fromFts);
    EXPECT_EQ(shopdesk::searchtokens::queryTokens({QStringLiteral("退货款"), QStringLiteral("A")}),
              (QStringList{QStringLiteral("a"), QStringLiteral("货款"), QStringLiteral("退货")}));
}

TEST(FtsQuery, QuotesEveryTermSoSyntaxIsLiteral)
{
    EXPECT_EQ(ftsMatchExpression({QStringLiteral("退货"), QStringLiteral("NEAR(\"a\"")}),
              QStringLiteral("\"退货\" \"NEAR(\"\"a\"\"\""));
}
