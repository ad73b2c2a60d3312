#pragma once

#include "core/Result.h"
#include "domain/Message.h"
#include "domain/Order.h"
#include "domain/RoutingConfig.h"
#include "domain/Session.h"
#include "platform/PlatformTypes.h"
#include "platform/sim/SimCatalogue.h"
#include "platform/sim/SimOutbox.h"
#include "platform/sim/SimScripts.h"
#include "routing/RoutingEngine.h"

#include <QHash>

#include <map>
#include <memory>
#include <queue>
#include <random>

namespace shopdesk::platform::sim {

struct SimConfig {
    quint64 seed = 1;
    QString shopName = QStringLiteral("果果旗舰店");
    /// New buyer visits per simulated minute (a Poisson stream).
    double buyersPerMinute = 6.0;
    /// The real time of simulated second 0.
    Timestamp start;
    routing::Settings routing;
    std::vector<routing::GroupConfig> groups;
    std::vector<routing::AgentConfig> agents;
    /// Agents the simulation plays itself (online from the start); the others are people.
    QStringList botAgents;
    /// The groups buyers enter by what they ask: pre-sales questions and bargaining from a
    /// product page, after-sales and logistics from an order. Names of `groups`; empty: the
    /// buyer enters shop-wide. (Found by name, never by position: the store lists groups
    /// alphabetically, which put every pre-sales buyer in the after-sales queue.)
    QString presalesGroup;
    QString aftersalesGroup;
    /// Share of extra malformed events in the stream (to exercise rejection).
    double malformedRate = 0;
    /// Share of agent operations that first fail with a transient error (to exercise retries).
    double transientErrorRate = 0;
};

/// Fills unnamed entry groups by their usual names (presales/售前, aftersales/售后), then by
/// what is left: never by position alone.
void resolveEntryGroups(SimConfig& c);

/// Counts for the run summary.
struct SimStats {
    qint64 buyers = 0;
    qint64 visits = 0;
    qint64 messagesIn = 0;  ///< buyer messages
    qint64 messagesOut = 0; ///< agent messages
    qint64 conversationsWithMessages = 0;
    std::map<QString, qint64> ordersByState;
    std::map<QString, qint64> refundsByStatus;
    std::map<QString, qint64> assignmentsByReason;
    /// Visits by what the buyer came for ("presales", "aftersales") and the group entered
    /// ("" for shop-wide).
    std::map<QString, std::map<QString, qint64>> entriesByPurpose;
    qint64 queued = 0;
    qint64 left = 0;
    qint64 events = 0;
    qint64 malformed = 0;
    qint64 transientFailures = 0;
    qint64 invariantViolations = 0;
};

/// The embedded simulated shop: a deterministic (seeded) discrete-event simulation of buyers,
/// bot agents, orders, refunds, logistics and reviews, routed by the real routing engine. It knows
/// nothing of threads or clocks: callers advance its time (seconds since `start`) and read its
/// event stream; agents act on it through the operations below, which answer at once.
class SimulatedShop {
public:
    static Result<std::unique_ptr<SimulatedShop>> create(SimConfig config, const EcdCorpus& corpus);
    ~SimulatedShop();

    /// Runs everything due up to simulated second `t`.
    void advanceTo(qint64 t);
    qint64 now() const { return m_now; }
    /// "sim:<seed>@<start>/<tag>": one simulated world's event stream.
    QString streamId() const;
    /// A short hash of everything that shapes the world (seed, start, rates, routing, agents).
    static QString worldTag(const SimConfig& config);
    /// Prefix of the platform ids of this world's messages.
    QString messageIdPrefix() const;
    SimOutbox& outbox() { return m_outbox; }
    const SimOutbox& outbox() const { return m_outbox; }
    const SimStats& stats() const { return m_stats; }
    /// Re-checks the invariants (engine loads, buyer states, order states); adds violations.
    int checkInvariants();
    const routing::RoutingEngine& engine() const { return *m_engine; }

    // Agent operations. Like a real platform, the shop refuses an agent's message into a chat another
    // agent holds or to a buyer still in the queue.
    PlatformStatus sendMessage(const QString& agent, const QString& buyer, const QString& text,
                               const QString& cardOrderNo = {});
    /// Refused unless the buyer's chat is `agent`'s, or `supervising`.
    PlatformStatus transfer(const QString& agent, const QString& buyer, const QString& toAgent, const QString& toGroup,
                            const QString& note, bool supervising);
    PlatformStatus closeConversation(const QString& agent, const QString& buyer, const QString& closingLine);
    PlatformStatus setPresence(const QString& agent, AgentPresence presence);
    /// The shop's new routing, effective from the next decision: settings, the limits of the groups
    /// and agents the world knows (the queue is re-examined, so a raised limit takes a waiting buyer).
    PlatformStatus applyRouting(const RoutingConfig& config);
    /// New buyers a minute from now on (0 stops arrivals; the buyers here stay).
    PlatformStatus setBuyersPerMinute(double perMinute);
    PlatformStatus setRemark(const QString& orderNo, const QString& remark, int flag, const QString& flaggedBy);
    PlatformStatus modifyAddress(const QString& orderNo, const Receiver& address);
    PlatformStatus modifyPrice(const QString& orderNo, Fen amountFen);
    PlatformStatus agreeRefund(const QString& refundNo);
    PlatformStatus refuseRefund(const QString& refundNo, const QString& reason);
    PlatformStatus replyReview(const QString& orderNo, const QString& reply);

    // Queries.
    std::optional<Order> order(const QString& orderNo) const;
    std::vector<Order> ordersOf(const QString& buyer) const;
    std::vector<Refund> refundsOf(const QString& orderNo) const;
    std::vector<LogisticsEvent> logistics(const QString& orderNo) const;
    std::vector<Review> reviewsOf(const QString& orderNo) const;
    std::optional<BuyerProfile> profile(const QString& buyer) const;
    /// Buyers whose conversation `agent` holds now.
    QStringList buyersOf(const QString& agent) const;
    /// Every agent's status in the routing engine.
    std::vector<AgentState> teamStatus() const;
    /// Every order and refund of the world, by number (tests, the demo's live views).
    std::vector<Order> allOrders() const;
    std::vector<Refund> allRefunds() const;

private:
    struct SimBuyer;
    struct SimOrder;
    struct Action;
    class RoutingSink;
    /// Marks calls the simulation's bots make (no simulated network failures for them).
    struct BotActing {
        explicit BotActing(SimulatedShop& s)
            : shop(s)
        {
            ++shop.m_botActing;
        }
        ~BotActing() { --shop.m_botActing; }
        BotActing(const BotActing&) = delete;
        BotActing& operator=(const BotActing&) = delete;
        SimulatedShop& shop;
    };

    explicit SimulatedShop(SimConfig config, const EcdCorpus& corpus);

    // Chat (SimulatedShop.cpp).
    void run(const Action& a);
    void schedule(qint64 t, int kind, int buyer, const QString& ref = {});
    void arrival(int chain);
    void buyerSays(int b, const QString& text);
    /// The engine's index of the group named `name` (kNoGroup when empty or unknown).
    routing::GroupIdx entryGroup(const QString& name) const;
    void buyerTurn(int b);
    void botReply(int b);
    void patience(int b, qint64 since);
    void botClose(int b);
    void comeback(int b);
    void scriptFinished(int b);
    void onDecision(const routing::Decision& d);
    void emitMessage(int b, Sender sender, const QString& agent, const QString& text, const QString& card = {});
    void emitSession(int b, SessionEvent::Kind kind, const QString& agent, const QString& reason, int position,
                     std::optional<qint64> wait, const QString& group = {});
    void publish(QByteArray payload);
    QString nextEventId();
    bool isBot(routing::AgentIdx a) const;
    std::optional<PlatformError> transientFailure();
    Timestamp at() const { return m_config.start.addSecs(m_now); }

    // Orders (SimulatedShopOrders.cpp).
    void placeOrder(int b);
    void orderStep(const QString& orderNo, int kind);
    void requestRefund(int b);
    void emitOrder(const SimOrder& o, const char* topic);
    void emitRefund(const Refund& r, const char* topic);
    void setOrderStatus(SimOrder& o, OrderStatus s);

    SimConfig m_config;
    QString m_tag;
    const EcdCorpus& m_corpus;
    SimCatalogue m_catalogue;
    SimScripts m_scripts;
    std::mt19937_64 m_rng;
    std::unique_ptr<routing::RoutingEngine> m_engine;
    std::unique_ptr<RoutingSink> m_sink;
    std::vector<SimBuyer> m_buyers;
    QHash<QString, int> m_buyerByNick;
    std::map<QString, SimOrder> m_orders;
    std::map<QString, Refund> m_refunds;
    std::priority_queue<Action, std::vector<Action>, std::greater<>> m_actions;
    qint64 m_actionSeq = 0;
    qint64 m_now = 0;
    int m_botActing = 0;
    double m_nextArrival = 0; ///< simulated seconds, exact
    int m_arrivalChain = 0;   ///< the arrival events of the current rate
    qint64 m_messageSeq = 0;
    qint64 m_eventSeq = 0;
    qint64 m_orderSeq = 0;
    SimOutbox m_outbox;
    SimStats m_stats;
};

} // namespace shopdesk::platform::sim
