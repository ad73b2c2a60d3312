#include "core/Clock.h"

#include <QDateTime>

namespace shopdesk {

Timestamp SystemClock::now() const
{
    return Timestamp::fromMs(QDateTime::currentMSecsSinceEpoch());
}

} // namespace shopdesk
