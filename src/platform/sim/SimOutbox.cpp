#include "platform/sim/SimOutbox.h"

namespace shopdesk::platform::sim {

void SimOutbox::push(QByteArray payload)
{
    const qint64 cursor = m_next++;
    if (cursor > m_acknowledged) { // a resumed stream regenerates what was stored before: drop it
        m_events.push_back({cursor, std::move(payload)});
    }
}

std::vector<RawEvent> SimOutbox::fetch(qint64 after, int max) const
{
    std::vector<RawEvent> out;
    if (m_events.empty()) {
        return out;
    }
    const qint64 first = m_events.front().cursor;
    const qint64 start = std::max<qint64>(after + 1, first);
    for (qint64 c = start; c < m_next && static_cast<int>(out.size()) < max; ++c) {
        out.push_back(m_events[static_cast<std::size_t>(c - first)]);
    }
    return out;
}

void SimOutbox::acknowledge(qint64 cursor)
{
    while (!m_events.empty() && m_events.front().cursor <= cursor) {
        m_events.pop_front();
    }
    m_acknowledged = std::max(m_acknowledged, cursor);
}

} // namespace shopdesk::platform::sim
