#pragma once

#include "platform/PlatformTypes.h"

#include <QByteArray>

#include <deque>
#include <vector>

namespace shopdesk::platform::sim {

/// The simulated platform's event stream: numbered from 1, kept until acknowledged, fetched
/// after any cursor. Payloads are JSON in the sim's own vocabulary (topics like trade.paid), which
/// SimEventDecoder maps onto ShopDesk records like a real adapter would.
class SimOutbox {
public:
    void push(QByteArray payload);
    std::vector<RawEvent> fetch(qint64 after, int max) const;
    void acknowledge(qint64 cursor);

    qint64 lastCursor() const { return m_next - 1; }
    qint64 acknowledged() const { return m_acknowledged; }
    std::size_t pending() const { return m_events.size(); }

private:
    std::deque<RawEvent> m_events; ///< cursors m_acknowledged+1 ... m_next-1
    qint64 m_next = 1;
    qint64 m_acknowledged = 0;
};

} // namespace shopdesk::platform::sim
