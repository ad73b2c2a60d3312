#pragma once

#include "core/Timestamp.h"
#include "domain/AgentReport.h"
#include "services/reports/ReportRepository.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace shopdesk {

/// The per-agent report over a window [from, to): turns from the conversations' messages, sales from
/// paid orders and successful refunds. Pure: the messages, orders and refunds are fed in (messages
/// grouped by conversation, in time order); attribution of orders to agents is given by the caller.
class AgentReportCalculator {
public:
    static constexpr qint64 kUnansweredMs = 1800 * 1000;

    /// `zone`: the shop's time zone, for the turns-by-hour count (each message's own offset, so a
    /// period across a daylight-saving change counts every hour where the shop's clock showed it).
    AgentReportCalculator(Timestamp from, Timestamp to, int slowSeconds,
                          QTimeZone zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai")));

    /// The next message (conversation by conversation, each in time order).
    void add(const ReportMessage& m);
    /// An order paid in the window, attributed to `agent` (empty: nobody).
    void addPaidOrder(const ReportOrder& order, const QString& agent);
    /// A successful refund created in the window on an order attributed to `agent` (empty: nobody).
    void addRefund(const ReportRefund& refund, const QString& agent);

    /// The lines, agents sorted by Unicode code point.
    AgentReport finish();

private:
    struct Turn {
        qint64 startMs = 0;
        QString lastAgentBefore;
        bool first = false;
    };
    struct Totals {
        std::set<qint64> conversations;
        qint64 replies = 0;
        qint64 turnsAnswered = 0;
        double responseSum = 0;
        double firstResponseSum = 0;
        qint64 firstResponses = 0;
        qint64 slowReplies = 0;
        qint64 unanswered30m = 0;
        qint64 orders = 0;
        Fen salesFen = 0;
        std::set<qint64> inquiring;
        std::set<qint64> converted;
        std::array<qint64, 6> buckets{};
    };
    bool inWindow(qint64 ms) const { return ms >= m_from && ms < m_to; }
    /// The hour of the day (0–23) the shop's clock showed at `ms`.
    int shopHour(qint64 ms);
    void closeConversation();
    void answered(const Turn& t, const QString& agent, qint64 atMs);
    Totals& totals(const QString& agent) { return m_totals[agent]; }

    qint64 m_from;
    qint64 m_to;
    qint64 m_slowMs;
    QTimeZone m_zone;
    QHash<qint64, qint64> m_offsetOfHour; ///< UTC hour -> the zone's offset then (ms)
    std::array<qint64, 24> m_turnsByHour{};
    // The conversation being read.
    qint64 m_conversation = -1;
    qint64 m_buyer = 0;
    bool m_seenAny = false;
    bool m_turnsStarted = false;
    Sender m_prev = Sender::System;
    QString m_lastAgent;
    std::optional<Turn> m_open;
    std::map<QString, Totals> m_totals;
    std::vector<std::pair<qint64, QString>> m_paidBuyers; ///< (buyer, agent) of attributed orders
};

} // namespace shopdesk
