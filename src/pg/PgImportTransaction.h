#pragma once

#include "pg/PgBinaryCopy.h"
#include "services/history/HistoryRepository.h"

#include <optional>
#include <set>

namespace shopdesk::pg {

class PgHeldTx;
class PgStore;

/// A history import into PostgreSQL as one transaction: messages go in by binary COPY into a
/// staging table and are merged in batches (new conversations closed, duplicates by platform
/// message id skipped, a message naming another buyer than its conversation's refused by its
/// line, file order kept); orders, refunds, logistics, reviews and routing
/// decisions are written as they come, in the same transaction. Nothing is visible to other
/// sessions before the commit, which carries the import's audit entry and one change per
/// conversation touched. It holds `store` (a connection of its own) until it ends.
class PgImportTransaction final : public ImportTransaction {
public:
    PgImportTransaction(PgStore& store, bool allOrNothing);
    ~PgImportTransaction() override;

    void add(qint64 line, ImportRecord record) override;
    Result<ImportSummary> commit(const AuditFor& audit) override;
    void rollback() override;

    /// Messages staged before a merge (a merge per this many keeps memory flat).
    static constexpr int kBatch = 4000;

private:
    void stage(qint64 line, const IncomingMessage& m);
    /// Copies the staged messages in and merges them (throws PgFailure).
    void merge();
    /// Runs `step`; a failure ends the transaction and is what commit() answers.
    template <typename F>
    void guarded(F&& step);

    std::unique_ptr<PgHeldTx> m_held;
    std::optional<Error> m_failure;
    bool m_allOrNothing;
    PgBinaryCopy m_copy;
    ImportSummary m_summary;
    std::set<std::pair<QString, QString>> m_touched;
};

} // namespace shopdesk::pg
