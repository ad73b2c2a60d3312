#pragma once

#include "core/Timestamp.h"

#include <QString>

#include <bitset>
#include <initializer_list>

// What a shop platform can do and the agents' statuses on it: value types the workbench mirrors
// (it hides what the shop's adapter cannot do), kept here so that the session's users need no
// platform headers.
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

enum class AgentPresence { Online, Away, Offline };

/// An agent's status as the platform's routing sees it.
struct AgentState {
    QString agent;
    AgentPresence presence = AgentPresence::Offline;
    int load = 0;             ///< buyers the agent serves now
    std::optional<int> limit; ///< the reception limit the platform applies, when it says
    QString group;            ///< the routing group the platform has the agent in (empty: none)
};

/// A buyer's public profile.
struct BuyerProfile {
    QString nick;
    QString level; ///< platform membership level
    int ordersPlaced = 0;
    Timestamp firstSeen;
};

} // namespace shopdesk::platform
