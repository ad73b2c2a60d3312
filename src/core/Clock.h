#pragma once

#include "core/Timestamp.h"

#include <atomic>

namespace shopdesk {

/// Where "now" comes from. Every time-dependent rule takes a Clock so tests can drive time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

/// The wall clock.
class SystemClock final : public Clock {
public:
    Timestamp now() const override;
};

/// A clock tests and simulations move by hand. Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Timestamp start = Timestamp::fromSecs(1'800'000'000))
        : m_ms(start.ms())
    {
    }
    Timestamp now() const override { return Timestamp::fromMs(m_ms.load()); }
    void set(Timestamp t) { m_ms.store(t.ms()); }
    void advanceSecs(qint64 secs) { m_ms.fetch_add(secs * 1000); }
    void advanceMs(qint64 ms) { m_ms.fetch_add(ms); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace shopdesk
