#pragma once

#include "core/Result.h"
#include "services/history/ImportRecord.h"

#include <QByteArray>

#include <vector>

namespace shopdesk::platform::sim {

/// Maps one event of the simulated platform (its own JSON vocabulary: chat.message, chat.session,
/// trade.*, refund.*, logistics.trace, review; statuses like "paid", money as yuan strings) onto
/// ShopDesk records and states. Invalid, naming the problem but never quoting content, for
/// anything malformed.
Result<std::vector<ImportRecord>> decodeSimEvent(const QByteArray& payload);

} // namespace shopdesk::platform::sim
