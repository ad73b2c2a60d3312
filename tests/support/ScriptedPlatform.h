#pragma once

#include "platform/ShopPlatform.h"
#include "platform/sim/SimEventDecoder.h"

#include <QThread>

#include <atomic>
#include <deque>

namespace shopdesk::test {

/// An adapter that delivers a given list of payloads (in the simulated shop's vocabulary) and
/// offers only the capabilities it is given; every operation answers `answer`. For pipeline and
/// service tests that need an exact stream or a platform that cannot do something.
class ScriptedPlatform final : public platform::ShopPlatform {
public:
    explicit ScriptedPlatform(platform::Capabilities caps = platform::capabilities({platform::Capability::Chat}),
                              QString stream = QStringLiteral("scripted:1"))
        : m_caps(caps)
        , m_stream(std::move(stream))
    {
    }

    /// Appends events (cursors continue from the last).
    void push(const QByteArray& payload)
    {
        m_events.push_back({++m_last, payload});
        if (m_state == State::Connected) {
            emit eventsAvailable();
        }
    }
    qint64 acknowledged() const { return m_acked; }
    int fetches() const { return m_fetches; }
    platform::PlatformStatus answer = platform::PlatformStatus::ok({});

    QString name() const override { return QStringLiteral("scripted"); }
    QString streamId() const override { return m_stream; }
    platform::Capabilities capabilities() const override { return m_caps; }
    State state() const override { return m_state; }
    void connectFrom(qint64 cursor) override
    {
        acknowledge(cursor);
        m_state = State::Connected;
        emit stateChanged(m_state);
        emit eventsAvailable();
    }
    void disconnectPlatform() override
    {
        m_state = State::Disconnected;
        emit stateChanged(m_state);
    }
    std::vector<platform::RawEvent> fetch(qint64 cursor, int max) override
    {
        ++m_fetches;
        std::vector<platform::RawEvent> out;
        for (const auto& e : m_events) {
            if (e.cursor > cursor && static_cast<int>(out.size()) < max) {
                out.push_back(e);
            }
        }
        return out;
    }
    void acknowledge(qint64 cursor) override
    {
        m_acked = std::max(m_acked, cursor);
        while (!m_events.empty() && m_events.front().cursor <= cursor) {
            m_events.pop_front();
        }
    }
    Result<std::vector<ImportRecord>> decode(const platform::RawEvent& event) const override
    {
        m_decodedOn.store(QThread::currentThread());
        return platform::sim::decodeSimEvent(event.payload);
    }

    QFuture<platform::PlatformStatus> sendMessage(const QString&, const QString&, const QString&) override
    {
        return status();
    }
    QFuture<platform::PlatformStatus> sendOrderCard(const QString&, const QString&, const QString&) override
    {
        return status();
    }
    QFuture<platform::PlatformStatus> transfer(const QString&, const QString&, const QString&, const QString&,
                                               const QString&, bool) override
    {
        return status();
    }
    QFuture<platform::PlatformStatus> closeConversation(const QString&, const QString&, const QString&) override
    {
        return status();
    }
    QFuture<platform::PlatformStatus> setPresence(const QString&, platform::AgentPresence) override { return status(); }
    QFuture<platform::PlatformResult<platform::BuyerProfile>> buyerProfile(const QString&) override
    {
        return missing<platform::BuyerProfile>();
    }
    QFuture<platform::PlatformResult<std::vector<Order>>> ordersOfBuyer(const QString&) override
    {
        return missing<std::vector<Order>>();
    }
    QFuture<platform::PlatformResult<Order>> orderDetail(const QString&) override { return missing<Order>(); }
    QFuture<platform::PlatformResult<std::vector<LogisticsEvent>>> logistics(const QString&) override
    {
        return missing<std::vector<LogisticsEvent>>();
    }
    QFuture<platform::PlatformStatus> setRemark(const QString&, const QString&, int, const QString&) override
    {
        return status();
    }
    QFuture<platform::PlatformStatus> modifyAddress(const QString&, const platform::Address&) override
    {
        return status();
    }
    QFuture<platform::PlatformStatus> modifyPrice(const QString&, Fen) override { return status(); }
    QFuture<platform::PlatformResult<std::vector<Refund>>> refundsOfOrder(const QString&) override
    {
        return missing<std::vector<Refund>>();
    }
    QFuture<platform::PlatformStatus> agreeRefund(const QString&) override { return status(); }
    QFuture<platform::PlatformStatus> refuseRefund(const QString&, const QString&) override { return status(); }
    QFuture<platform::PlatformResult<std::vector<Review>>> reviews(const QString&) override
    {
        return missing<std::vector<Review>>();
    }
    QFuture<platform::PlatformStatus> replyReview(const QString&, const QString&) override { return status(); }

    int calls = 0;

public:
    /// The thread the last event was decoded on.
    QThread* decodedOn() const { return m_decodedOn.load(); }

private:
    QFuture<platform::PlatformStatus> status()
    {
        ++calls;
        return QtFuture::makeReadyFuture(answer);
    }
    template <typename T>
    QFuture<platform::PlatformResult<T>> missing()
    {
        ++calls;
        return QtFuture::makeReadyFuture(platform::PlatformResult<T>::fail(
            {platform::PlatformError::Kind::NotFound, QStringLiteral("not scripted"), {}, {}}));
    }

    platform::Capabilities m_caps;
    QString m_stream;
    State m_state = State::Disconnected;
    std::deque<platform::RawEvent> m_events;
    qint64 m_last = 0;
    qint64 m_acked = 0;
    int m_fetches = 0;
    mutable std::atomic<QThread*> m_decodedOn{nullptr};
};

} // namespace shopdesk::test
