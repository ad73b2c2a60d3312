// pg_import_bench: a history import into PostgreSQL (PgImportTransaction: binary COPY into a
// staging table, merged in batches, one transaction) against the baseline of the same run: the
// same messages through the row path a live platform ingest takes (PgHistoryRepository::ingest,
// one INSERT a message, batches of 1,000). Prints both rates and the ratio. Needs a PostgreSQL
// (the PG* environment; ./test.sh runs it inside pg_virtualenv).

#include "CorpusGenerator.h"
#include "pg/PgConnection.h"
#include "pg/PgHistoryRepository.h"
#include "pg/PgRepositories.h"
#include "pg/PgSchema.h"
#include "pg/PgStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

using namespace shopdesk;

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "pg_import_bench: %s failed\n", what);
        std::exit(1);
    }
}

/// A fresh schema with a shop; the store over it.
std::unique_ptr<pg::PgStore> freshStore(pg::PgConnection& admin, const QString& schema)
{
    check(
        admin
            .exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1").arg(schema).toUtf8().constData())
            .ok(),
        "create the schema");
    const QString url = QStringLiteral("options=-csearch_path=%1").arg(schema);
    auto c = pg::PgConnection::open(url);
    check(c.ok(), "connect");
    check(pg::schema::migrate(**c).ok(), "migrate");
    auto store = pg::PgStore::open(url);
    check(store.ok(), "open the store");
    pg::PgShopRepository shops(**store);
    Shop shop;
    shop.name = QStringLiteral("压测店");
    check(shops.initialise(shop).ok(), "make the shop");
    return std::move(*store);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    qint64 count = 200'000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--messages") == 0) {
            count = QByteArray(argv[i + 1]).toLongLong();
        }
    }
    auto corpus = EcdCorpus::embedded();
    check(corpus.ok(), "load the corpus");
    bench::CorpusGenerator gen(*corpus, 42);
    std::vector<IncomingMessage> rows;
    while (static_cast<qint64>(rows.size()) < count) {
        gen.nextConversation(rows);
    }
    rows.resize(static_cast<size_t>(count));

    auto admin = pg::PgConnection::open(QString());
    check(admin.ok(), "connect to PostgreSQL (PG* environment)");

    // The import: one transaction, binary COPY.
    auto copyStore = freshStore(**admin, QStringLiteral("bench_import_copy"));
    pg::PgHistoryRepository copyHistory(*copyStore);
    QElapsedTimer t;
    t.start();
    auto tx = copyHistory.beginImport(true);
    qint64 line = 0;
    for (const IncomingMessage& m : rows) {
        tx->add(++line, m);
    }
    auto imported = tx->commit({});
    const double importS = t.nsecsElapsed() / 1e9;
    check(imported.ok() && imported->messagesAdded == count, "the import");
    tx.reset();

    // The baseline: the live ingest's row path, 1,000 a transaction.
    auto rowStore = freshStore(**admin, QStringLiteral("bench_import_rows"));
    pg::PgHistoryRepository rowHistory(*rowStore);
    t.restart();
    qint64 added = 0;
    for (size_t at = 0; at < rows.size(); at += 1000) {
        std::vector<ImportRecord> batch(rows.begin() + static_cast<std::ptrdiff_t>(at),
                                        rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), at + 1000)));
        auto r = rowHistory.ingest(std::move(batch)).result();
        check(r.ok(), "the row path");
        added += r->messagesAdded;
    }
    const double rowsS = t.nsecsElapsed() / 1e9;
    check(added == count, "the row path's count");

    std::printf("pg_import_bench: %lld messages\n", static_cast<long long>(count));
    std::printf("  history import (binary COPY, one transaction): %.2f s, %.0f messages/s\n", importS, count / importS);
    std::printf("  baseline, live ingest row path (INSERT each):  %.2f s, %.0f messages/s\n", rowsS, count / rowsS);
    std::printf("  ratio (baseline time / import time): %.2f\n", rowsS / importS);
    for (const char* schema : {"bench_import_copy", "bench_import_rows"}) {
        (void)(*admin)->exec(
            QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(QLatin1String(schema)).toUtf8().constData());
    }
    return 0;
}
