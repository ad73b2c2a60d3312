#pragma once

#include "core/Result.h"
#include "services/history/HistoryRecordParser.h"
#include "services/history/ImportRecord.h"

#include <QIODevice>

namespace shopdesk {

class HistoryRepository;

/// The outcome of one import.
struct ImportReport {
    ImportSummary summary;
    qint64 lines = 0;
    /// Bad lines (parse errors and records the store refused), in line order.
    std::vector<ImportRejection> errors;
    /// False when an all-or-nothing import met a bad line: the store is unchanged.
    bool committed = false;
};

/// Imports JSON Lines history (messages, orders, refunds) into the store in one transaction.
/// All-or-nothing by default: any bad line leaves the store unchanged; with skipBad the good lines
/// are kept and the bad ones reported. Streams: memory does not grow with the file.
class HistoryImporter {
public:
    struct Options {
        bool skipBad = false;
        QString defaultPlatform = QStringLiteral("sim");
    };

    explicit HistoryImporter(HistoryRepository& repository)
        : m_repository(repository)
    {
    }

    /// Errors only for failures that are not the file's fault (database, I/O).
    Result<ImportReport> import(QIODevice& input, const Options& options);

private:
    HistoryRepository& m_repository;
};

} // namespace shopdesk
