// A history file imported through the team server: sent in chunks, parsed and stored on the
// server in one transaction with its audit entry, refused without the right, rolled back when the
// connection drops, one upload at a time.

#include "pg/PgStore.h"
#include "server/TeamFixture.h"
#include "session/History.h"

#include <QBuffer>
#include <QJsonArray>

namespace shopdesk::test {
namespace {

class HistoryUpload : public TeamFixture {
protected:
    qint64 storedMessages()
    {
        auto n = backend->store().read<qint64>(
            "count", [](pg::PgTx& tx) { return tx.q("SELECT count(*) FROM messages").integer(0, 0); });
        EXPECT_TRUE(n);
        return n ? *n : -1;
    }
};

/// `count` buyer messages in ten conversations, each line about 200 bytes.
QByteArray historyFile(int count, int badLine = 0)
{
    QByteArray out;
    for (int n = 1; n <= count; ++n) {
        if (n == badLine) {
            out += "{\"type\":\"message\",\"conversation\":\"broken\"\n";
            continue;
        }
        out += QStringLiteral(
                   "{\"type\":\"message\",\"conversation\":\"h%1\",\"buyer\":\"历史买家%1\",\"from\":\"buyer\","
                   "\"at\":\"2026-11-11T10:%2:%3+08:00\",\"text\":\"第%4条：快递到哪里了？麻烦帮我查一下，谢谢亲\","
                   "\"id\":\"hist-%4\"}\n")
                   .arg(n % 10)
                   .arg((n / 60) % 60, 2, 10, QLatin1Char('0'))
                   .arg(n % 60, 2, 10, QLatin1Char('0'))
                   .arg(n)
                   .toUtf8();
    }
    return out;
}

Result<ImportReport> importThrough(session::ShopSession& s, const QByteArray& data, bool skipBad = false)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    session::ImportOptions o;
    o.skipBad = skipBad;
    return await(s.history().import(buffer, o), 60000);
}

TEST_F(HistoryUpload, AFileOfSeveralChunksIsStoredOnceAuditedAndSearchable)
{
    auto owner = ownerWithAgent();
    ASSERT_TRUE(owner);
    const QByteArray file = historyFile(6000);
    ASSERT_GT(file.size(), 2 * 512 * 1024) << "more than two chunks";

    auto first = importThrough(*owner, file);
    ASSERT_TRUE(first) << first.error().message.toStdString();
    EXPECT_TRUE(first->committed);
    EXPECT_EQ(first->lines, 6000);
    EXPECT_EQ(first->summary.messagesAdded, 6000);
    EXPECT_EQ(storedMessages(), 6000);

    auto again = importThrough(*owner, file);
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(again->summary.messagesAdded, 0);
    EXPECT_EQ(again->summary.messagesDuplicate, 6000) << "stored once";
    EXPECT_EQ(storedMessages(), 6000);

    SearchRequest q;
    q.query = QStringLiteral("第5999条");
    auto hits = await(owner->history().search(q));
    ASSERT_TRUE(hits) << hits.error().message.toStdString();
    ASSERT_EQ(hits->hits.size(), 1u);

    auto audit = owner->audit().list(AuditQuery{});
    ASSERT_TRUE(audit);
    int imports = 0;
    for (const AuditRecord& r : *audit) {
        if (r.entry.action == u"history.import") {
            ++imports;
            EXPECT_TRUE(r.entry.detail.contains(QStringLiteral("lines=6000"))) << r.entry.detail.toStdString();
        }
    }
    EXPECT_EQ(imports, 2);

    // The agent has no history.import: refused before a byte is sent, nothing stored.
    auto agent = loginRemote(QStringLiteral("小美"), kAgentPassword);
    ASSERT_TRUE(agent);
    auto refused = importThrough(*agent, historyFile(10));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    EXPECT_EQ(storedMessages(), 6000);
}

TEST_F(HistoryUpload, ABadLineRollsTheWholeFileBackUnlessBadLinesAreSkipped)
{
    auto owner = loginRemote(QStringLiteral("店长"), kOwnerPassword);
    ASSERT_TRUE(owner);
    auto all = importThrough(*owner, historyFile(5000, 4321));
    ASSERT_TRUE(all) << all.error().message.toStdString();
    EXPECT_FALSE(all->committed);
    ASSERT_EQ(all->badLines(), 1);
    EXPECT_EQ(all->errors[0].line, 4321);
    EXPECT_EQ(storedMessages(), 0) << "all or nothing";

    auto skipping = importThrough(*owner, historyFile(5000, 4321), true);
    ASSERT_TRUE(skipping) << skipping.error().message.toStdString();
    EXPECT_TRUE(skipping->committed);
    EXPECT_EQ(skipping->summary.messagesAdded, 4999);
    EXPECT_EQ(storedMessages(), 4999);
}

TEST_F(HistoryUpload, ADroppedConnectionRollsBackAndOneUploadRunsAtATime)
{
    auto chunk = [](const QString& upload, qint64 seq, const QByteArray& bytes) {
        return QJsonObject{{QStringLiteral("upload"), upload},
                           {QStringLiteral("seq"), seq},
                           {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}};
    };
    const QByteArray file = historyFile(3000);
    QString firstUpload;
    {
        RawClient c(server->port());
        ownerLogin(c);
        const QJsonObject begun = c.request(3, QStringLiteral("history.import.begin"), {}, QStringLiteral("r1"));
        ASSERT_TRUE(begun.value(QStringLiteral("ok")).toBool()) << RawClient::message(begun).toStdString();
        firstUpload = begun.value(QStringLiteral("result")).toObject().value(QStringLiteral("upload")).toString();
        const QJsonObject sent =
            c.request(4, QStringLiteral("history.import.chunk"), chunk(firstUpload, 0, file.left(400000)));
        EXPECT_TRUE(sent.value(QStringLiteral("ok")).toBool()) << RawClient::message(sent).toStdString();

        // Another connection meanwhile: told who is importing.
        RawClient other(server->port());
        ownerLogin(other);
        const QJsonObject busy = other.request(3, QStringLiteral("history.import.begin"), {}, QStringLiteral("r2"));
        EXPECT_EQ(RawClient::code(busy), QStringLiteral("busy")) << RawClient::message(busy).toStdString();
        EXPECT_TRUE(RawClient::message(busy).contains(QStringLiteral("店长")));
        // Nor may it send into the first one's upload.
        const QJsonObject foreign =
            other.request(4, QStringLiteral("history.import.chunk"), chunk(firstUpload, 1, file.mid(400000, 1000)));
        EXPECT_EQ(RawClient::code(foreign), QStringLiteral("not_found"));
    } // the first connection drops before its end
    int probes = 0;
    ASSERT_TRUE(spinUntil(
        [&] {
            RawClient probe(server->port());
            ownerLogin(probe);
            const QJsonObject again =
                probe.request(3, QStringLiteral("history.import.begin"), {},
                              QStringLiteral("probe-%1").arg(++probes)); // (a new write each time)
            if (!again.value(QStringLiteral("ok")).toBool()) {
                return false;
            }
            // A chunk out of order ends this one at once.
            const QString id =
                again.value(QStringLiteral("result")).toObject().value(QStringLiteral("upload")).toString();
            const QJsonObject skipped = probe.request(4, QStringLiteral("history.import.chunk"), chunk(id, 1, "x"));
            EXPECT_EQ(RawClient::code(skipped), QStringLiteral("invalid"));
            EXPECT_TRUE(RawClient::message(skipped).contains(QStringLiteral("expected")));
            const QJsonObject ended =
                probe.request(5, QStringLiteral("history.import.end"), {{QStringLiteral("upload"), id}});
            EXPECT_EQ(RawClient::code(ended), QStringLiteral("not_found")) << "the upload is over";
            return true;
        },
        10000))
        << "the dropped upload let go of the server";
    EXPECT_EQ(storedMessages(), 0) << "nothing of the dropped upload";
}

} // namespace
} // namespace shopdesk::test
