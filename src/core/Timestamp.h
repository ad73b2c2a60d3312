#pragma once

#include <QtGlobal>

#include <compare>

namespace shopdesk {

/// A point in time: milliseconds since the Unix epoch, UTC. Cheap to copy and compare; the store keeps
/// exactly this number. Rendering in a shop's time zone is IsoTime's job.
class Timestamp {
public:
    constexpr Timestamp() = default;
    static constexpr Timestamp fromMs(qint64 ms) { return Timestamp(ms); }
    static constexpr Timestamp fromSecs(qint64 secs) { return Timestamp(secs * 1000); }

    constexpr qint64 ms() const { return m_ms; }
    /// Whole seconds, rounded towards negative infinity.
    constexpr qint64 secs() const { return m_ms >= 0 ? m_ms / 1000 : -((-m_ms + 999) / 1000); }

    constexpr Timestamp addMs(qint64 ms) const { return Timestamp(m_ms + ms); }
    constexpr Timestamp addSecs(qint64 secs) const { return Timestamp(m_ms + secs * 1000); }

    constexpr auto operator<=>(const Timestamp&) const = default;

private:
    constexpr explicit Timestamp(qint64 ms)
        : m_ms(ms)
    {
    }
    qint64 m_ms = 0;
};

} // namespace shopdesk
