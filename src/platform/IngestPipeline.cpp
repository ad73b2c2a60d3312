#include "platform/IngestPipeline.h"

#include "core/Logging.h"
#include "platform/ShopPlatform.h"
#include "services/privacy/PiiVault.h"

#include <QTimer>

namespace shopdesk::platform {

IngestPipeline::IngestPipeline(ShopPlatform& platform, HistoryRepository& history, const PiiVault& vault,
                               QObject* parent)
    : QObject(parent)
    , m_platform(platform)
    , m_history(history)
    , m_vault(vault)
    , m_adapter(platform.streamId())
{
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
    Batch batch;
    batch.cursor.adapter = m_adapter;
    batch.cursor.cursor = m_stats.cursor;
    const std::vector<RawEvent> events = m_platform.fetch(m_stats.cursor, kBatchEvents);
    auto log = logging::get("platform");
    for (const RawEvent& e : events) {
        batch.cursor.cursor = std::max(batch.cursor.cursor, e.cursor);
        ++batch.events;
        auto records = m_platform.decode(e);
        if (!records) {
            ++batch.cursor.rejected;
            log->warn("rejected event {} from {}: {}", e.cursor, m_adapter, records.error().message);
            continue;
        }
        for (ImportRecord& r : *records) {
            if (auto* o = std::get_if<Order>(&r)) {
                m_vault.seal(*o);
                batch.orders << o->orderNo;
            } else if (auto* m = std::get_if<IncomingMessage>(&r)) {
                batch.conversations << m->conversationKey;
            } else if (auto* s = std::get_if<SessionEvent>(&r)) {
                batch.conversations << s->conversationKey;
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
    if (m_inFlight) {
        return;
    }
    Batch batch = nextBatch();
    if (batch.events == 0) {
        return;
    }
    m_inFlight = true;
    const Batch meta{{}, batch.cursor, batch.conversations, batch.orders, batch.refunds, batch.events};
    m_history.ingestStream(std::move(batch.records), batch.cursor)
        .then(this, [this, meta](Result<ImportSummary> result) {
            m_inFlight = false;
            if (!result) {
                // Nothing is acknowledged: the same events are fetched again after a pause.
                emit storeFailed(result.error().message);
                logging::get("platform")->error("storing platform events failed: {}", result.error().message);
                m_backoffMs = std::min(std::max(250, m_backoffMs * 2), 30'000);
                QTimer::singleShot(m_backoffMs, this, &IngestPipeline::pump);
                return;
            }
            m_backoffMs = 0;
            committed(meta, *result);
            pump(); // more may have arrived meanwhile
        });
}

} // namespace shopdesk::platform
