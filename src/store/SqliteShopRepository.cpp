#include "store/SqliteShopRepository.h"

#include "store/Sql.h"
#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include <map>

namespace shopdesk::store {

Result<Shop> SqliteShopRepository::shop()
{
    auto conn = m_store.reader();
    if (!conn) {
        return conn.error();
    }
    try {
        auto qHandle = (*conn)->statement("SELECT key, value FROM meta WHERE key LIKE 'shop\\_%' ESCAPE '\\'");
        auto& q = *qHandle;
        std::map<QString, QString> values;
        while (q.executeStep()) {
            values[sql::text(q, 0)] = sql::text(q, 1);
        }
        if (!values.count(QStringLiteral("shop_name"))) {
            return Error::notFound(QStringLiteral("This database has no shop yet; run: shopdeskctl init --shop NAME"));
        }
        Shop s;
        s.name = values[QStringLiteral("shop_name")];
        s.platform = values[QStringLiteral("shop_platform")];
        const QByteArray tz = values[QStringLiteral("shop_timezone")].toUtf8();
        if (QTimeZone zone(tz); zone.isValid()) {
            s.timeZone = zone;
        }
        return s;
    } catch (const std::exception& e) {
        return sqliteError(e, "read the shop settings");
    }
}

Status SqliteShopRepository::initialise(const Shop& shop)
{
    if (shop.name.trimmed().isEmpty()) {
        return Error::invalid(QStringLiteral("The shop name must not be empty."));
    }
    auto future = m_store.writer().submit<std::monostate>([shop](SqliteConnection& c) -> Result<std::monostate> {
        auto existingHandle = c.statement("SELECT value FROM meta WHERE key = 'shop_name'");
        auto& existing = *existingHandle;
        if (existing.executeStep()) {
            return Error::invalid(
                QStringLiteral("This database already belongs to the shop '%1'.").arg(sql::text(existing, 0)));
        }
        existing.reset();
        auto setHandle = c.statement("INSERT INTO meta(key, value) VALUES(?1, ?2)");
        auto& set = *setHandle;
        const std::pair<const char*, QString> rows[] = {
            {"shop_name", shop.name.trimmed()},
            {"shop_platform", shop.platform},
            {"shop_timezone", QString::fromUtf8(shop.timeZone.id())},
        };
        for (const auto& [key, value] : rows) {
            set.reset();
            set.bind(1, key);
            sql::bind(set, 2, value);
            set.exec();
        }
        return std::monostate{};
    });
    future.waitForFinished();
    const auto result = future.result();
    if (!result) {
        return result.error();
    }
    return {};
}

Result<QString> SqliteShopRepository::metaValue(const char* key)
{
    return m_store.read<QString>("read the store settings", [key](SqliteConnection& c) -> Result<QString> {
        auto qHandle = c.statement("SELECT value FROM meta WHERE key = ?1");
        qHandle->bind(1, key);
        return qHandle->executeStep() ? sql::text(*qHandle, 0) : QString();
    });
}

Result<QString> SqliteShopRepository::storeId()
{
    auto id = metaValue("store_id");
    if (id && id->isEmpty()) {
        return Error::internal(QStringLiteral("The database has no store id."));
    }
    return id;
}

Result<QString> SqliteShopRepository::keyLocation()
{
    return metaValue("key_location");
}

Result<QString> SqliteShopRepository::claimKeyLocation(const QString& location)
{
    return m_store.writeAndWait<QString>([location](SqliteConnection& c) -> Result<QString> {
        auto insertHandle =
            c.statement("INSERT INTO meta(key, value) VALUES('key_location', ?1) ON CONFLICT(key) DO NOTHING");
        sql::bind(*insertHandle, 1, location);
        insertHandle->exec();
        auto readHandle = c.statement("SELECT value FROM meta WHERE key = 'key_location'");
        readHandle->executeStep();
        return sql::text(*readHandle, 0);
    });
}

} // namespace shopdesk::store
