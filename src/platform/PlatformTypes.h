#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"
#include "domain/Order.h"
#include "domain/Session.h"

#include <QByteArray>
#include <QString>

#include <bitset>
#include <optional>
#include <variant>

namespace shopdesk::platform {

/// What an adapter can do. A real platform's public API may offer orders but not chat; services
/// and the UI ask before offering an action, and hide what the adapter cannot do.
enum class Capability {
    Chat,         ///< the incoming message stream and sending messages
    ChatTransfer, ///< moving a conversation to a colleague or group
    ChatClose,
    AgentStatus, ///< online / away / offline feeds the platform's routing
    BuyerProfile,
    Orders, ///< a buyer's orders and order detail
    Remark, ///< seller remark and flag
    ModifyAddress,
    ModifyPrice,
    Refunds,      ///< refunds of an order
    RefundDecide, ///< agree / refuse
    Logistics,
    Reviews,
    ReviewReply,
    OrderCard,  ///< send an order card into the chat
    TeamStatus, ///< every agent's online / away / offline (the supervisor's live queue)
    Count
};
using Capabilities = std::bitset<static_cast<std::size_t>(Capability::Count)>;

inline Capabilities capabilities(std::initializer_list<Capability> list)
{
    Capabilities c;
    for (Capability x : list) {
        c.set(static_cast<std::size_t>(x));
    }
    return c;
}
inline bool has(const Capabilities& c, Capability x)
{
    return c.test(static_cast<std::size_t>(x));
}

/// A failure reported by a platform, typed so that callers can retry the transient ones and show
/// the others as one clear sentence.
struct PlatformError {
    enum class Kind {
        AuthExpired, ///< the shop must authorise ShopDesk again
        RateLimited, ///< retry after `retryAfterSecs`
        NotFound,
        InvalidState, ///< e.g. changing the address after shipping
        Network,
        Platform, ///< anything else, with the platform's own code and message
    };
    Kind kind = Kind::Platform;
    QString message;
    std::optional<int> retryAfterSecs;
    QString platformCode;

    bool transient() const { return kind == Kind::RateLimited || kind == Kind::Network; }
    /// One sentence for the user.
    QString sentence() const;
    /// As a core Error (the code a CLI or service reports).
    Error toError() const;
};

/// A platform answer: a value or a typed error.
template <typename T>
struct PlatformResult {
    std::optional<T> value;
    std::optional<PlatformError> error;

    static PlatformResult ok(T v) { return {std::move(v), std::nullopt}; }
    static PlatformResult fail(PlatformError e) { return {std::nullopt, std::move(e)}; }
    bool isOk() const { return value.has_value(); }
};
using PlatformStatus = PlatformResult<std::monostate>;

/// One event as the platform delivers it: a position in its stream and the payload in the
/// platform's own format. The adapter decodes payloads; the pipeline acknowledges positions.
struct RawEvent {
    qint64 cursor = 0;
    QByteArray payload;
};

/// A new receiver address (buyer personal data; sealed again once the platform confirms it).
using Address = Receiver;

enum class AgentPresence { Online, Away, Offline };

/// An agent's status as the platform's routing sees it.
struct AgentState {
    QString agent;
    AgentPresence presence = AgentPresence::Offline;
};

/// A buyer's public profile.
struct BuyerProfile {
    QString nick;
    QString level; ///< platform membership level
    int ordersPlaced = 0;
    Timestamp firstSeen;
};

} // namespace shopdesk::platform
