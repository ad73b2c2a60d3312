// The contract every shop-platform adapter must meet (docs/adapters.md), as a parameterised suite.
// A new adapter adds a ContractSubject (how to make its platform produce events, reopen the same
// stream, and find an order in a given state) and one INSTANTIATE line; the tests stay the same.

#include "backend/SimSetup.h"
#include "platform/IngestPipeline.h"
#include "platform/sim/SimPlatform.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/MessageRepository.h"
#include "store/SqliteStore.h"

#include "support/Await.h"
#include "support/TestBackend.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>

namespace shopdesk {
namespace {

using platform::Capability;
using platform::PlatformError;
using platform::RawEvent;
using platform::ShopPlatform;

/// One adapter under test.
class ContractSubject {
public:
    virtual ~ContractSubject() = default;
    virtual ShopPlatform& platform() = 0;
    /// Lets the platform produce more events (a real adapter replays a recorded session).
    virtual void produce() = 0;
    /// A new adapter on the same stream, as after a restart.
    virtual std::unique_ptr<ContractSubject> reopen() = 0;
    /// An order the platform knows in `status`, if it has one.
    virtual std::optional<QString> orderIn(OrderStatus status) = 0;
};

struct SubjectFactory {
    const char* name;
    std::function<std::unique_ptr<ContractSubject>()> make;
};

void PrintTo(const SubjectFactory& f, std::ostream* os)
{
    *os << f.name;
}

// --- the simulated shop, paced by hand and in real time -------------------------------------------

const EcdCorpus& corpus()
{
    static const EcdCorpus c = *EcdCorpus::embedded();
    return c;
}

platform::sim::SimConfig simConfig()
{
    platform::sim::SimConfig c;
    c.seed = 404;
    c.buyersPerMinute = 30;
    c.start = SimSetup::defaultStart();
    c.groups = {{QStringLiteral("presales"), 8}, {QStringLiteral("aftersales"), 5}};
    for (int i = 0; i < 6; ++i) {
        c.agents.push_back({SimSetup::botName(i), c.groups[static_cast<std::size_t>(i % 2)].name, std::nullopt,
                            routing::AgentStatus::Offline});
        c.botAgents << SimSetup::botName(i);
    }
    return c;
}

class SimSubject final : public ContractSubject {
public:
    explicit SimSubject(bool realTime)
        : m_realTime(realTime)
    {
        auto world = platform::sim::SimulatedShop::create(simConfig(), corpus());
        EXPECT_TRUE(world);
        platform::sim::SimPlatform::Pacing pacing;
        pacing.realTime = realTime;
        pacing.speed = 7200; // two hours a second
        pacing.latencyMs = 20;
        m_platform = std::make_unique<platform::sim::SimPlatform>(std::move(*world), pacing);
    }
    ShopPlatform& platform() override { return *m_platform; }
    void produce() override
    {
        if (!m_realTime) {
            m_now += 3 * 3600;
            m_platform->advanceTo(m_now);
            return;
        }
        m_platform->setPaused(false);
        QSignalSpy available(m_platform.get(), &ShopPlatform::eventsAvailable);
        QDeadlineTimer deadline(1500);
        while (!deadline.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        // The world stops so that draining has an end on a loaded machine too.
        m_platform->setPaused(true);
    }
    std::unique_ptr<ContractSubject> reopen() override { return std::make_unique<SimSubject>(m_realTime); }
    std::optional<QString> orderIn(OrderStatus status) override
    {
        std::optional<QString> found;
        m_platform->inspect([&](const platform::sim::SimulatedShop& s) {
            for (const Order& o : s.allOrders()) {
                if (o.status == status) {
                    found = o.orderNo;
                    return;
                }
            }
        });
        return found;
    }

private:
    bool m_realTime;
    qint64 m_now = 0;
    std::unique_ptr<platform::sim::SimPlatform> m_platform;
};

// --- the contract ---------------------------------------------------------------------------------

class AdapterContract : public ::testing::TestWithParam<SubjectFactory> {
protected:
    void SetUp() override { subject = GetParam().make(); }
    ShopPlatform& p() { return subject->platform(); }
    std::vector<RawEvent> everything(qint64 after = 0) { return p().fetch(after, 10'000'000); }

    std::unique_ptr<ContractSubject> subject;
};

TEST_P(AdapterContract, HasANameAStableStreamAndCapabilities)
{
    EXPECT_FALSE(p().name().isEmpty());
    EXPECT_FALSE(p().name().contains(QLatin1Char(' ')));
    EXPECT_FALSE(p().streamId().isEmpty());
    EXPECT_TRUE(p().capabilities().any());
    EXPECT_EQ(subject->reopen()->platform().streamId(), p().streamId()) << "the same stream after a restart";
}

TEST_P(AdapterContract, ConnectsAnnouncesItsStateAndThenEvents)
{
    EXPECT_EQ(p().state(), ShopPlatform::State::Disconnected);
    QSignalSpy states(&p(), &ShopPlatform::stateChanged);
    QSignalSpy available(&p(), &ShopPlatform::eventsAvailable);
    p().connectFrom(0);
    EXPECT_EQ(p().state(), ShopPlatform::State::Connected);
    ASSERT_GE(states.count(), 1);
    subject->produce();
    QCoreApplication::processEvents();
    EXPECT_GE(available.count(), 1);
    EXPECT_FALSE(everything().empty());
    p().disconnectPlatform();
    EXPECT_EQ(p().state(), ShopPlatform::State::Disconnected);
}

TEST_P(AdapterContract, TheStreamIsOrderedAndFetchingIsRepeatable)
{
    p().connectFrom(0);
    subject->produce();
    const auto all = everything();
    ASSERT_GT(all.size(), 100u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        ASSERT_GT(all[i].cursor, i == 0 ? 0 : all[i - 1].cursor) << "cursors rise strictly";
    }
    const qint64 middle = all[all.size() / 2].cursor;
    const auto page = p().fetch(middle, 17);
    ASSERT_EQ(page.size(), 17u);
    EXPECT_GT(page.front().cursor, middle);
    const auto again = p().fetch(middle, 17);
    for (std::size_t i = 0; i < page.size(); ++i) {
        EXPECT_EQ(page[i].cursor, again[i].cursor);
        EXPECT_EQ(page[i].payload, again[i].payload) << "fetching does not consume";
    }
}

TEST_P(AdapterContract, AcknowledgedEventsAreNotDeliveredAgain)
{
    p().connectFrom(0);
    subject->produce();
    const auto all = everything();
    ASSERT_GT(all.size(), 10u);
    const qint64 k = all[all.size() / 3].cursor;
    p().acknowledge(k);
    p().acknowledge(k / 2); // backwards: harmless
    const auto rest = everything();
    ASSERT_FALSE(rest.empty());
    EXPECT_GT(rest.front().cursor, k);
}

TEST_P(AdapterContract, EveryProducedEventDecodesIntoRecordsOfThisPlatform)
{
    p().connectFrom(0);
    subject->produce();
    int records = 0;
    for (const RawEvent& e : everything()) {
        auto decoded = p().decode(e);
        ASSERT_TRUE(decoded) << "event " << e.cursor << ": " << decoded.error().message.toStdString();
        auto twice = p().decode(e);
        ASSERT_TRUE(twice);
        EXPECT_EQ(decoded->size(), twice->size()) << "decoding is pure";
        for (const ImportRecord& r : *decoded) {
            ++records;
            if (const auto* m = std::get_if<IncomingMessage>(&r)) {
                EXPECT_EQ(m->platform, p().name());
                EXPECT_FALSE(m->platformMessageId.isEmpty()) << "messages carry the platform's id (idempotent ingest)";
            } else if (const auto* o = std::get_if<Order>(&r)) {
                EXPECT_EQ(o->platform, p().name());
                EXPECT_FALSE(o->orderNo.isEmpty());
            }
        }
    }
    EXPECT_GT(records, 100);
}

TEST_P(AdapterContract, AReopenedAdapterResumesAfterTheGivenCursor)
{
    p().connectFrom(0);
    subject->produce();
    const auto first = everything();
    ASSERT_GT(first.size(), 10u);
    const qint64 k = first[first.size() / 2].cursor;

    auto reopened = subject->reopen();
    reopened->platform().connectFrom(k);
    reopened->produce();
    const auto resumed = reopened->platform().fetch(0, 10'000'000);
    ASSERT_FALSE(resumed.empty());
    EXPECT_GT(resumed.front().cursor, k) << "nothing up to the stored cursor comes again";
    // The same stream: where both have an event, it is the same event.
    std::size_t compared = 0;
    for (const RawEvent& e : resumed) {
        const auto it =
            std::find_if(first.begin(), first.end(), [&](const RawEvent& f) { return f.cursor == e.cursor; });
        if (it != first.end()) {
            EXPECT_EQ(it->payload, e.payload) << "cursor " << e.cursor;
            ++compared;
        }
    }
    EXPECT_GT(compared, 0u);
}

TEST_P(AdapterContract, OperationsAnswerWithTypedErrors)
{
    p().connectFrom(0);
    subject->produce();
    const auto caps = p().capabilities();
    if (platform::has(caps, Capability::Orders)) {
        auto missing = test::await(p().orderDetail(QStringLiteral("NO-SUCH-ORDER")));
        ASSERT_FALSE(missing.isOk());
        EXPECT_EQ(missing.error->kind, PlatformError::Kind::NotFound);
        EXPECT_FALSE(missing.error->sentence().isEmpty());

        const auto known = subject->orderIn(OrderStatus::WaitSellerSendGoods);
        ASSERT_TRUE(known);
        auto detail = test::await(p().orderDetail(*known));
        ASSERT_TRUE(detail.isOk());
        EXPECT_EQ(detail.value->orderNo, *known);
        // Mapped onto ShopDesk's states; a live platform may have moved the order on meanwhile.
        EXPECT_TRUE(isPaidState(detail.value->status)) << orderStatusCode(detail.value->status).toStdString();
        EXPECT_FALSE(detail.value->receiver) << "the receiver in clear never leaves an order query";
        auto ofBuyer = test::await(p().ordersOfBuyer(detail.value->buyerNick));
        ASSERT_TRUE(ofBuyer.isOk());
        EXPECT_TRUE(std::any_of(ofBuyer.value->begin(), ofBuyer.value->end(),
                                [&](const Order& o) { return o.orderNo == *known; }));
    }
    if (platform::has(caps, Capability::ModifyAddress)) {
        const auto shipped = subject->orderIn(OrderStatus::WaitBuyerConfirmGoods);
        ASSERT_TRUE(shipped);
        auto late = test::await(p().modifyAddress(*shipped, {QStringLiteral("张三"), QStringLiteral("13800001111"),
                                                             QStringLiteral("浙江省杭州市西湖区1号")}));
        ASSERT_FALSE(late.isOk());
        EXPECT_EQ(late.error->kind, PlatformError::Kind::InvalidState);
    }
    if (platform::has(caps, Capability::RefundDecide)) {
        auto missing = test::await(p().refuseRefund(QStringLiteral("NO-SUCH-REFUND"), QStringLiteral("理由")));
        ASSERT_FALSE(missing.isOk());
        EXPECT_EQ(missing.error->kind, PlatformError::Kind::NotFound);
    }
    if (platform::has(caps, Capability::Logistics)) {
        const auto finished = subject->orderIn(OrderStatus::TradeFinished);
        ASSERT_TRUE(finished);
        auto trace = test::await(p().logistics(*finished));
        ASSERT_TRUE(trace.isOk());
        EXPECT_FALSE(trace.value->empty());
    }
}

TEST_P(AdapterContract, TheIngestPipelineStoresTheWholeStreamOnce)
{
    test::TestBackend b;
    platform::IngestPipeline pipeline(p(), b->store().history(), b->vault());
    ASSERT_TRUE(pipeline.start(platform::IngestPipeline::Mode::Manual));
    subject->produce();
    auto n = pipeline.drain();
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_GT(*n, 100);
    EXPECT_EQ(pipeline.stats().rejected, 0);
    EXPECT_EQ(pipeline.stats().refused, 0);
    EXPECT_EQ(*pipeline.drain(), 0) << "nothing is left once drained";
    EXPECT_EQ(b->store().history().cursor(p().streamId())->cursor, pipeline.stats().cursor);
    EXPECT_GT(*b->store().messages().messageCount(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Sim, AdapterContract,
    ::testing::Values(SubjectFactory{"sim_manual", [] { return std::make_unique<SimSubject>(false); }},
                      SubjectFactory{"sim_realtime", [] { return std::make_unique<SimSubject>(true); }}),
    [](const ::testing::TestParamInfo<SubjectFactory>& param) { return std::string(param.param.name); });

} // namespace
} // namespace shopdesk
