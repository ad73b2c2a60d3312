#pragma once

#include <QHashFunctions>
#include <QtGlobal>

#include <compare>
#include <functional>

namespace shopdesk {

/// A typed integer key: a ConversationId cannot be passed where a BuyerId is expected.
/// 0 means "no id" (SQLite rowids start at 1).
template <typename Tag>
class StrongId {
public:
    constexpr StrongId() = default;
    constexpr explicit StrongId(qint64 value)
        : m_value(value)
    {
    }
    constexpr qint64 value() const { return m_value; }
    constexpr bool isValid() const { return m_value != 0; }
    constexpr auto operator<=>(const StrongId&) const = default;

private:
    qint64 m_value = 0;
};

template <typename Tag>
size_t qHash(StrongId<Tag> id, size_t seed = 0)
{
    return ::qHash(id.value(), seed);
}

using ShopId = StrongId<struct ShopIdTag>;
using AccountId = StrongId<struct AccountIdTag>;
using RoleId = StrongId<struct RoleIdTag>;
using BuyerId = StrongId<struct BuyerIdTag>;
using ConversationId = StrongId<struct ConversationIdTag>;
/// Time-ordered: (whole seconds since epoch << 31) | sequence within that second.
using MessageId = StrongId<struct MessageIdTag>;
using OrderId = StrongId<struct OrderIdTag>;
using RefundId = StrongId<struct RefundIdTag>;
using QuickReplyId = StrongId<struct QuickReplyIdTag>;

} // namespace shopdesk

template <typename Tag>
struct std::hash<shopdesk::StrongId<Tag>> {
    size_t operator()(shopdesk::StrongId<Tag> id) const noexcept { return std::hash<qint64>()(id.value()); }
};
