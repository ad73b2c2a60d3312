#pragma once

// Private parts of SimulatedShop shared by its two implementation files.

#include "platform/sim/SimulatedShop.h"

namespace shopdesk::platform::sim {

enum ActionKind {
    kArrival,
    kBuyerTurn,
    kBotReply,
    kPatience,
    kBotClose,
    kComeback,
    kPayOrder,
    kShipOrder,
    kTraceStep,
    kConfirmOrder,
    kReviewOrder,
    kAutoCloseUnpaid,
    kRefundDecision,
};

struct SimulatedShop::Action {
    qint64 t;
    qint64 seq;
    int kind;
    int buyer;
    QString ref;
    qint64 since = 0;
    bool operator>(const Action& o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

struct SimulatedShop::SimBuyer {
    QString nick;
    QString conversation;
    Receiver receiver;
    routing::BuyerIdx routingIdx = 0;
    routing::GroupIdx entryGroup = routing::kNoGroup;
    SimScripts::Script script;
    int turn = 0;
    bool present = false;
    bool nudged = false;
    bool everChatted = false;
    qint64 lastBuyerMessageAt = -1;
    qint64 lastAgentReplyAt = -1;
    qint64 firstSeen = 0;
    std::vector<QString> orders;
};

struct SimulatedShop::SimOrder {
    Order order;
    Receiver receiver; ///< in clear: the platform knows it
    QString carrier;
    QString waybill;
    int traceSteps = 0;
    int traceDone = 0;
    std::vector<LogisticsEvent> trace;
    std::vector<QString> refunds;
    std::optional<Review> review;
    int buyer = -1;
};

/// The simulated platform's status words (mapped onto Taobao's by SimEventDecoder).
const char* simOrderStatus(OrderStatus s);
const char* simRefundStatus(RefundStatus s);
QString yuanText(Fen fen);

} // namespace shopdesk::platform::sim
