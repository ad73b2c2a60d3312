// The team phrase library as CSV: what Excel writes and reads, line-numbered errors, all-or-nothing
// import that updates by code, reordering and duplicate detection.

#include "services/quickreply/PhraseCsv.h"
#include "domain/QuickReplyIndex.h"
#include "services/quickreply/QuickReplyService.h"

#include "support/TestBackend.h"

#include <gtest/gtest.h>

using namespace shopdesk;
using namespace shopdesk::test;

TEST(PhraseCsv, WritesExcelFriendlyUtf8AndReadsItBack)
{
    QuickReply a;
    a.group = QStringLiteral("发货");
    a.code = QStringLiteral("fh");
    a.text = QStringLiteral("亲，今天下单，明天发货");
    QuickReply b;
    b.group = QStringLiteral("售后");
    b.code = QStringLiteral("th");
    b.text = QStringLiteral("亲，\"七天无理由\"退换\n第二行");
    const QByteArray csv = phrasecsv::write({a, b});
    EXPECT_TRUE(csv.startsWith("\xEF\xBB\xBFgroup,code,text\r\n"));
    const PhraseCsvParse back = phrasecsv::read(csv);
    EXPECT_TRUE(back.errors.empty());
    ASSERT_EQ(back.rows.size(), 2u);
    EXPECT_EQ(back.rows[0].text, a.text) << "commas survive in quotes";
    EXPECT_EQ(back.rows[1].text, b.text) << "quotes and line breaks survive";
    EXPECT_EQ(back.rows[1].line, 3);
}

TEST(PhraseCsv, EveryBadLineIsNamed)
{
    const PhraseCsvParse parsed = phrasecsv::read(QByteArrayLiteral("group,code,text\n"
                                                                    "问候,hi,亲在的\n"
                                                                    "只有两列,x\n"
                                                                    "问候,hi,重复的编码\n"
                                                                    "问候,a b,编码有空格\n"
                                                                    "售后,tk,\n"
                                                                    "\n"
                                                                    "售后,ok,好的\n"));
    ASSERT_EQ(parsed.rows.size(), 2u);
    EXPECT_EQ(parsed.rows[1].line, 8);
    ASSERT_EQ(parsed.errors.size(), 4u);
    EXPECT_EQ(parsed.errors[0].line, 3);
    EXPECT_TRUE(parsed.errors[0].reason.contains(QStringLiteral("3 columns")));
    EXPECT_EQ(parsed.errors[1].line, 4);
    EXPECT_TRUE(parsed.errors[1].reason.contains(QStringLiteral("twice")));
    EXPECT_EQ(parsed.errors[2].line, 5);
    EXPECT_EQ(parsed.errors[3].line, 6);
    EXPECT_FALSE(phrasecsv::read(QByteArrayLiteral("a,b,\"unclosed\n")).errors.empty());
    EXPECT_FALSE(phrasecsv::read(QByteArray("\xff\xfe", 2)).errors.empty()) << "not UTF-8";
}

TEST(PhraseCsv, ImportUpdatesByCodeAllOrNothingAndReorders)
{
    TestBackend b;
    auto owner = b.owner();
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    const PhraseCsvParse first =
        phrasecsv::read(QByteArrayLiteral("问候,hi,亲在的\n问候,zai,在的呢\n发货,fh,今天发货\n"));
    ASSERT_TRUE(first.errors.empty());
    EXPECT_EQ(b->quickReplies().importTeam(mei, first.rows).error().code, ErrorCode::NotAllowed);
    auto imported = b->quickReplies().importTeam(owner, first.rows);
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->added, 3);
    const PhraseCsvParse second = phrasecsv::read(QByteArrayLiteral("问候,hi,亲，您好\n售后,tk,退款已收到\n"));
    auto again = b->quickReplies().importTeam(owner, second.rows);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->added, 1);
    EXPECT_EQ(again->updated, 1);
    auto team = b->quickReplies().teamPhrases(owner);
    ASSERT_TRUE(team.ok());
    ASSERT_EQ(team->size(), 4u);
    QuickReplyId zai;
    for (const QuickReply& p : *team) {
        if (p.code == u"hi") {
            EXPECT_EQ(p.text, QStringLiteral("亲，您好"));
        }
        if (p.code == u"zai") {
            zai = p.id;
        }
    }
    ASSERT_TRUE(b->quickReplies().moveTeam(owner, zai, -1).ok());
    team = b->quickReplies().teamPhrases(owner);
    QStringList greetings;
    for (const QuickReply& p : *team) {
        if (p.group == u"问候") {
            greetings << p.code;
        }
    }
    EXPECT_EQ(greetings, (QStringList{QStringLiteral("zai"), QStringLiteral("hi")}));

    QuickReply dup;
    dup.id = QuickReplyId(99);
    dup.text = QStringLiteral(" 在的呢 ");
    std::vector<QuickReply> withDup = *team;
    withDup.push_back(dup);
    EXPECT_EQ(duplicatePhrases(withDup).size(), 1u);
}
