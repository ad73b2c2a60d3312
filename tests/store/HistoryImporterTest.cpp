#include "services/history/HistoryImporter.h"
#include "services/history/MessageRepository.h"

#include "backend/Backend.h"
#include "services/privacy/PiiVault.h"
#include "store/SqliteStore.h"
#include "support/TempStore.h"
#include "support/TestBackend.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace shopdesk;
using namespace shopdesk::test;

namespace {

const QByteArray kGood =
    R"({"type":"message","conversation":"c1","buyer":"tb_nick","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":"在吗"}
{"type":"message","conversation":"c1","buyer":"tb_nick","from":"agent","agent":"小美","at":"2026-11-11T10:00:40+08:00","text":"您好","id":"p-2"}
{"type":"order","id":"T1001","buyer":"tb_nick","status":"WAIT_SELLER_SEND_GOODS","created_at":"2026-11-11T09:00:00+08:00","paid_at":"2026-11-11T09:05:00+08:00","amount_fen":12900,"flagged_by":"小美","remark":"","items":[{"title":"纸皮核桃 500g","qty":2,"price_fen":6450}]}
{"type":"refund","id":"R1","order":"T1001","status":"SUCCESS","amount_fen":12900,"created_at":"2026-11-12T09:00:00+08:00","reason":"不想要了"}
)";

Result<ImportReport> importBytes(TestBackend& b, const QByteArray& data, bool skipBad = false)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    HistoryImporter::Options o;
    o.skipBad = skipBad;
    const PiiVault& vault = b->vault();
    o.sealOrder = [&vault](Order& order) { vault.seal(order); };
    return b->importer().import(b.owner(), buffer, o);
}

qint64 messageCount(TestBackend& b)
{
    return *b->store().messages().messageCount();
}

} // namespace

TEST(HistoryImporter, ImportsEveryRecordTypeAndReimportingAddsNothing)
{
    TestBackend s;
    auto first = importBytes(s, kGood);
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(first->committed);
    EXPECT_EQ(first->summary.messagesAdded, 2);
    EXPECT_EQ(first->summary.ordersAdded, 1);
    EXPECT_EQ(first->summary.refundsAdded, 1);
    auto second = importBytes(s, kGood);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->summary.messagesAdded, 0);
    EXPECT_EQ(second->summary.messagesDuplicate, 2);
    EXPECT_EQ(second->summary.ordersAdded + second->summary.ordersUpdated, 0);
    EXPECT_EQ(messageCount(s), 2);
}

TEST(HistoryImporter, AcceptsByteOrderMarkCrLfAndBlankLines)
{
    TestBackend s;
    QByteArray data = "\xEF\xBB\xBF" + kGood;
    data.replace("\n", "\r\n");
    data += "\r\n   \r\n";
    auto r = importBytes(s, data);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->errors.empty()) << r->errors.front().reason.toStdString();
    EXPECT_EQ(r->summary.messagesAdded, 2);
}

TEST(HistoryImporter, AnyBadLineLeavesTheStoreUnchangedAndIsNamedByLine)
{
    TestBackend s;
    const QByteArray bad = kGood + "{\"type\":\"message\",\"conversation\":\"c2\",\"buyer\":\"b\",\"from\":\"buyer\","
                                   "\"at\":\"2026-11-11T10:00:00\",\"text\":\"x\"}\n" // 5: no offset
                                   "{not json\n"                                      // 6
                                   "{\"type\":\"bogus\"}\n"                           // 7
                                   "{\"type\":\"message\",\"buyer\":\"b\",\"from\":\"buyer\",\"at\":\"2026-11-11T10:00:"
                                   "00+08:00\",\"text\":\"x\"}\n" // 8
                                   "{\"type\":\"message\",\"conversation\":\"c2\",\"buyer\":\"b\",\"from\":\"agent\","
                                   "\"at\":\"2026-11-11T10:00:00+08:00\",\"text\":\"x\"}\n" // 9
                                   "{\"type\":\"order\",\"id\":\"T2\",\"buyer\":\"b\",\"status\":\"PAID\",\"created_"
                                   "at\":\"2026-11-11T10:00:00+08:00\",\"amount_fen\":1}\n" // 10
                                   "{\"type\":\"order\",\"id\":\"T3\",\"buyer\":\"b\",\"status\":\"WAIT_BUYER_PAY\","
                                   "\"created_at\":\"2026-11-11T10:00:00+08:00\",\"amount_fen\":-5}\n" // 11
                                   "\xFF\xFE{}\n"                                                      // 12
                                   "[1,2]\n";                                                          // 13
    auto r = importBytes(s, bad);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->committed);
    std::vector<qint64> lines;
    for (const auto& e : r->errors) {
        lines.push_back(e.line);
    }
    EXPECT_EQ(lines, (std::vector<qint64>{5, 6, 7, 8, 9, 10, 11, 12, 13}));
    EXPECT_TRUE(r->errors[0].reason.contains(QStringLiteral("bad time")));
    EXPECT_TRUE(r->errors[1].reason.contains(QStringLiteral("invalid JSON")));
    EXPECT_TRUE(r->errors[2].reason.contains(QStringLiteral("unknown type")));
    EXPECT_TRUE(r->errors[3].reason.contains(QStringLiteral("missing field 'conversation'")));
    EXPECT_TRUE(r->errors[4].reason.contains(QStringLiteral("missing field 'agent'")));
    EXPECT_TRUE(r->errors[5].reason.contains(QStringLiteral("unknown order status")));
    EXPECT_TRUE(r->errors[6].reason.contains(QStringLiteral("amount_fen")));
    EXPECT_TRUE(r->errors[7].reason.contains(QStringLiteral("invalid UTF-8")));
    EXPECT_TRUE(r->errors[8].reason.contains(QStringLiteral("JSON object")));
    EXPECT_EQ(messageCount(s), 0);
    s.close();
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM orders"), 0);
    EXPECT_EQ(queryInt(s.path(), "SELECT count(*) FROM buyers"), 0);
}

TEST(HistoryImporter, AConflictFoundByTheStoreAlsoRollsEverythingBack)
{
    TestBackend s;
    const QByteArray data =
        kGood +
        R"({"type":"message","conversation":"c1","buyer":"tb_other","from":"buyer","at":"2026-11-11T11:00:00+08:00","text":"抢"}
)";
    auto r = importBytes(s, data);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->committed);
    ASSERT_EQ(r->errors.size(), 1u);
    EXPECT_EQ(r->errors[0].line, 5);
    EXPECT_TRUE(r->errors[0].reason.contains(QStringLiteral("another buyer")));
    EXPECT_EQ(messageCount(s), 0);
}

TEST(HistoryImporter, SkipBadKeepsTheGoodLinesAndReportsTheBadOnes)
{
    TestBackend s;
    const QByteArray data = "garbage\n" + kGood + QByteArray(2 * 1024 * 1024, 'x') + "\n";
    auto r = importBytes(s, data, true);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->committed);
    ASSERT_EQ(r->errors.size(), 2u);
    EXPECT_EQ(r->errors[0].line, 1);
    EXPECT_EQ(r->errors[1].line, 6);
    EXPECT_TRUE(r->errors[1].reason.contains(QStringLiteral("longer than 1 MiB")));
    EXPECT_EQ(r->summary.messagesAdded, 2);
}

TEST(HistoryImporter, HugeMessagesAreRefusedNotTruncated)
{
    TestBackend s;
    const QByteArray text(70 * 1024, 'a');
    const QByteArray line =
        R"({"type":"message","conversation":"c1","buyer":"b","from":"buyer","at":"2026-11-11T10:00:00+08:00","text":")" +
        text + "\"}\n";
    auto r = importBytes(s, line);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->errors.size(), 1u);
    EXPECT_TRUE(r->errors[0].reason.contains(QStringLiteral("longer than")));
}
