#include "backend/Backend.h"
#include "backend/LiveShop.h"
#include "services/auth/AccessGate.h"
#include "services/chat/ChatService.h"
#include "services/routing/RoutingConfigService.h"
#include "services/settings/ShopTextsService.h"
#include "services/workbench/WorkbenchService.h"
#include "session/local/LocalDesks.h"
#include "session/local/LocalSession.h"

#include <QCoreApplication>
#include <QPromise>

#include <map>

namespace shopdesk::session {

namespace {

Error notConnected()
{
    return Error::invalid(QCoreApplication::translate(
        "LocalSession", "Not connected to the shop's platform: nothing was sent. Try again when it is back."));
}

template <typename T>
Result<T> withActor(LocalSession& s, const std::function<Result<T>(const auth::Actor&)>& read)
{
    auto a = s.actor();
    if (!a) {
        return a.error();
    }
    return read(*a);
}

} // namespace

Result<std::vector<ConversationSummary>> LocalChats::mine(Timestamp since)
{
    return withActor<std::vector<ConversationSummary>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().workbench().mine(a, since); });
}

Result<QueueSnapshot> LocalChats::queue(Timestamp since)
{
    return withActor<QueueSnapshot>(m_s,
                                    [&](const auth::Actor& a) { return m_s.backend().workbench().queue(a, since); });
}

Result<std::optional<ConversationSummary>> LocalChats::conversation(const QString& platform, const QString& key)
{
    return withActor<std::optional<ConversationSummary>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().workbench().conversation(a, platform, key); });
}

Result<std::optional<ConversationSummary>> LocalChats::ofBuyer(const QString& platform, const QString& nick)
{
    return withActor<std::optional<ConversationSummary>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().workbench().ofBuyer(a, platform, nick); });
}

Result<std::vector<Message>> LocalChats::page(ConversationId conversation, int limit, MessageId before)
{
    return withActor<std::vector<Message>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().workbench().page(a, conversation, limit, before); });
}

Result<std::vector<Message>> LocalChats::after(ConversationId conversation, int limit, MessageId after)
{
    return withActor<std::vector<Message>>(
        m_s, [&](const auth::Actor& a) { return m_s.backend().workbench().after(a, conversation, limit, after); });
}

QFuture<Status> LocalChats::markRead(ConversationId conversation, MessageId upTo)
{
    LocalSession& s = m_s;
    return s.later<Status>([&s, conversation, upTo]() -> Status {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().workbench().markRead(*a, conversation, upTo);
    });
}

namespace {
QString draftKey(const QString& platform, const QString& buyer)
{
    return platform + QLatin1Char('\n') + buyer;
}
} // namespace

Result<QString> LocalChats::draft(const QString& platform, const QString& buyer)
{
    return withActor<QString>(m_s, [&](const auth::Actor& a) -> Result<QString> {
        auto stored = m_s.backend().workbench().draft(a, platform, buyer);
        if (!stored) {
            return stored;
        }
        std::lock_guard lock(*m_pendingMutex);
        return m_pendingDrafts->value(draftKey(platform, buyer), *stored);
    });
}

QFuture<Status> LocalChats::saveDraft(const QString& platform, const QString& buyer, const QString& text)
{
    LocalSession& s = m_s;
    const Timestamp at = s.backend().clock().now();
    const QString key = draftKey(platform, buyer);
    {
        std::lock_guard lock(*m_pendingMutex);
        m_pendingDrafts->insert(key, text);
    }
    return s.later<Status>(
        [&s, platform, buyer, text, at, key, mutex = m_pendingMutex, pending = m_pendingDrafts]() -> Status {
            auto a = s.actor();
            Status st = a ? s.backend().workbench().saveDraft(*a, platform, buyer, text, at) : Status(a.error());
            std::lock_guard lock(*mutex);
            if (pending->value(key) == text) {
                pending->remove(key); // stored (or refused, and the refusal is said)
            }
            return st;
        });
}

QFuture<Status> LocalChats::send(const QString& buyer, const QString& text)
{
    LiveShop* live = m_s.live();
    return live ? live->chat().send(m_s.source(), buyer, text) : ready(Status(notConnected()));
}

QFuture<Status> LocalChats::sendOrderCard(const QString& buyer, const QString& orderNo)
{
    LiveShop* live = m_s.live();
    return live ? live->chat().sendOrderCard(m_s.source(), buyer, orderNo) : ready(Status(notConnected()));
}

QFuture<Status> LocalChats::transfer(const QString& buyer, const QString& toAgent, const QString& toGroup,
                                     const QString& note)
{
    LiveShop* live = m_s.live();
    return live ? live->chat().transfer(m_s.source(), buyer, toAgent, toGroup, note) : ready(Status(notConnected()));
}

namespace {

/// Colleagues get their presence and load; a group is online when any of its agents is, with
/// their load and limits summed.
void mergeTeamStatus(std::vector<TransferTarget>& targets, const std::vector<platform::AgentState>& states,
                     const QString& me)
{
    std::map<QString, std::size_t> agentAt;
    std::map<QString, std::size_t> groupAt;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        (targets[i].agent.isEmpty() ? groupAt[targets[i].group] : agentAt[targets[i].agent]) = i;
        if (targets[i].agent.isEmpty()) {
            targets[i].limit = 0;
        }
    }
    for (const platform::AgentState& st : states) {
        if (st.agent == me) {
            continue;
        }
        auto it = agentAt.find(st.agent);
        if (it == agentAt.end()) {
            // A colleague the platform routes to without an account here (another PC, a bot).
            targets.push_back({st.agent, st.group, st.presence, 0, 0, QString()});
            it = agentAt.emplace(st.agent, targets.size() - 1).first;
        }
        TransferTarget& t = targets[it->second];
        t.presence = st.presence;
        t.load = st.load;
        t.limit = st.limit.value_or(t.limit);
        if (t.group.isEmpty()) {
            t.group = st.group;
        }
        if (auto g = groupAt.find(t.group); g != groupAt.end() && t.presence == platform::AgentPresence::Online) {
            TransferTarget& group = targets[g->second];
            group.presence = platform::AgentPresence::Online;
            group.load += t.load;
            group.limit += t.limit;
        }
    }
}

} // namespace

QFuture<Result<std::vector<TransferTarget>>> LocalChats::transferTargets()
{
    using Targets = Result<std::vector<TransferTarget>>;
    LocalSession& s = m_s;
    QFuture<Targets> configured = s.laterRead<Targets>([&s]() -> Targets {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        if (Status st = s.backend().gate().check(*a, auth::Operation::ChatTransfer); !st) {
            return st.error();
        }
        auto config = s.backend().routing().load();
        if (!config) {
            return config.error();
        }
        std::vector<TransferTarget> out;
        for (const routing::GroupConfig& g : config->groups) {
            out.push_back({QString(), g.name, platform::AgentPresence::Offline, 0, g.limit, QString()});
        }
        for (const routing::AgentConfig& agent : config->agents) {
            if (agent.name == a->name) {
                continue;
            }
            out.push_back(
                {agent.name, agent.group, platform::AgentPresence::Offline, 0, limitOf(*config, agent), QString()});
        }
        return out;
    });
    LiveShop* live = s.live();
    if (!live || !s.offers(platform::Capability::TeamStatus)) {
        return configured;
    }
    // Who is online and how loaded, from the platform (its routing knows), merged in when both
    // have answered: a colleague who cannot receive is shown so, never offered blindly.
    auto done = std::make_shared<QPromise<Targets>>();
    done->start();
    QFuture<Targets> result = done->future();
    QFuture<Result<std::vector<platform::AgentState>>> status = live->chat().teamStatus(s.source(), true);
    LocalSession* context = &s;
    const QString me = s.me().name;
    configured.then(context, [done, status, context, me](Targets targets) mutable {
        status.then(context,
                    [done, me, targets = std::move(targets)](Result<std::vector<platform::AgentState>> states) mutable {
                        if (targets && states) {
                            mergeTeamStatus(*targets, *states, me);
                        }
                        done->addResult(std::move(targets));
                        done->finish();
                    });
    });
    return result;
}

QFuture<Status> LocalChats::remindPayment(const QString& buyer, const QString& orderNo)
{
    LiveShop* live = m_s.live();
    if (!live) {
        return ready(Status(notConnected()));
    }
    return live->chat().remindPaymentWithCard(m_s.source(), buyer, orderNo);
}

Result<ShopTexts> LocalChats::shopTexts()
{
    return withActor<ShopTexts>(m_s, [&](const auth::Actor& a) -> Result<ShopTexts> {
        if (Status st = m_s.backend().gate().check(a, auth::Operation::QuickReplyView); !st) {
            return st.error();
        }
        return m_s.backend().shopTexts().load();
    });
}

QFuture<Status> LocalChats::close(const QString& buyer, const QString& closingLine, bool inviteRating)
{
    LiveShop* live = m_s.live();
    return live ? live->chat().close(m_s.source(), buyer, closingLine, inviteRating) : ready(Status(notConnected()));
}

QFuture<Status> LocalChats::setPresence(platform::AgentPresence presence)
{
    LiveShop* live = m_s.live();
    return live ? live->chat().setPresence(m_s.source(), presence) : ready(Status(notConnected()));
}

Result<LiveQueue> LocalChats::liveQueue(Timestamp since)
{
    return withActor<LiveQueue>(m_s, [&](const auth::Actor& a) -> Result<LiveQueue> {
        auto sessions = m_s.backend().workbench().openSessions(a, since);
        if (!sessions) {
            return sessions.error();
        }
        auto routing = m_s.backend().routing().load();
        if (!routing) {
            return routing.error();
        }
        return LiveQueue{std::move(*sessions), std::move(*routing)};
    });
}

QFuture<Result<std::vector<platform::AgentState>>> LocalChats::teamStatus()
{
    LiveShop* live = m_s.live();
    using R = Result<std::vector<platform::AgentState>>;
    return live ? live->chat().teamStatus(m_s.source()) : ready(R(notConnected()));
}

} // namespace shopdesk::session
