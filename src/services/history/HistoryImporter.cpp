#include "services/history/HistoryImporter.h"

#include "core/LineReader.h"
#include "core/Logging.h"
#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/history/HistoryRepository.h"

#include <algorithm>

namespace shopdesk {

Result<ImportReport> HistoryImporter::import(const auth::Actor& actor, QIODevice& input, const Options& options)
{
    if (Status st = m_gate.check(actor, auth::Operation::HistoryImport); !st) {
        return st.error();
    }
    auto log = logging::get("import");
    HistoryRecordParser parser(options.defaultPlatform);
    ImportReport report;
    auto tx = m_repository.beginImport(!options.skipBad);
    bool writing = true;

    LineReader reader(input);
    LineReader::Line line;
    while (reader.next(line)) {
        report.lines = line.number;
        if (line.tooLong) {
            report.errors.push_back({line.number, QStringLiteral("line is longer than 1 MiB")});
        } else {
            QByteArrayView bytes(line.bytes);
            if (line.number == 1 && bytes.startsWith("\xEF\xBB\xBF")) {
                bytes = bytes.sliced(3); // a UTF-8 byte-order mark (files saved by Excel/Notepad)
            }
            if (bytes.trimmed().isEmpty()) {
                continue;
            }
            auto record = parser.parse(bytes);
            if (record) {
                if (auto* order = std::get_if<Order>(&*record); order && order->receiver) {
                    if (!options.sealOrder) {
                        record = Error::invalid(QStringLiteral("receiver details cannot be stored without the "
                                                               "database key"));
                    } else {
                        options.sealOrder(*order);
                    }
                }
            }
            if (record) {
                if (writing) {
                    tx->add(line.number, std::move(*record));
                }
                continue;
            }
            report.errors.push_back({line.number, record.error().message});
        }
        if (!options.skipBad && writing) {
            // The import will not be committed: free the writer now and only keep checking lines.
            tx->rollback();
            writing = false;
        }
    }
    if (!reader.errorString().isEmpty()) {
        tx->rollback();
        return Error::internal(QStringLiteral("Could not read the file: %1").arg(reader.errorString()));
    }

    if (writing) {
        const qint64 lines = report.lines;
        const qsizetype badLines = report.errors.size();
        auto summary = tx->commit([&](const ImportSummary& s) {
            return m_audit.entry(actor.fullName(), QStringLiteral("history.import"), QString(),
                                 QStringLiteral("lines=%1 messages=%2 orders=%3 refunds=%4 skipped=%5")
                                     .arg(lines)
                                     .arg(s.messagesAdded)
                                     .arg(s.ordersAdded + s.ordersUpdated)
                                     .arg(s.refundsAdded + s.refundsUpdated)
                                     .arg(badLines + static_cast<qsizetype>(s.rejected.size())));
        });
        if (!summary) {
            return summary.error();
        }
        report.summary = std::move(*summary);
        for (const auto& rejection : report.summary.rejected) {
            report.errors.push_back(rejection);
        }
        report.committed = options.skipBad || report.summary.rejected.empty();
    }
    std::sort(report.errors.begin(), report.errors.end(),
              [](const ImportRejection& a, const ImportRejection& b) { return a.line < b.line; });
    log->info("import of {} lines: {} messages added, {} duplicates, {} orders, {} refunds, {} bad lines, {}",
              report.lines, report.summary.messagesAdded, report.summary.messagesDuplicate,
              report.summary.ordersAdded + report.summary.ordersUpdated,
              report.summary.refundsAdded + report.summary.refundsUpdated, report.errors.size(),
              report.committed ? "committed" : "rolled back");
    return report;
}

} // namespace shopdesk
