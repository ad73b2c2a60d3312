#pragma once

#include <QString>

#include <vector>

namespace shopdesk {

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

/// The outcome of one import.
struct ImportReport {
    ImportSummary summary;
    qint64 lines = 0;
    /// Bad lines (parse errors and records the store refused), in line order.
    std::vector<ImportRejection> errors;
    /// False when an all-or-nothing import met a bad line: the store is unchanged.
    bool committed = false;
    /// Bad lines beyond those in `errors` (a report told over the network lists the first ones).
    qint64 moreErrors = 0;

    qint64 badLines() const { return static_cast<qint64>(errors.size()) + moreErrors; }
};

} // namespace shopdesk
