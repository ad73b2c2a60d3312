#pragma once

#include "domain/Message.h"
#include "domain/Order.h"
#include "domain/Session.h"

#include <QString>

#include <variant>
#include <vector>

namespace shopdesk {

/// One record of history: what an import file line or a platform event carries into the store.
using ImportRecord = std::variant<IncomingMessage, Order, Refund, SessionEvent, LogisticsEvent, Review>;

/// A record the store or the parser refused, named by its line (or event sequence number).
struct ImportRejection {
    qint64 line = 0;
    QString reason;
};

/// What a write of records did. Re-delivered records count as duplicates/unchanged, never twice.
struct ImportSummary {
    qint64 messagesAdded = 0;
    qint64 messagesDuplicate = 0;
    qint64 ordersAdded = 0;
    qint64 ordersUpdated = 0;
    qint64 refundsAdded = 0;
    qint64 refundsUpdated = 0;
    qint64 otherAdded = 0; ///< session events, logistics steps, reviews
    std::vector<ImportRejection> rejected;

    ImportSummary& operator+=(const ImportSummary& other);
};

} // namespace shopdesk
