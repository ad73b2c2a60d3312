#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "services/history/HistoryRecordParser.h"
#include "services/history/ImportRecord.h"

#include <QIODevice>

#include <functional>

namespace shopdesk {

class AccessGate;
class AuditLog;
class HistoryRepository;

/// Imports JSON Lines history (messages, orders, refunds) into the store in one transaction.
/// All-or-nothing by default: any bad line leaves the store unchanged; with skipBad the good lines
/// are kept and the bad ones reported. Streams: memory does not grow with the file.
class HistoryImporter {
public:
    struct Options {
        bool skipBad = false;
        QString defaultPlatform = QStringLiteral("sim");
        /// Seals an order's receiver (buyer personal data) before it is stored; orders carrying a
        /// receiver are refused when there is none.
        std::function<void(Order&)> sealOrder;
    };

    HistoryImporter(HistoryRepository& repository, AccessGate& gate, AuditLog& audit)
        : m_repository(repository)
        , m_gate(gate)
        , m_audit(audit)
    {
    }

    /// Needs history.import. Errors only for failures that are not the file's fault (permission,
    /// database, I/O); bad lines are in the report.
    Result<ImportReport> import(const auth::Actor& actor, QIODevice& input, const Options& options);

private:
    HistoryRepository& m_repository;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
