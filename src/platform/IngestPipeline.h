#pragma once

#include "core/Result.h"
#include "platform/PlatformTypes.h"
#include "services/history/HistoryRepository.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace shopdesk {
class PiiVault;
}

namespace shopdesk::platform {

class ShopPlatform;

/// Platform events -> store -> services -> UI. Each batch is decoded by the adapter, buyers'
/// personal data is sealed, and the records are stored together with the adapter's cursor in one
/// transaction; only after that commit is the batch acknowledged to the adapter and announced.
/// After a crash the adapter resumes after the stored cursor: nothing is lost, nothing is shown
/// twice (ingest is idempotent besides). Malformed events are rejected, logged without their
/// content, counted, and never stop the stream. A failing store (disk full) keeps the events
/// unacknowledged and retries with backoff (new events do not cut the pause short). In automatic
/// mode the events are fetched on the pipeline's thread and decoded and sealed on a worker, so a
/// batch of 2,000 events never holds the event loop.
class IngestPipeline : public QObject {
    Q_OBJECT
public:
    struct Stats {
        qint64 batches = 0;
        qint64 events = 0;
        qint64 rejected = 0;   ///< malformed events
        qint64 refused = 0;    ///< decoded records the store refused (e.g. a conversation of another buyer)
        qint64 stored = 0;     ///< messages, orders, refunds ... added or changed
        qint64 duplicates = 0; ///< messages already stored
        qint64 cursor = 0;
    };

    static constexpr int kBatchEvents = 2000;
    static constexpr int kMaxBackoffMs = 30'000;

    IngestPipeline(ShopPlatform& platform, HistoryRepository& history, const PiiVault& vault,
                   QObject* parent = nullptr);

    enum class Mode {
        Automatic, ///< events flow by themselves on the event loop (the workbench)
        Manual,    ///< the caller calls drain() (headless runs, tests)
    };

    /// Reads the stored cursor and connects the adapter from there.
    Status start(Mode mode = Mode::Automatic);
    /// Manual mode: fetches, stores and acknowledges everything available now, waiting for each
    /// commit. Returns the number of events handled.
    Result<qint64> drain();
    const Stats& stats() const { return m_stats; }
    /// The pause before the next try after a failed store (0: none pending).
    int backoffMs() const { return m_retryPending ? m_backoffMs : 0; }

signals:
    /// A batch is stored: the conversations and orders it touched (the UI refreshes these).
    void stored(const QStringList& conversations, const QStringList& orders, const QStringList& refunds);
    void storeFailed(const QString& message);

private:
    struct Batch {
        std::vector<ImportRecord> records;
        StreamCursor cursor;
        QStringList conversations;
        QStringList orders;
        QStringList refunds;
        qint64 events = 0;
    };

    /// Fetches and decodes the next batch after the last stored cursor; empty when none.
    Batch nextBatch();
    /// Decodes and seals fetched events (any thread: decode() is const, sealing is too).
    static Batch decodeBatch(const ShopPlatform& platform, const PiiVault& vault, const QString& adapter, qint64 cursor,
                             const std::vector<RawEvent>& events);
    void committed(const Batch& batch, const ImportSummary& summary);
    void pump();
    void store(Batch batch);

    ShopPlatform& m_platform;
    HistoryRepository& m_history;
    const PiiVault& m_vault;
    QString m_adapter;
    Stats m_stats;
    Mode m_mode = Mode::Automatic;
    bool m_inFlight = false;
    bool m_retryPending = false; ///< a failed store waits out its backoff
    int m_backoffMs = 0;
    QThreadPool m_decoder;
};

} // namespace shopdesk::platform
