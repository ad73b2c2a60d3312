#include "platform/IngestPipeline.h"

#include "core/Logging.h"
#include "platform/ShopPlatform.h"
#include "services/privacy/PiiVault.h"

#include <QTimer>
#include <QtConcurrent>

namespace shopdesk::platform {

IngestPipeline::IngestPipeline(ShopPlatform& platform, HistoryRepository& history, const PiiVault& vault,
                               QObject* parent)
    : QObject(parent)
    , m_platform(platform)
    , m_history(history)
    , m_vault(vault)
    , m_adapter(platform.streamId())
{
    m_decoder.setMaxThreadCount(1);
}

Status IngestPipeline::start(Mode mode)
{
    auto cursor = m_history.cursor(m_adapter);
    if (!cursor) {
        return cursor.error();
    }
    m_stats.cursor = cursor->cursor;
    m_mode = mode;
    if (mode == Mode::Automatic) {
        connect(&m_platform, &ShopPlatform::eventsAvailable, this, &IngestPipeline::pump, Qt::UniqueConnection);
    }
    m_platform.connectFrom(m_stats.cursor);
    return {};
}

IngestPipeline::Batch IngestPipeline::nextBatch()
{
    return decodeBatch(m_platform, m_vault, m_adapter, m_stats.cursor, m_platform.fetch(m_stats.cursor, kBatchEvents));
}

IngestPipeline::Batch IngestPipeline::decodeBatch(const ShopPlatform& platform, const PiiVault& vault,
                                                  const QString& adapter, qint64 cursor,
                                                  const std::vector<RawEvent>& events)
{
    Batch batch;
    batch.cursor.adapter = adapter;
    batch.cursor.cursor = cursor;
    auto log = logging::get("platform");
    for (const RawEvent& e : events) {
        batch.cursor.cursor = std::max(batch.cursor.cursor, e.cursor);
        ++batch.events;
        auto records = platform.decode(e);
        if (!records) {
            ++batch.cursor.rejected;
            log->warn("rejected event {} from {}: {}", e.cursor, adapter, records.error().message);
            continue;
        }
        for (ImportRecord& r : *records) {
            if (auto* o = std::get_if<Order>(&r)) {
                vault.seal(*o);
                batch.orders << o->orderNo;
            } else if (auto* m = std::get_if<IncomingMessage>(&r)) {
                batch.conversations << m->conversationKey;
            } else if (auto* sess = std::get_if<SessionEvent>(&r)) {
                batch.conversations << sess->conversationKey;
            } else if (auto* f = std::get_if<Refund>(&r)) {
                batch.refunds << f->refundNo;
                batch.orders << f->orderNo;
            } else if (auto* l = std::get_if<LogisticsEvent>(&r)) {
                batch.orders << l->orderNo;
            }
            batch.records.push_back(std::move(r));
        }
    }
    batch.conversations.removeDuplicates();
    batch.orders.removeDuplicates();
    return batch;
}

void IngestPipeline::committed(const Batch& batch, const ImportSummary& summary)
{
    m_stats.cursor = std::max(m_stats.cursor, batch.cursor.cursor);
    m_platform.acknowledge(m_stats.cursor);
    ++m_stats.batches;
    m_stats.events += batch.events;
    m_stats.rejected += batch.cursor.rejected;
    m_stats.stored += summary.messagesAdded + summary.ordersAdded + summary.ordersUpdated + summary.refundsAdded +
                      summary.refundsUpdated + summary.otherAdded;
    m_stats.duplicates += summary.messagesDuplicate;
    if (!summary.rejected.empty()) {
        // Decoded but refused by the store (e.g. a conversation claimed by another buyer).
        m_stats.refused += static_cast<qint64>(summary.rejected.size());
        logging::get("platform")->warn("{} records of a batch refused by the store", summary.rejected.size());
    }
    emit stored(batch.conversations, batch.orders, batch.refunds);
}

Result<qint64> IngestPipeline::drain()
{
    if (m_mode != Mode::Manual) {
        // A batch may be in flight; fetching again would store it twice.
        return Error::internal(QStringLiteral("drain() needs a pipeline started in manual mode"));
    }
    qint64 handled = 0;
    for (;;) {
        Batch batch = nextBatch();
        if (batch.events == 0) {
            return handled;
        }
        auto future = m_history.ingestStream(std::move(batch.records), batch.cursor);
        future.waitForFinished();
        const Result<ImportSummary> result = future.result();
        if (!result) {
            emit storeFailed(result.error().message);
            return result.error();
        }
        committed(batch, *result);
        handled += batch.events;
    }
}

void IngestPipeline::pump()
{
    // One batch at a time; after a failure, the pause is kept whatever arrives meanwhile.
    if (m_inFlight || m_retryPending) {
        return;
    }
    std::vector<RawEvent> events = m_platform.fetch(m_stats.cursor, kBatchEvents);
    if (events.empty()) {
        return;
    }
    m_inFlight = true;
    // Decoding and sealing (AES per order) run on the pipeline's worker, not on this thread.
    const ShopPlatform* platform = &m_platform;
    const PiiVault* vault = &m_vault;
    QtConcurrent::run(&m_decoder, [platform, vault, adapter = m_adapter, cursor = m_stats.cursor,
                                   events = std::move(events)] {
        return decodeBatch(*platform, *vault, adapter, cursor, events);
    }).then(this, [this](Batch batch) { store(std::move(batch)); });
}

void IngestPipeline::store(Batch batch)
{
    const Batch meta{{}, batch.cursor, batch.conversations, batch.orders, batch.refunds, batch.events};
    m_history.ingestStream(std::move(batch.records), batch.cursor)
        .then(this, [this, meta](Result<ImportSummary> result) {
            m_inFlight = false;
            if (!result) {
                // Nothing is acknowledged: the same events are fetched again after a pause.
                emit storeFailed(result.error().message);
                logging::get("platform")->error("storing platform events failed: {}", result.error().message);
                m_backoffMs = std::min(std::max(250, m_backoffMs * 2), kMaxBackoffMs);
                m_retryPending = true;
                QTimer::singleShot(m_backoffMs, this, [this] {
                    m_retryPending = false;
                    pump();
                });
                return;
            }
            m_backoffMs = 0;
            committed(meta, *result);
            pump(); // more may have arrived meanwhile
        });
}

} // namespace shopdesk::platform
