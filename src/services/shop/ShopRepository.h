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
};

} // namespace shopdesk
