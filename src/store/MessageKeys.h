#pragma once

#include "domain/Message.h"

#include <QtGlobal>

namespace shopdesk::store::keys {

/// Message ids are (seconds since epoch << 31) | sequence within that second.
constexpr int kSequenceBits = 31;
constexpr qint64 firstIdOfSecond(qint64 secs)
{
    return secs << kSequenceBits;
}
constexpr qint64 secondOfId(qint64 id)
{
    return id >> kSequenceBits;
}

/// Earliest and latest times a message may carry (ids stay positive and ordered).
constexpr qint64 kMinSecs = 946684800;  // 2000-01-01
constexpr qint64 kMaxSecs = 4102444800; // 2100-01-01

/// The deduplication key of a message: from the platform's message id when it has one, else from
/// conversation + time + sender + text. `salt` > 0 separates the rare 64-bit hash collisions.
qint64 dedupKey(const IncomingMessage& m, int salt = 0);

} // namespace shopdesk::store::keys
