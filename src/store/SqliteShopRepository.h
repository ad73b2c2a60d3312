#pragma once

#include "services/shop/ShopRepository.h"

namespace shopdesk::store {

class SqliteStore;

/// Shop facts in the meta table (shop_name, shop_platform, shop_timezone).
class SqliteShopRepository final : public ShopRepository {
public:
    explicit SqliteShopRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Result<Shop> shop() override;
    Status initialise(const Shop& shop) override;
    Result<QString> storeId() override;
    Result<QString> keyLocation() override;
    Result<QString> claimKeyLocation(const QString& location) override;

private:
    Result<QString> metaValue(const char* key);
    SqliteStore& m_store;
};

} // namespace shopdesk::store
