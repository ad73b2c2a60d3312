// Quick replies: pinyin initials, the picker's lookup and ranking, variables, and who may edit what.

#include "domain/PhraseVariables.h"
#include "domain/Pinyin.h"
#include "domain/QuickReplyIndex.h"
#include "services/quickreply/QuickReplyService.h"

#include "support/TestBackend.h"

#include <gtest/gtest.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

QuickReply phrase(const char* code, const char* text, qint64 uses = 0)
{
    QuickReply p;
    p.code = QString::fromUtf8(code);
    p.text = QString::fromUtf8(text);
    p.usageCount = uses;
    return p;
}

QStringList codes(const QuickReplyIndex& index, const QString& query)
{
    QStringList out;
    for (int i : index.find(query)) {
        out << index.phrases()[i].code;
    }
    return out;
}

} // namespace

TEST(Pinyin, InitialsOfCommonShopWords)
{
    EXPECT_EQ(pinyin::initials(u"发货"), QStringLiteral("fh"));
    EXPECT_EQ(pinyin::initials(u"亲，快递已经发出了"), QStringLiteral("qkdyjfcl"));
    EXPECT_EQ(pinyin::initials(u"退款 OK 7天"), QStringLiteral("tkok7t"));
    EXPECT_EQ(pinyin::initials(u"包邮吗？"), QStringLiteral("bym"));
    EXPECT_EQ(pinyin::initialOf(U'a'), 0);
}

TEST(QuickReplyIndex, FindsByCodeTextAndInitialsBestFirst)
{
    QuickReplyIndex index({phrase("hi", "亲，在的，请问有什么可以帮您？"), phrase("fh", "亲，今天下单明天发货哦"),
                           phrase("wl", "亲，您的包裹已发货，物流会在24小时内更新", 3),
                           phrase("th", "亲，七天无理由退换货，运费险包来回")});
    EXPECT_EQ(codes(index, QStringLiteral("fh")).first(), QStringLiteral("fh")) << "exact code first";
    EXPECT_TRUE(codes(index, QStringLiteral("fh")).contains(QStringLiteral("wl"))) << "发货 inside the text's initials";
    EXPECT_EQ(codes(index, QStringLiteral("物流")), QStringList{QStringLiteral("wl")});
    EXPECT_EQ(codes(index, QStringLiteral("qjt")), QStringList{QStringLiteral("fh")}) << "initials prefix: 亲今天";
    EXPECT_EQ(codes(index, QStringLiteral("FH")).first(), QStringLiteral("fh")) << "case folded";
    EXPECT_TRUE(codes(index, QStringLiteral("不存在的词")).isEmpty());
    // Empty query: everything, most used first.
    EXPECT_EQ(codes(index, QString()).first(), QStringLiteral("wl"));
    // Uses reorder matches of the same kind.
    QuickReplyIndex two({phrase("a1", "亲，发货了"), phrase("a2", "亲，发货啦")});
    EXPECT_EQ(codes(two, QStringLiteral("发货")).first(), QStringLiteral("a1"));
    QuickReplyIndex counted({phrase("a1", "亲，发货了", 1), phrase("a2", "亲，发货啦", 5)});
    EXPECT_EQ(codes(counted, QStringLiteral("发货")).first(), QStringLiteral("a2"));
}

TEST(QuickReplyIndex, AnswersAQueryOverFiveThousandPhrases)
{
    std::vector<QuickReply> many;
    for (int i = 0; i < 5000; ++i) {
        many.push_back(phrase("x", "亲，这是第几条短语，发货前请核对地址"));
        many.back().code = QStringLiteral("c%1").arg(i);
    }
    QuickReplyIndex index(std::move(many));
    EXPECT_EQ(index.find(QStringLiteral("c4999"), 10).size(), 1u);
    EXPECT_EQ(index.find(QStringLiteral("fhq"), 10).size(), 10u) << "the limit holds";
}

TEST(PhraseVariables, FillsChineseAndEnglishNamesAndReportsMissingOnes)
{
    PhraseContext ctx;
    ctx.buyer = QStringLiteral("tb_小王");
    ctx.agent = QStringLiteral("小美");
    ctx.shop = QStringLiteral("果果旗舰店");
    auto filled = fillPhrase(QStringLiteral("{买家}您好，我是{agent}，{店铺}为您服务。单号{运单号} {未知}"), ctx);
    EXPECT_EQ(filled.text, QStringLiteral("tb_小王您好，我是小美，果果旗舰店为您服务。单号{运单号} {未知}"));
    EXPECT_EQ(filled.missing, QStringList{QStringLiteral("运单号")});
    EXPECT_EQ(fillPhrase(QStringLiteral("{ {order"), ctx).text, QStringLiteral("{ {order"));
}

TEST(QuickReplyService, AgentsKeepTheirOwnPhrasesAndReadTheTeams)
{
    TestBackend b;
    auto owner = b.owner();
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    auto qiang = b.account(QStringLiteral("阿强"), {QStringLiteral("aftersales")});

    QuickReply team = phrase("fh", "亲，今天下单明天发货");
    team.scope = QuickReply::Scope::Team;
    team.group = QStringLiteral("发货");
    ASSERT_TRUE(b->quickReplies().save(owner, team).ok());
    auto refused = b->quickReplies().save(mei, team);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);

    QuickReply mine = phrase("my", "{买家}，我是{客服}");
    mine.scope = QuickReply::Scope::Personal;
    auto id = b->quickReplies().save(mei, mine);
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();

    auto meiSees = b->quickReplies().phrases(mei);
    ASSERT_TRUE(meiSees.ok());
    EXPECT_EQ(meiSees->size(), 2u);
    auto qiangSees = b->quickReplies().phrases(qiang);
    ASSERT_TRUE(qiangSees.ok());
    EXPECT_EQ(qiangSees->size(), 1u) << "another agent's personal phrases stay theirs";

    QuickReply stolen = mine;
    stolen.id = *id;
    stolen.text = QStringLiteral("改掉");
    EXPECT_EQ(b->quickReplies().save(qiang, stolen).error().code, ErrorCode::NotAllowed);
    EXPECT_EQ(b->quickReplies().remove(qiang, *id).error().code, ErrorCode::NotAllowed);

    QuickReply empty = mine;
    empty.text = QStringLiteral("   ");
    EXPECT_EQ(b->quickReplies().save(mei, empty).error().code, ErrorCode::Invalid);

    ASSERT_TRUE(b->quickReplies().recordUse(mei, *id).ok());
    ASSERT_TRUE(b->quickReplies().recordUse(mei, *id).ok());
    auto again = b->quickReplies().phrases(mei);
    ASSERT_TRUE(again.ok());
    for (const QuickReply& p : *again) {
        if (p.id == *id) {
            EXPECT_EQ(p.usageCount, 2);
        }
    }
    ASSERT_TRUE(b->quickReplies().remove(mei, *id).ok());
    EXPECT_EQ(b->quickReplies().phrases(mei)->size(), 1u);
}
