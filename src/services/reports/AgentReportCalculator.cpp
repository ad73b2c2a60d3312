#include "services/reports/AgentReportCalculator.h"

#include <QDateTime>
#include <QList>

#include <algorithm>
#include <cmath>

namespace shopdesk {

AgentReportCalculator::AgentReportCalculator(Timestamp from, Timestamp to, int slowSeconds, QTimeZone zone)
    : m_from(from.ms())
    , m_to(to.ms())
    , m_slowMs(static_cast<qint64>(slowSeconds) * 1000)
    , m_zone(std::move(zone))
{
}

int AgentReportCalculator::shopHour(qint64 ms)
{
    constexpr qint64 kHourMs = 3'600'000;
    constexpr qint64 kDayMs = 86'400'000;
    // Offsets change on hour boundaries in practice; one lookup per UTC hour keeps the count fast.
    const qint64 utcHour = ms >= 0 ? ms / kHourMs : (ms - kHourMs + 1) / kHourMs;
    auto it = m_offsetOfHour.constFind(utcHour);
    if (it == m_offsetOfHour.cend()) {
        const qint64 offset =
            static_cast<qint64>(m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()))) * 1000;
        it = m_offsetOfHour.insert(utcHour, offset);
    }
    const qint64 local = ((ms + *it) % kDayMs + kDayMs) % kDayMs;
    return static_cast<int>(local / kHourMs);
}

void AgentReportCalculator::answered(const Turn& t, const QString& agent, qint64 atMs)
{
    if (!inWindow(t.startMs)) {
        return;
    }
    Totals& a = totals(agent);
    const qint64 response = atMs - t.startMs;
    ++a.turnsAnswered;
    a.responseSum += static_cast<double>(response) / 1000.0;
    if (t.first) {
        a.firstResponseSum += static_cast<double>(response) / 1000.0;
        ++a.firstResponses;
    }
    if (response > m_slowMs) {
        ++a.slowReplies;
    }
    if (response > kUnansweredMs) {
        ++a.unanswered30m;
    }
    a.inquiring.insert(m_buyer);
    std::size_t bucket = 0;
    while (bucket < AgentPerformance::bucketLimitsSecs().size() &&
           response > AgentPerformance::bucketLimitsSecs()[bucket] * 1000) {
        ++bucket;
    }
    ++a.buckets[bucket];
}

void AgentReportCalculator::closeConversation()
{
    if (m_open && inWindow(m_open->startMs) && !m_open->lastAgentBefore.isEmpty()) {
        // Never answered: credited to the agent who spoke last before it.
        Totals& a = totals(m_open->lastAgentBefore);
        if (m_open->startMs < m_to - kUnansweredMs) {
            ++a.unanswered30m;
        }
    }
    m_open.reset();
    m_seenAny = false;
    m_turnsStarted = false;
    m_prev = Sender::System;
    m_lastAgent.clear();
}

void AgentReportCalculator::add(const ReportMessage& m)
{
    if (m.conversation != m_conversation) {
        closeConversation();
        m_conversation = m.conversation;
        m_buyer = m.buyer;
    }
    if (m.sender == Sender::System) {
        return; // system lines neither start nor answer turns
    }
    if (m.sender == Sender::Buyer) {
        if (!m_open && (!m_seenAny || m_prev == Sender::Agent)) {
            m_open = Turn{m.sentAtMs, m_lastAgent, !m_turnsStarted};
            m_turnsStarted = true;
            if (inWindow(m.sentAtMs)) {
                ++m_turnsByHour[static_cast<std::size_t>(shopHour(m.sentAtMs))];
            }
        }
    } else {
        if (inWindow(m.sentAtMs)) {
            Totals& a = totals(m.agent);
            ++a.replies;
            a.conversations.insert(m.conversation);
        }
        if (m_open) {
            answered(*m_open, m.agent, m.sentAtMs);
            m_open.reset();
        }
        m_lastAgent = m.agent;
    }
    m_prev = m.sender;
    m_seenAny = true;
}

void AgentReportCalculator::addPaidOrder(const ReportOrder& order, const QString& agent)
{
    if (agent.isEmpty()) {
        return;
    }
    Totals& a = totals(agent);
    ++a.orders;
    a.salesFen += order.amountFen;
    m_paidBuyers.emplace_back(order.buyer, agent);
}

void AgentReportCalculator::addRefund(const ReportRefund& refund, const QString& agent)
{
    if (!agent.isEmpty()) {
        totals(agent).salesFen -= refund.amountFen;
    }
}

AgentReport AgentReportCalculator::finish()
{
    closeConversation();
    m_conversation = -1;
    for (const auto& [buyer, agent] : m_paidBuyers) {
        Totals& a = totals(agent);
        if (a.inquiring.count(buyer)) {
            a.converted.insert(buyer);
        }
    }
    auto round1 = [](double v) { return std::round(v * 10.0) / 10.0; };
    std::vector<AgentPerformance> out;
    for (const auto& [agent, t] : m_totals) {
        AgentPerformance p;
        p.agent = agent;
        p.conversations = static_cast<qint64>(t.conversations.size());
        p.replies = t.replies;
        p.turnsAnswered = t.turnsAnswered;
        if (t.turnsAnswered > 0) {
            p.responseAvgSecs = round1(t.responseSum / static_cast<double>(t.turnsAnswered));
        }
        if (t.firstResponses > 0) {
            p.firstResponseAvgSecs = round1(t.firstResponseSum / static_cast<double>(t.firstResponses));
        }
        p.slowReplies = t.slowReplies;
        p.unanswered30m = t.unanswered30m;
        p.orders = t.orders;
        p.salesFen = t.salesFen;
        p.inquiringBuyers = static_cast<qint64>(t.inquiring.size());
        p.convertedBuyers = static_cast<qint64>(t.converted.size());
        p.responseBuckets = t.buckets;
        p.conversionRate = p.inquiringBuyers == 0 ? 0.0
                                                  : std::round(static_cast<double>(p.convertedBuyers) /
                                                               static_cast<double>(p.inquiringBuyers) * 10000.0) /
                                                        10000.0;
        out.push_back(std::move(p));
    }
    // std::map<QString> orders by UTF-16 code units; the report's order is by code point.
    std::sort(out.begin(), out.end(),
              [](const AgentPerformance& a, const AgentPerformance& b) { return a.agent.toUcs4() < b.agent.toUcs4(); });
    return {std::move(out), m_turnsByHour};
}

} // namespace shopdesk
