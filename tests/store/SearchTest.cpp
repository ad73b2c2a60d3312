#include "services/history/HistoryRepository.h"
#include "services/search/SearchService.h"
#include "store/SqliteMessageRepository.h"

#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <set>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

// An alphabet with Chinese, mixed-case Latin, digits, FTS5 syntax characters and white space.
const QString kAlphabet = QStringLiteral("退货发快递核桃的了吗好亲aAbBtTnN0123456789\"*():^-+{}'., \u3000");

/// Independent oracle: ASCII letters compared case-insensitively, everything else exactly.
QString lowerAscii(QString s)
{
    for (QChar& c : s) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) {
            c = QChar(c.unicode() + 32);
        }
    }
    return s;
}

bool oracleMatches(const QString& text, const QString& query)
{
    const QString lower = lowerAscii(text);
    const QStringList terms = query.split(QRegularExpression(QStringLiteral("[\\s\u3000]+")), Qt::SkipEmptyParts);
    if (terms.isEmpty()) {
        return false;
    }
    for (const QString& t : terms) {
        if (!lower.contains(lowerAscii(t))) {
            return false;
        }
    }
    return true;
}

struct Corpus {
    std::vector<IncomingMessage> messages;
};

QString randomText(QRandomGenerator& rng, int maxLen)
{
    const int len = 1 + static_cast<int>(rng.bounded(maxLen));
    QString s;
    for (int i = 0; i < len; ++i) {
        s += kAlphabet[static_cast<int>(rng.bounded(static_cast<quint32>(kAlphabet.size())))];
    }
    return s;
}

class SearchFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        QRandomGenerator rng(1234);
        std::vector<ImportRecord> records;
        for (int i = 0; i < 3000; ++i) {
            // buyer tb_big gets most messages (over the scan threshold); others few.
            const QString buyer = i % 3 == 0 ? QStringLiteral("tb_small%1").arg(i % 7) : QStringLiteral("tb_big");
            auto m = message(buyer + QStringLiteral("-conv"), buyer, i % 2 ? Sender::Agent : Sender::Buyer, i,
                             randomText(rng, 14));
            m_texts.push_back({m.text, buyer});
            records.emplace_back(std::move(m));
        }
        // Push tb_big over the scan threshold so its searches take the index path.
        for (int i = 0; i < store::SqliteMessageRepository::kScanThreshold; ++i) {
            auto m = message(QStringLiteral("tb_big-conv"), QStringLiteral("tb_big"), Sender::Buyer, 5000 + i,
                             QStringLiteral("填充%1").arg(i));
            m_texts.push_back({m.text, QStringLiteral("tb_big")});
            records.emplace_back(std::move(m));
        }
        ingestAndWait(m_backend->store().history(), std::move(records));
        m_owner = m_backend.owner();
    }

    std::multiset<QString> expected(const QString& query, const std::optional<QString>& buyer) const
    {
        std::multiset<QString> out;
        for (const auto& [text, nick] : m_texts) {
            if ((!buyer || *buyer == nick) && oracleMatches(text, query)) {
                out.insert(text);
            }
        }
        return out;
    }

    std::multiset<QString> actual(const QString& query, const std::optional<QString>& buyer)
    {
        auto hits = m_backend->search().search(m_owner, {query, buyer, {}, SearchService::kMaxLimit, {}});
        EXPECT_TRUE(hits.ok()) << query.toStdString();
        std::multiset<QString> out;
        if (hits.ok()) {
            for (const auto& h : hits->hits) {
                out.insert(h.message.text);
            }
        }
        return out;
    }

    TestBackend m_backend;
    auth::Actor m_owner;
    std::vector<std::pair<QString, QString>> m_texts;
};

} // namespace

TEST_F(SearchFixture, ResultsAreExactForEveryQueryLengthAndEveryPath)
{
    QRandomGenerator rng(99);
    int checked = 0;
    int nonEmpty = 0;
    for (int round = 0; round < 160; ++round) {
        QString query;
        if (round % 4 == 3) {
            query = randomText(rng, 6); // anything, often no match
        } else {
            // A substring of a stored text, of length 1-7, sometimes with its letters' case flipped.
            const QString& text = m_texts[rng.bounded(static_cast<quint32>(3000))].first;
            const int len = 1 + static_cast<int>(rng.bounded(7));
            query = text.mid(static_cast<int>(rng.bounded(static_cast<quint32>(text.size()))), len);
            if (round % 5 == 0) {
                query = query.toUpper();
            }
        }
        if (query.trimmed().isEmpty() || QString(query).remove(QChar(0x3000)).trimmed().isEmpty()) {
            continue;
        }
        for (const std::optional<QString>& buyer :
             {std::optional<QString>(), std::optional<QString>(QStringLiteral("tb_small3")),
              std::optional<QString>(QStringLiteral("tb_big"))}) {
            const auto want = expected(query, buyer);
            EXPECT_EQ(actual(query, buyer), want) << "query [" << query.toStdString() << "]";
            ++checked;
            nonEmpty += want.empty() ? 0 : 1;
        }
    }
    EXPECT_GT(checked, 360);
    EXPECT_GT(nonEmpty, 150); // the test really exercises matches, not only misses
}

TEST_F(SearchFixture, FtsSyntaxTypedIntoTheBoxIsSearchedLiterally)
{
    for (const QString& q : {QStringLiteral("\""),  QStringLiteral("*"),        QStringLiteral("NEAR("),
                             QStringLiteral("OR"),  QStringLiteral("-"),        QStringLiteral(":"),
                             QStringLiteral("^"),   QStringLiteral("("),        QStringLiteral(")"),
                             QStringLiteral("AND"), QStringLiteral("NOT"),      QStringLiteral("+"),
                             QStringLiteral("{a}"), QStringLiteral("a:b"),      QStringLiteral("\"\"\""),
                             QStringLiteral("'"),   QStringLiteral("退 OR 货"), QStringLiteral("a* NEAR(b c)"),
                             QStringLiteral("-货"), QStringLiteral("^退")}) {
        EXPECT_EQ(actual(q, std::nullopt), expected(q, std::nullopt)) << q.toStdString();
    }
}

TEST(Search, NewestFirstWithLimitAndPaging)
{
    TestBackend b;
    std::vector<ImportRecord> records;
    for (int i = 0; i < 120; ++i) {
        records.emplace_back(message(QStringLiteral("c%1").arg(i % 5), QStringLiteral("tb_%1").arg(i % 5),
                                     Sender::Buyer, 1000 - i, QStringLiteral("催发货 第%1次").arg(i)));
    }
    ingestAndWait(b->store().history(), std::move(records));
    const auth::Actor owner = b.owner();
    SearchService& service = b->search();
    auto first = service.search(owner, {QStringLiteral("发货"), {}, {}, 50, {}});
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->hits.size(), 50u);
    EXPECT_TRUE(first->more) << "the limit cut the results, and the page says so";
    EXPECT_EQ(first->hits.front().message.text, QStringLiteral("催发货 第0次"));
    for (std::size_t i = 1; i < first->hits.size(); ++i) {
        EXPECT_GT(first->hits[i - 1].message.sentAt, first->hits[i].message.sentAt);
    }
    auto second = service.search(owner, {QStringLiteral("发货"), {}, {}, 100, first->hits.back().message.id});
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->hits.size(), 70u);
    EXPECT_FALSE(second->more);
    EXPECT_EQ(second->hits.front().message.text, QStringLiteral("催发货 第50次"));
}

TEST(Search, SearchesInsideChosenConversations)
{
    TestBackend b;
    ingestAndWait(b->store().history(),
                  {message(QStringLiteral("c1"), QStringLiteral("tb_a"), Sender::Buyer, 1, QStringLiteral("退货")),
                   message(QStringLiteral("c2"), QStringLiteral("tb_b"), Sender::Buyer, 2, QStringLiteral("退货"))});
    auto c2 = b->store().messages().findConversation(u"sim", u"c2");
    ASSERT_TRUE(c2.ok() && c2->has_value());
    auto hits = b->search().search(b.owner(), {QStringLiteral("退"), {}, {(*c2)->id}, 50, {}});
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->hits.size(), 1u);
    EXPECT_EQ(hits->hits.front().conversationKey, QStringLiteral("c2"));
}

TEST(Search, EmptyOrOversizedQueriesAreClearErrors)
{
    TestBackend b;
    const auth::Actor owner = b.owner();
    SearchService& service = b->search();
    auto empty = service.search(owner, {QStringLiteral(" \u3000 "), {}, {}, 50, {}});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::Invalid);
    auto huge = service.search(owner, {QString(500, QLatin1Char('x')), {}, {}, 50, {}});
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().code, ErrorCode::Invalid);
    auto badLimit = service.search(owner, {QStringLiteral("x"), {}, {}, 0, {}});
    EXPECT_FALSE(badLimit.ok());
}
