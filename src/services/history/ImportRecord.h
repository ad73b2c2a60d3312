#pragma once

#include "domain/Import.h"
#include "domain/Message.h"
#include "domain/Order.h"
#include "domain/Session.h"

#include <QString>

#include <variant>
#include <vector>

namespace shopdesk {

/// One record of history: what an import file line or a platform event carries into the store.
using ImportRecord = std::variant<IncomingMessage, Order, Refund, SessionEvent, LogisticsEvent, Review>;

} // namespace shopdesk
