#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace shopdesk::routing {

using BuyerIdx = std::int32_t;
using AgentIdx = std::int32_t;
/// -1: the buyer names no group (shop-wide entry) / the agent is in no group.
using GroupIdx = std::int32_t;
constexpr GroupIdx kNoGroup = -1;

enum class AgentStatus { Online, Away, Offline };
enum class Reason { Free, Queue, Overflow, RepeatEntry, RepeatEntryGroup, Transfer };
enum class CloseReason { Timeout, Manual, Left };

const char* reasonName(Reason r);
const char* statusName(AgentStatus s);
std::optional<AgentStatus> statusFromName(QStringView name);

/// The routing settings a supervisor saves (domain.md §2). Effective immediately.
struct Settings {
    enum class Queue { Shop, Off, Groups };
    Queue queue = Queue::Shop;
    /// With Queue::Groups: the groups whose buyers queue.
    QStringList queueGroups;
    int sessionEndMinutes = 10;
    /// 0 = a returning buyer always queues again.
    int repeatEntryMinutes = 30;
    int handlingMinutes = 5;
};

struct GroupConfig {
    QString name;
    int limit = 0; ///< default reception limit of the group's agents
};

struct AgentConfig {
    QString name;
    QString group;            ///< empty: in no group
    std::optional<int> limit; ///< overrides the group's limit when set
    AgentStatus status = AgentStatus::Offline;
};

/// One decision of the engine, with indices (names are looked up by the caller).
struct Decision {
    enum class Kind { Assigned, Queued, Closed };
    Kind kind = Kind::Assigned;
    std::int64_t t = 0;
    BuyerIdx buyer = 0;
    AgentIdx agent = -1;
    Reason reason = Reason::Free;                   ///< Assigned
    CloseReason closeReason = CloseReason::Timeout; ///< Closed
    int position = 0;                               ///< Queued: 1-based
    std::optional<std::int64_t> estimatedWaitSecs;  ///< Queued
};

/// Receives decisions as the engine makes them.
class DecisionSink {
public:
    virtual ~DecisionSink() = default;
    virtual void decided(const Decision& d) = 0;
};

} // namespace shopdesk::routing
