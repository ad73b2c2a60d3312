#pragma once

#include "core/Timestamp.h"

#include <QString>

#include <optional>

namespace shopdesk {

/// A routing decision about a conversation, as the platform reports it: assigned to an agent
/// (free, queue, overflow, repeat entry, transfer), queued, or closed (timeout, manual).
struct SessionEvent {
    enum class Kind { Assigned = 0, Queued = 1, Closed = 2 };
    QString platform = QStringLiteral("sim");
    QString eventId; ///< the platform's id: the same event delivered twice is stored once
    QString conversationKey;
    QString buyerNick;
    Kind kind = Kind::Assigned;
    QString agent;
    QString reason; ///< Queued: "all_busy" (every eligible agent at the limit) or "nobody_online"
    /// Queued: the routing group the buyer waits for (empty: anyone in the shop).
    QString group;
    int position = 0;
    std::optional<int> waitSecs;
    Timestamp at;
};

/// A buyer's review of an order.
struct Review {
    QString platform = QStringLiteral("sim");
    QString orderNo;
    QString buyerNick;
    int rating = 5; ///< 1 (bad) to 5 (good)
    QString text;
    Timestamp at;
    QString reply;
};

} // namespace shopdesk
