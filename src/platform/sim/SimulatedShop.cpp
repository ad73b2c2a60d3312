#include "platform/sim/SimulatedShop.h"

#include "domain/SimSettings.h"

#include "core/JsonWriter.h"
#include "platform/sim/SimulatedShopInternals.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cmath>

namespace shopdesk::platform::sim {

class SimulatedShop::RoutingSink final : public routing::DecisionSink {
public:
    explicit RoutingSink(SimulatedShop& shop)
        : m_shop(shop)
    {
    }
    void decided(const routing::Decision& d) override { m_shop.onDecision(d); }

private:
    SimulatedShop& m_shop;
};

void resolveEntryGroups(SimConfig& c)
{
    auto named = [&](std::initializer_list<const char16_t*> names) -> QString {
        for (const routing::GroupConfig& g : c.groups) {
            for (const char16_t* n : names) {
                if (g.name.compare(QStringView(n), Qt::CaseInsensitive) == 0) {
                    return g.name;
                }
            }
        }
        return {};
    };
    if (c.aftersalesGroup.isEmpty()) {
        c.aftersalesGroup = named({u"aftersales", u"售后"});
    }
    if (c.presalesGroup.isEmpty()) {
        c.presalesGroup = named({u"presales", u"售前"});
    }
    for (const routing::GroupConfig& g : c.groups) {
        if (c.presalesGroup.isEmpty() && g.name != c.aftersalesGroup) {
            c.presalesGroup = g.name;
        } else if (c.aftersalesGroup.isEmpty() && g.name != c.presalesGroup) {
            c.aftersalesGroup = g.name;
        }
    }
}

Result<std::unique_ptr<SimulatedShop>> SimulatedShop::create(SimConfig config, const EcdCorpus& corpus)
{
    resolveEntryGroups(config);
    auto engine = routing::RoutingEngine::create(config.routing, config.groups, config.agents);
    if (!engine) {
        return engine.error();
    }
    std::unique_ptr<SimulatedShop> shop(new SimulatedShop(std::move(config), corpus));
    shop->m_engine = std::move(*engine);
    for (const QString& bot : shop->m_config.botAgents) {
        if (auto a = shop->m_engine->agentIndex(bot)) {
            (void)shop->m_engine->setStatus(0, *a, routing::AgentStatus::Online, *shop->m_sink);
        }
    }
    if (shop->m_config.buyersPerMinute > 0) {
        shop->schedule(0, kArrival, shop->m_arrivalChain);
    }
    return shop;
}

SimulatedShop::SimulatedShop(SimConfig config, const EcdCorpus& corpus)
    : m_config(std::move(config))
    , m_tag(worldTag(m_config))
    , m_corpus(corpus)
    , m_scripts(corpus)
    , m_rng(m_config.seed)
    , m_sink(std::make_unique<RoutingSink>(*this))
{
}

SimulatedShop::~SimulatedShop() = default;

QString SimulatedShop::worldTag(const SimConfig& c)
{
    // Everything that shapes the world: two runs with the same tag produce the same events.
    QString text = QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                       .arg(c.seed)
                       .arg(c.start.ms())
                       .arg(c.buyersPerMinute, 0, 'g', 12)
                       .arg(c.malformedRate, 0, 'g', 12)
                       .arg(c.transientErrorRate, 0, 'g', 12)
                       .arg(static_cast<int>(c.routing.queue))
                       .arg(c.routing.queueGroups.join(QLatin1Char(',')))
                       .arg(QStringLiteral("%1/%2/%3")
                                .arg(c.routing.sessionEndMinutes)
                                .arg(c.routing.repeatEntryMinutes)
                                .arg(c.routing.handlingMinutes))
                       .arg(c.botAgents.join(QLatin1Char(',')));
    for (const auto& g : c.groups) {
        text += QStringLiteral("|g:%1=%2").arg(g.name).arg(g.limit);
    }
    for (const auto& a : c.agents) {
        text += QStringLiteral("|a:%1@%2=%3").arg(a.name, a.group).arg(a.limit.value_or(-1));
    }
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(10));
}

QString SimulatedShop::streamId() const
{
    return QStringLiteral("sim:%1@%2/%3").arg(m_config.seed).arg(m_config.start.secs()).arg(m_tag);
}

QString SimulatedShop::messageIdPrefix() const
{
    return QStringLiteral("m%1-").arg(m_tag);
}

QString SimulatedShop::nextEventId()
{
    return QStringLiteral("e%1-%2").arg(m_tag).arg(++m_eventSeq);
}

void SimulatedShop::schedule(qint64 t, int kind, int buyer, const QString& ref)
{
    m_actions.push({t, ++m_actionSeq, kind, buyer, ref, m_now});
}

void SimulatedShop::advanceTo(qint64 t)
{
    // Actions and routing timeouts run in time order, each at its own time, so that the world
    // does not depend on how the caller steps through time.
    for (;;) {
        qint64 next = t;
        if (!m_actions.empty()) {
            next = std::min(next, m_actions.top().t);
        }
        if (const auto due = m_engine->nextDeadline()) {
            next = std::min<qint64>(next, *due);
        }
        m_now = std::max(m_now, next);
        (void)m_engine->advance(m_now, *m_sink);
        if (!m_actions.empty() && m_actions.top().t <= m_now) {
            const Action a = m_actions.top();
            m_actions.pop();
            run(a);
            continue;
        }
        if (m_now >= t) {
            return;
        }
    }
}

void SimulatedShop::run(const Action& a)
{
    switch (a.kind) {
    case kArrival:
        arrival(a.buyer);
        break;
    case kBuyerTurn:
        buyerTurn(a.buyer);
        break;
    case kBotReply:
        botReply(a.buyer);
        break;
    case kPatience:
        patience(a.buyer, a.since);
        break;
    case kBotClose:
        botClose(a.buyer);
        break;
    case kComeback:
        comeback(a.buyer);
        break;
    default:
        orderStep(a.ref, a.kind);
        break;
    }
}

bool SimulatedShop::isBot(routing::AgentIdx a) const
{
    return a >= 0 && m_config.botAgents.contains(m_engine->agentName(a));
}

std::optional<PlatformError> SimulatedShop::transientFailure()
{
    // Only the agents outside meet the network; the simulation's own bots do not.
    if (m_botActing == 0 && m_config.transientErrorRate > 0 &&
        SimCatalogue::chance(m_rng, m_config.transientErrorRate)) {
        ++m_stats.transientFailures;
        if (m_rng() % 2 == 0) {
            return PlatformError{PlatformError::Kind::RateLimited, QStringLiteral("simulated rate limit"), 1, {}};
        }
        return PlatformError{PlatformError::Kind::Network, QStringLiteral("simulated network error"), std::nullopt, {}};
    }
    return std::nullopt;
}

void SimulatedShop::publish(QByteArray payload)
{
    m_outbox.push(std::move(payload));
    ++m_stats.events;
    if (m_config.malformedRate > 0 && SimCatalogue::chance(m_rng, m_config.malformedRate)) {
        static const QByteArray garbage[] = {
            QByteArray(R"({"topic":"chat.message","id":"bad","conversation":)"),
            QByteArray("{\"topic\":\"chat.message\",\"text\":\"\xff\xfe\"}"),
            QByteArray(R"({"topic":"trade.teleported","id":"x"})"),
            QByteArray(R"({"topic":"trade.paid","id":"y","trade":{"tid":42}})"),
            QByteArray(
                R"({"topic":"chat.message","id":"z","conversation":"c","buyer":"b","from":"robot","at":1,"text":"x"})"),
            QByteArray("[1,2,3]"),
        };
        m_outbox.push(garbage[m_rng() % 6]);
        ++m_stats.malformed;
    }
}

void SimulatedShop::emitMessage(int b, Sender sender, const QString& agent, const QString& text, const QString& card)
{
    const SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    JsonWriter w;
    w.add(u"topic", u"chat.message")
        .add(u"id", nextEventId())
        .add(u"conversation", by.conversation)
        .add(u"buyer", by.nick)
        .add(u"from", senderName(sender))
        .add(u"agent", agent)
        .add(u"msg_id", messageIdPrefix() + QString::number(++m_messageSeq))
        .add(u"at", at().ms())
        .add(u"text", text);
    if (!card.isEmpty()) {
        w.add(u"card_tid", card);
    }
    publish(w.toJson());
    (sender == Sender::Buyer ? m_stats.messagesIn : m_stats.messagesOut) += 1;
}

void SimulatedShop::emitSession(int b, SessionEvent::Kind kind, const QString& agent, const QString& reason,
                                int position, std::optional<qint64> wait, const QString& group)
{
    const SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    JsonWriter w;
    w.add(u"topic", u"chat.session")
        .add(u"id", nextEventId())
        .add(u"conversation", by.conversation)
        .add(u"buyer", by.nick)
        .add(u"kind", kind == SessionEvent::Kind::Assigned ? u"assigned"
                      : kind == SessionEvent::Kind::Queued ? u"queued"
                                                           : u"closed")
        .add(u"agent", agent)
        .add(u"reason", reason)
        .add(u"position", position);
    if (!group.isEmpty()) {
        w.add(u"group", group);
    }
    if (wait) {
        w.add(u"wait_s", *wait);
    } else {
        w.addNull(u"wait_s");
    }
    w.add(u"at", at().ms());
    publish(w.toJson());
}

void SimulatedShop::onDecision(const routing::Decision& d)
{
    // Buyers are registered with the engine as they are created, so indices coincide.
    const int b = d.buyer;
    if (b < 0 || b >= static_cast<int>(m_buyers.size()) ||
        m_buyers[static_cast<std::size_t>(b)].routingIdx != d.buyer) {
        ++m_stats.invariantViolations; // a decision about a buyer the simulation does not know
        return;
    }
    const qint64 savedNow = m_now;
    m_now = d.t; // timeouts are decided at their own time
    const QString agent = d.agent >= 0 ? m_engine->agentName(d.agent) : QString();
    switch (d.kind) {
    case routing::Decision::Kind::Assigned:
        ++m_stats.assignmentsByReason[QString::fromLatin1(routing::reasonName(d.reason))];
        emitSession(b, SessionEvent::Kind::Assigned, agent, QString::fromLatin1(routing::reasonName(d.reason)), 0,
                    std::nullopt);
        if (isBot(d.agent)) {
            schedule(m_now + SimCatalogue::uniform(m_rng, 4, 20), kBotReply, b);
        }
        break;
    case routing::Decision::Kind::Queued: {
        ++m_stats.queued;
        // Why the buyer waits: every eligible agent is at the limit (an estimate follows), or
        // nobody eligible is online at all.
        const auto waitsFor = m_engine->queuedFor(d.buyer);
        emitSession(b, SessionEvent::Kind::Queued, {},
                    d.estimatedWaitSecs ? QStringLiteral("all_busy") : QStringLiteral("nobody_online"), d.position,
                    d.estimatedWaitSecs, waitsFor ? m_engine->groupName(*waitsFor) : QString());
        break;
    }
    case routing::Decision::Kind::Closed: {
        const char* reason = d.closeReason == routing::CloseReason::Timeout  ? "timeout"
                             : d.closeReason == routing::CloseReason::Manual ? "manual"
                                                                             : "left";
        if (d.closeReason == routing::CloseReason::Left) {
            ++m_stats.left;
        }
        emitSession(b, SessionEvent::Kind::Closed, agent, QString::fromLatin1(reason), 0, std::nullopt);
        SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
        by.present = false;
        if (SimCatalogue::chance(m_rng, 0.15)) {
            schedule(m_now + SimCatalogue::uniform(m_rng, 60, 1500), kComeback, b);
        }
        break;
    }
    }
    m_now = savedNow;
}

void SimulatedShop::arrival(int chain)
{
    // Arrivals are one chain of events; a rate change starts a new chain and the old one ends.
    if (chain != m_arrivalChain || m_config.buyersPerMinute <= 0) {
        return;
    }
    const double mean = 60.0 / m_config.buyersPerMinute;
    const double u = (static_cast<double>(m_rng() % 1'000'000) + 0.5) / 1'000'000.0;
    // Exact arrival times are kept apart from the whole seconds actions run at, so that busy
    // shops (several buyers a second) get the configured rate.
    m_nextArrival += -std::log(u) * mean;
    schedule(std::max(m_now, static_cast<qint64>(std::floor(m_nextArrival))), kArrival, m_arrivalChain);

    int b = -1;
    if (!m_buyers.empty() && SimCatalogue::chance(m_rng, 0.25)) {
        const int candidate = static_cast<int>(m_rng() % m_buyers.size());
        if (!m_buyers[static_cast<std::size_t>(candidate)].present &&
            m_engine->sessionAgent(m_buyers[static_cast<std::size_t>(candidate)].routingIdx) < 0 &&
            !m_engine->queued(m_buyers[static_cast<std::size_t>(candidate)].routingIdx)) {
            b = candidate;
        }
    }
    if (b < 0) {
        SimBuyer nb;
        do {
            nb.nick = m_catalogue.randomNick(m_rng);
        } while (m_buyerByNick.contains(nb.nick));
        nb.conversation = QStringLiteral("c-") + nb.nick;
        nb.receiver = m_catalogue.randomReceiver(m_rng);
        nb.routingIdx = m_engine->buyer(nb.nick);
        nb.firstSeen = m_now;
        b = static_cast<int>(m_buyers.size());
        m_buyerByNick.insert(nb.nick, b);
        m_buyers.push_back(std::move(nb));
        ++m_stats.buyers;
    }
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    ++m_stats.visits;
    const bool hasOrders = !by.orders.empty();
    SimScripts::Category category;
    if (hasOrders && SimCatalogue::chance(m_rng, 0.6)) {
        category =
            SimCatalogue::chance(m_rng, 0.5) ? SimScripts::Category::Logistics : SimScripts::Category::Aftersales;
        by.entryGroup = entryGroup(m_config.aftersalesGroup);
        ++m_stats.entriesByPurpose[QStringLiteral("aftersales")]
                                  [by.entryGroup == routing::kNoGroup ? QString() : m_config.aftersalesGroup];
    } else {
        const int r = static_cast<int>(m_rng() % 10);
        category = r < 4   ? SimScripts::Category::Replay
                   : r < 8 ? SimScripts::Category::Presales
                           : SimScripts::Category::Bargaining;
        by.entryGroup = SimCatalogue::chance(m_rng, 0.7) ? entryGroup(m_config.presalesGroup) : routing::kNoGroup;
        ++m_stats.entriesByPurpose[QStringLiteral("presales")]
                                  [by.entryGroup == routing::kNoGroup ? QString() : m_config.presalesGroup];
    }
    by.script = m_scripts.script(category, m_catalogue.randomProduct(m_rng).title, m_rng);
    by.turn = 0;
    by.present = true;
    by.nudged = false;
    buyerTurn(b);
}

routing::GroupIdx SimulatedShop::entryGroup(const QString& name) const
{
    if (name.isEmpty()) {
        return routing::kNoGroup;
    }
    return m_engine->groupIndex(name).value_or(routing::kNoGroup);
}

void SimulatedShop::buyerSays(int b, const QString& text)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    if (!by.everChatted) {
        by.everChatted = true;
        ++m_stats.conversationsWithMessages;
    }
    emitMessage(b, Sender::Buyer, {}, text);
    by.lastBuyerMessageAt = m_now;
    const routing::AgentIdx before = m_engine->sessionAgent(by.routingIdx);
    (void)m_engine->buyerMessage(m_now, by.routingIdx, by.entryGroup, *m_sink);
    if (before >= 0 && isBot(before)) {
        schedule(m_now + SimCatalogue::uniform(m_rng, 5, 25), kBotReply, b);
    }
    schedule(m_now + SimCatalogue::uniform(m_rng, 90, 240), kPatience, b);
}

void SimulatedShop::buyerTurn(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    if (!by.present || by.turn >= by.script.buyerTurns.size()) {
        return;
    }
    const QString text = by.script.buyerTurns[by.turn++];
    buyerSays(b, text);
}

void SimulatedShop::botReply(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    const routing::AgentIdx a = m_engine->sessionAgent(by.routingIdx);
    if (!isBot(a) || by.lastAgentReplyAt >= by.lastBuyerMessageAt) {
        return;
    }
    QString text = by.turn - 1 < by.script.agentTurns.size() && by.turn > 0 ? by.script.agentTurns[by.turn - 1]
                                                                            : m_scripts.genericReply(m_rng);
    if (by.turn == 1 && by.script.category != SimScripts::Category::Replay) {
        text = m_scripts.greeting(m_config.shopName) + QLatin1Char(' ') + text;
    }
    const BotActing acting(*this);
    (void)sendMessage(m_engine->agentName(a), by.nick, text);
}

void SimulatedShop::scriptFinished(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    const auto category = by.script.category;
    if ((category == SimScripts::Category::Presales || category == SimScripts::Category::Bargaining ||
         category == SimScripts::Category::Replay) &&
        SimCatalogue::chance(m_rng, 0.45)) {
        placeOrder(b);
    }
    if (category == SimScripts::Category::Aftersales && SimCatalogue::chance(m_rng, 0.7)) {
        requestRefund(b);
    }
    by.present = false;
    const routing::AgentIdx a = m_engine->sessionAgent(by.routingIdx);
    if (isBot(a) && SimCatalogue::chance(m_rng, 0.5)) {
        schedule(m_now + SimCatalogue::uniform(m_rng, 15, 40), kBotClose, b);
    }
}

void SimulatedShop::patience(int b, qint64 since)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    if (!by.present || by.lastBuyerMessageAt != since || by.lastAgentReplyAt >= since) {
        return;
    }
    if (!by.nudged) {
        by.nudged = true;
        buyerSays(b, m_scripts.nudge(m_rng));
        return;
    }
    by.present = false; // gives up
    if (m_engine->queued(by.routingIdx)) {
        (void)m_engine->leaveQueue(m_now, by.routingIdx, *m_sink);
    }
}

void SimulatedShop::botClose(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    const routing::AgentIdx a = m_engine->sessionAgent(by.routingIdx);
    if (isBot(a) && !by.present) {
        const BotActing acting(*this);
        (void)closeConversation(m_engine->agentName(a), by.nick, m_scripts.closingLine());
    }
}

void SimulatedShop::comeback(int b)
{
    SimBuyer& by = m_buyers[static_cast<std::size_t>(b)];
    if (by.present || m_engine->sessionAgent(by.routingIdx) >= 0 || m_engine->queued(by.routingIdx)) {
        return;
    }
    by.script = SimScripts::Script{
        SimScripts::Category::Presales, {m_scripts.comeback(m_rng)}, {m_scripts.genericReply(m_rng)}};
    by.turn = 0;
    by.present = true;
    by.nudged = false;
    ++m_stats.visits;
    buyerTurn(b);
}

PlatformStatus SimulatedShop::sendMessage(const QString& agent, const QString& buyer, const QString& text,
                                          const QString& cardOrderNo)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto b = m_buyerByNick.constFind(buyer);
    auto a = m_engine->agentIndex(agent);
    if (b == m_buyerByNick.constEnd()) {
        return PlatformStatus::fail({PlatformError::Kind::NotFound,
                                     QCoreApplication::translate("SimulatedShop", "No buyer %1.").arg(buyer),
                                     {},
                                     {}});
    }
    if (!a) {
        return PlatformStatus::fail({PlatformError::Kind::NotFound,
                                     QCoreApplication::translate("SimulatedShop", "No agent %1.").arg(agent),
                                     {},
                                     {}});
    }
    if (text.trimmed().isEmpty() && cardOrderNo.isEmpty()) {
        return PlatformStatus::fail({PlatformError::Kind::InvalidState,
                                     QCoreApplication::translate("SimulatedShop", "The message is empty."),
                                     {},
                                     {}});
    }
    if (text.toUtf8().size() > 64 * 1024) {
        return PlatformStatus::fail({PlatformError::Kind::InvalidState,
                                     QCoreApplication::translate("SimulatedShop", "The message is too long."),
                                     {},
                                     {}});
    }
    SimBuyer& by = m_buyers[static_cast<std::size_t>(*b)];
    const routing::AgentIdx holder = m_engine->sessionAgent(by.routingIdx);
    if ((holder >= 0 && holder != *a) || m_engine->queued(by.routingIdx)) {
        return PlatformStatus::fail(
            {PlatformError::Kind::InvalidState,
             QCoreApplication::translate("SimulatedShop", "%1 is not in a chat with %2.").arg(buyer, agent),
             {},
             QStringLiteral("not_your_buyer")});
    }
    emitMessage(*b, Sender::Agent, agent, text, cardOrderNo);
    if (m_engine->sessionAgent(by.routingIdx) == *a) {
        (void)m_engine->agentMessage(m_now, by.routingIdx, *m_sink);
        if (by.lastAgentReplyAt < by.lastBuyerMessageAt) {
            // An answer: the buyer reads it and goes on with what they came for.
            by.lastAgentReplyAt = m_now;
            if (by.present && by.turn < by.script.buyerTurns.size()) {
                schedule(m_now + SimCatalogue::uniform(m_rng, 8, 45), kBuyerTurn, *b);
            } else if (by.present) {
                scriptFinished(*b);
            }
        }
    }
    by.lastAgentReplyAt = m_now;
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::transfer(const QString& agent, const QString& buyer, const QString& toAgent,
                                       const QString& toGroup, const QString&, bool supervising)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto b = m_buyerByNick.constFind(buyer);
    const routing::AgentIdx holder =
        b == m_buyerByNick.constEnd() ? -1 : m_engine->sessionAgent(m_buyers[static_cast<std::size_t>(*b)].routingIdx);
    if (holder < 0) {
        return PlatformStatus::fail(
            {PlatformError::Kind::InvalidState,
             QCoreApplication::translate("SimulatedShop", "%1 has no open conversation.").arg(buyer),
             {},
             {}});
    }
    if (!supervising && m_engine->agentName(holder) != agent) {
        return PlatformStatus::fail(
            {PlatformError::Kind::InvalidState,
             QCoreApplication::translate("SimulatedShop", "%1 is not %2's buyer.").arg(buyer, agent),
             {},
             QStringLiteral("not_your_buyer")});
    }
    routing::AgentIdx to = -1;
    if (!toAgent.isEmpty()) {
        auto a = m_engine->agentIndex(toAgent);
        if (!a) {
            return PlatformStatus::fail({PlatformError::Kind::NotFound,
                                         QCoreApplication::translate("SimulatedShop", "No agent %1.").arg(toAgent),
                                         {},
                                         {}});
        }
        to = *a;
    } else {
        auto g = m_engine->groupIndex(toGroup);
        if (!g || *g == routing::kNoGroup) {
            return PlatformStatus::fail({PlatformError::Kind::NotFound,
                                         QCoreApplication::translate("SimulatedShop", "No group %1.").arg(toGroup),
                                         {},
                                         {}});
        }
        to = m_engine->transferTarget(*g);
        if (to < 0) {
            return PlatformStatus::fail(
                {PlatformError::Kind::InvalidState,
                 QCoreApplication::translate("SimulatedShop", "Nobody of %1 is online.").arg(toGroup),
                 {},
                 {}});
        }
    }
    Status st = m_engine->transfer(m_now, m_buyers[static_cast<std::size_t>(*b)].routingIdx, to, *m_sink);
    if (!st) {
        return PlatformStatus::fail({PlatformError::Kind::InvalidState, st.error().message, {}, {}});
    }
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::closeConversation(const QString& agent, const QString& buyer, const QString& closingLine)
{
    if (auto failure = transientFailure()) {
        return PlatformStatus::fail(*failure);
    }
    auto b = m_buyerByNick.constFind(buyer);
    auto a = m_engine->agentIndex(agent);
    if (b == m_buyerByNick.constEnd() || !a ||
        m_engine->sessionAgent(m_buyers[static_cast<std::size_t>(*b)].routingIdx) != *a) {
        return PlatformStatus::fail(
            {PlatformError::Kind::InvalidState,
             QCoreApplication::translate("SimulatedShop", "%1 has no open conversation with %2.").arg(buyer, agent),
             {},
             {}});
    }
    if (!closingLine.trimmed().isEmpty()) {
        emitMessage(*b, Sender::Agent, agent, closingLine);
    }
    emitMessage(*b, Sender::System, {}, QStringLiteral("客服邀请您对本次服务进行评价"));
    (void)m_engine->close(m_now, m_buyers[static_cast<std::size_t>(*b)].routingIdx, *m_sink);
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::setPresence(const QString& agent, AgentPresence presence)
{
    auto a = m_engine->agentIndex(agent);
    if (!a) {
        return PlatformStatus::fail({PlatformError::Kind::NotFound,
                                     QCoreApplication::translate("SimulatedShop", "No agent %1.").arg(agent),
                                     {},
                                     {}});
    }
    const auto status = presence == AgentPresence::Online ? routing::AgentStatus::Online
                        : presence == AgentPresence::Away ? routing::AgentStatus::Away
                                                          : routing::AgentStatus::Offline;
    (void)m_engine->setStatus(m_now, *a, status, *m_sink);
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::setBuyersPerMinute(double perMinute)
{
    if (!(perMinute >= 0) || perMinute > SimSettings::kMaxBuyersPerMinute) {
        return PlatformStatus::fail(
            {PlatformError::Kind::InvalidState,
             QStringLiteral("New buyers a minute is from 0 to %1.").arg(SimSettings::kMaxBuyersPerMinute),
             {},
             {}});
    }
    m_config.buyersPerMinute = perMinute;
    ++m_arrivalChain;
    m_nextArrival = static_cast<double>(m_now);
    if (perMinute > 0) {
        schedule(m_now, kArrival, m_arrivalChain);
    }
    return PlatformStatus::ok({});
}

PlatformStatus SimulatedShop::applyRouting(const RoutingConfig& config)
{
    if (Status st = m_engine->configure(m_now, config.settings, *m_sink); !st) {
        return PlatformStatus::fail({PlatformError::Kind::InvalidState, st.error().message, {}, {}});
    }
    for (const routing::GroupConfig& g : config.groups) {
        if (auto idx = m_engine->groupIndex(g.name); idx && *idx != routing::kNoGroup) {
            (void)m_engine->setGroupLimit(m_now, *idx, g.limit, *m_sink);
        }
    }
    for (const routing::AgentConfig& a : config.agents) {
        if (auto idx = m_engine->agentIndex(a.name)) {
            (void)m_engine->setLimit(m_now, *idx, a.limit, *m_sink);
        }
    }
    return PlatformStatus::ok({});
}

std::vector<AgentState> SimulatedShop::teamStatus() const
{
    std::vector<AgentState> out;
    for (int a = 0; a < m_engine->agentCount(); ++a) {
        const routing::AgentStatus s = m_engine->agentStatus(a);
        out.push_back({m_engine->agentName(a),
                       s == routing::AgentStatus::Online ? AgentPresence::Online
                       : s == routing::AgentStatus::Away ? AgentPresence::Away
                                                         : AgentPresence::Offline,
                       m_engine->load(a), m_engine->limit(a), m_engine->groupName(m_engine->agentGroup(a))});
    }
    return out;
}

QStringList SimulatedShop::buyersOf(const QString& agent) const
{
    QStringList out;
    const auto a = m_engine->agentIndex(agent);
    if (!a) {
        return out;
    }
    for (const SimBuyer& by : m_buyers) {
        if (m_engine->sessionAgent(by.routingIdx) == *a) {
            out << by.nick;
        }
    }
    return out;
}

int SimulatedShop::checkInvariants()
{
    int violations = 0;
    std::vector<int> held(static_cast<std::size_t>(m_engine->agentCount()), 0);
    for (const SimBuyer& by : m_buyers) {
        const routing::AgentIdx a = m_engine->sessionAgent(by.routingIdx);
        if (a >= 0) {
            ++held[static_cast<std::size_t>(a)];
            if (m_engine->queued(by.routingIdx)) {
                ++violations; // held and queued at once
            }
        }
    }
    for (routing::AgentIdx a = 0; a < m_engine->agentCount(); ++a) {
        if (held[static_cast<std::size_t>(a)] != m_engine->load(a)) {
            ++violations;
        }
    }
    for (const auto& [no, o] : m_orders) {
        const bool paid = isPaidState(o.order.status);
        if (paid != o.order.paidAt.has_value() || o.order.amountFen <= 0) {
            ++violations;
        }
        Fen refunded = 0;
        for (const QString& r : o.refunds) {
            if (m_refunds.at(r).status == RefundStatus::Success) {
                refunded += m_refunds.at(r).amountFen;
            }
        }
        if (refunded > o.order.amountFen) {
            ++violations;
        }
    }
    m_stats.invariantViolations += violations;
    return violations;
}

} // namespace shopdesk::platform::sim
