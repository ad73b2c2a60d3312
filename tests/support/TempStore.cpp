#include "support/TempStore.h"

#include "services/history/HistoryRepository.h"
#include "services/shop/ShopRepository.h"

#include <QProcess>

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace shopdesk::test {

TempStore::TempStore()
    : TempStore(store::SqliteStore::Options{true, std::chrono::milliseconds(-1)})
{
}

TempStore::TempStore(store::SqliteStore::Options options)
    : m_options(options)
{
    m_options.create = true;
    auto opened = store::SqliteStore::open(path(), m_options);
    if (!opened) {
        ADD_FAILURE() << opened.error().message.toStdString();
        return;
    }
    m_store = std::move(*opened);
    Shop shop;
    shop.name = QStringLiteral("测试旗舰店");
    EXPECT_TRUE(m_store->shop().initialise(shop).ok());
}

void TempStore::reopen()
{
    m_store.reset();
    auto opened = store::SqliteStore::open(path(), m_options);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    m_store = std::move(*opened);
}

ImportSummary TempStore::ingest(std::vector<ImportRecord> records)
{
    return ingestAndWait(m_store->history(), std::move(records));
}

ImportSummary ingestAndWait(HistoryRepository& history, std::vector<ImportRecord> records)
{
    auto future = history.ingest(std::move(records));
    future.waitForFinished();
    auto result = future.result();
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message.toStdString());
    return result.ok() ? *result : ImportSummary();
}

IncomingMessage message(const QString& conversation, const QString& buyer, Sender sender, qint64 secs,
                        const QString& text, const QString& agent)
{
    IncomingMessage m;
    m.conversationKey = conversation;
    m.buyerNick = buyer;
    m.sender = sender;
    m.agent = sender == Sender::Agent ? (agent.isEmpty() ? QStringLiteral("小美") : agent) : QString();
    m.sentAt = Timestamp::fromSecs(1'794'326'400 + secs); // 2026-11-11T00:00:00+08:00
    m.text = text;
    return m;
}

qint64 queryInt(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_stmt* st = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        value = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

QStringList queryRows(const QString& path, const char* sql)
{
    QStringList rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        rows << QStringLiteral("cannot open %1").arg(path);
        return rows;
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
        rows << QStringLiteral("bad query: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
    } else {
        while (sqlite3_step(st) == SQLITE_ROW) {
            QStringList cells;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
                cells << (text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
            }
            rows << cells.join(QLatin1Char('|'));
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
}

ProcessResult runProcess(const QString& program, const QStringList& args, const QByteArray& stdinData, int timeoutMs,
                         const QStringList& extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : extraEnv) {
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    }
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        return {};
    }
    if (!stdinData.isEmpty()) {
        p.write(stdinData);
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("timeout")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString binary(const char* name)
{
    return QStringLiteral(SHOPDESK_BIN_DIR "/") + QString::fromUtf8(name);
}

} // namespace shopdesk::test
