#pragma once

#include "core/Result.h"
#include "domain/Shop.h"

namespace shopdesk {

/// The store's own facts: which shop it serves.
class ShopRepository {
public:
    virtual ~ShopRepository() = default;
    /// NotFound when the store was never initialised.
    virtual Result<Shop> shop() = 0;
    /// Records the shop of a new store; Invalid when the store already belongs to a shop.
    virtual Status initialise(const Shop& shop) = 0;
    /// A random id given to the database when it was created (names its key).
    virtual Result<QString> storeId() = 0;
    /// Where the master key is kept ("keychain", "file"), empty before it was created.
    virtual Result<QString> keyLocation() = 0;
    /// Records `location` unless one is recorded already; returns the recorded one.
    virtual Result<QString> claimKeyLocation(const QString& location) = 0;
};

} // namespace shopdesk
