#pragma once

#include "core/Timestamp.h"
#include "domain/Message.h"
#include "domain/Money.h"

#include <QStringList>

#include <optional>

namespace shopdesk {

/// A conversation as the workbench's list shows it.
struct ConversationSummary {
    enum class State { Active, Queued, Closed };
    ConversationId id;
    QString platform;
    QString key;
    QString buyerNick;
    QString grade;
    QStringList tags;
    State state = State::Closed;
    QString agent; ///< who has it (Active), or had it last
    Timestamp stateSince;
    MessageId lastMessageId;
    Timestamp lastMessageAt;
    Sender lastSender = Sender::System;
    QString preview; ///< the last message, first line, at most 60 characters
    /// The buyer's first message since the last agent message, when unanswered.
    std::optional<Timestamp> waitingSince;
    /// Queued: the routing engine's estimate when the buyer joined the queue.
    std::optional<int> queueEstimateSecs;
    /// Queued: the group waited for (empty: anyone) and why ("all_busy", "nobody_online").
    QString queueGroup;
    QString queueReason;
    /// Buyer messages after the reader's read mark (filled for the reader's own list).
    int unread = 0;

    bool operator==(const ConversationSummary&) const = default;
};

/// The shop's queue right now.
struct QueueSnapshot {
    int length = 0;
    std::optional<Timestamp> oldestSince;
    /// The routing engine's estimate for the most recently queued buyer.
    std::optional<int> latestEstimateSecs;

    bool operator==(const QueueSnapshot&) const = default;
};

/// What a shop keeps about a buyer beyond the platform's profile.
struct BuyerNotes {
    QString grade; ///< "", "VIP", "A", "B", "C"
    QStringList tags;
};

/// An order that needs chasing.
struct FollowUp {
    enum class Kind { Unpaid, Unshipped, StaleTrace };
    Kind kind = Kind::Unpaid;
    QString platform;
    QString orderNo;
    QString buyerNick;
    Fen amountFen = 0;
    Timestamp since; ///< created (unpaid), paid (unshipped), or the last trace step (stale)
};

/// When an order needs chasing (settings followup.*; the shops' usual rules by default).
struct FollowUpRules {
    int unpaidHours = 24;
    int unshippedHours = 48;
    int staleTraceHours = 72;
    /// Buyers the agent served in this many days count as theirs.
    int servedDays = 7;
};

} // namespace shopdesk
