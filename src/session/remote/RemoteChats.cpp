#include "session/remote/RemoteChats.h"

#include "protocol/Codec.h"
#include "protocol/Protocol.h"
#include "session/remote/RemoteSession.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace shopdesk::session {

namespace {

const char* presenceName(platform::AgentPresence p)
{
    switch (p) {
    case platform::AgentPresence::Online:
        return "online";
    case platform::AgentPresence::Away:
        return "away";
    case platform::AgentPresence::Offline:
        break;
    }
    return "offline";
}

platform::AgentPresence presenceFrom(const QString& s)
{
    return s == u"online" ? platform::AgentPresence::Online
           : s == u"away" ? platform::AgentPresence::Away
                          : platform::AgentPresence::Offline;
}

Error loading()
{
    return Error::busy(QCoreApplication::translate("shopdesk::session::RemoteSession", "Loading from the server…"));
}

} // namespace

RemoteChats::RemoteChats(RemoteSession& s)
    : m_s(s)
    , m_outbox(s, m_drafts, protocol::kOfflineLeaseMs, [this](const QString& buyer) -> std::optional<QString> {
        // Held: the person's own active chat with the buyer, as last heard from the server.
        if (m_mine) {
            for (const ConversationSummary& c : *m_mine) {
                if (c.buyerNick == buyer && c.state == ConversationSummary::State::Active && c.agent == m_s.me().name) {
                    return c.platform;
                }
            }
        }
        return std::nullopt;
    })
{
}

QFuture<void> RemoteChats::refresh()
{
    // 接待中 and the last day's 最近联系.
    const qint64 since = m_s.clock().now().ms() - 24LL * 3600 * 1000;
    return m_s.fetchAll({
        {auth::Operation::ChatRead,
         QStringLiteral("chats.mine"),
         {{QStringLiteral("since"), static_cast<double>(since)}},
         [this](const Result<QJsonValue>& r) {
             m_mine = r ? Result<std::vector<ConversationSummary>>(
                              protocol::fromJsonArray<ConversationSummary>(*r, protocol::conversationFromJson))
                        : Result<std::vector<ConversationSummary>>(r.error());
         },
         QStringLiteral("chats.mine")}, // one copy whatever `since` was
        {auth::Operation::QueueMonitor,
         QStringLiteral("queue.live"),
         {},
         [this](const Result<QJsonValue>& r) {
             m_live = r ? Result<QJsonObject>(r->toObject()) : Result<QJsonObject>(r.error());
         }},
    });
}

void RemoteChats::messagesChanged(const QString& platform, const QString& key)
{
    if (!m_mine) {
        return;
    }
    for (const ConversationSummary& c : *m_mine) {
        if (c.platform == platform && c.key == key && m_timelines.count(c.id.value())) {
            // Fetched again without waiting: this runs inside the link's own answer, where a wait
            // would hold the very socket the answer has to come through.
            (void)fetchTimeline(c.id);
        }
    }
}

bool RemoteChats::concerns(const QString& platform, const QString& key, const QString& newOwner,
                           const QString& me) const
{
    if (!m_mine || newOwner == me) {
        return true; // (a list not read yet is read in any case)
    }
    return std::any_of(m_mine->begin(), m_mine->end(),
                       [&](const ConversationSummary& c) { return c.platform == platform && c.key == key; });
}

Result<std::vector<ConversationSummary>> RemoteChats::mine(Timestamp since)
{
    if (!m_mine) {
        return m_mine.error();
    }
    std::vector<ConversationSummary> out;
    for (const ConversationSummary& c : *m_mine) {
        if (c.state == ConversationSummary::State::Active || c.lastMessageAt >= since) {
            out.push_back(c);
        }
    }
    return out;
}

Result<QueueSnapshot> RemoteChats::queue(Timestamp)
{
    QueueSnapshot q;
    if (m_live && *m_live) {
        for (const QJsonValue& v : (**m_live).value(QStringLiteral("sessions")).toArray()) {
            const ConversationSummary c = protocol::conversationFromJson(v.toObject());
            if (c.state == ConversationSummary::State::Queued) {
                ++q.length;
                if (!q.oldestSince || c.stateSince < *q.oldestSince) {
                    q.oldestSince = c.stateSince;
                }
            }
        }
    }
    return q;
}

Result<std::optional<ConversationSummary>> RemoteChats::conversation(const QString& platform, const QString& key)
{
    if (!m_mine) {
        return m_mine.error();
    }
    for (const ConversationSummary& c : *m_mine) {
        if (c.platform == platform && c.key == key) {
            return std::optional<ConversationSummary>(c);
        }
    }
    return std::optional<ConversationSummary>();
}

Result<std::optional<ConversationSummary>> RemoteChats::ofBuyer(const QString& platform, const QString& nick)
{
    if (!m_mine) {
        return m_mine.error();
    }
    std::optional<ConversationSummary> newest;
    for (const ConversationSummary& c : *m_mine) {
        if (c.platform == platform && c.buyerNick == nick && (!newest || c.id.value() > newest->id.value())) {
            newest = c;
        }
    }
    return newest;
}

Result<std::vector<Message>> RemoteChats::timeline(ConversationId conversation)
{
    auto it = m_timelines.find(conversation.value());
    if (it != m_timelines.end()) {
        return it->second;
    }
    auto fetch = fetchTimeline(conversation);
    if (RemoteSession::mayWait() || fetch.isFinished()) {
        return RemoteSession::waitFor(fetch); // (offline: answered at once)
    }
    return loading();
}

void RemoteChats::refreshTimelines()
{
    std::vector<qint64> ids;
    for (const auto& [id, messages] : m_timelines) {
        ids.push_back(id);
    }
    for (qint64 id : ids) {
        (void)fetchTimeline(ConversationId(id));
    }
}

QFuture<Result<std::vector<Message>>> RemoteChats::fetchTimeline(ConversationId conversation)
{
    const qint64 id = conversation.value();
    const QString copyKey = QStringLiteral("timeline:%1").arg(id);
    if (m_s.link() != LinkState::Connected) {
        if (auto kept = m_s.restored(copyKey)) {
            // Started offline: the timeline as this desktop last read it.
            Result<std::vector<Message>> messages = protocol::fromJsonArray<Message>(*kept, protocol::messageFromJson);
            m_timelines.insert_or_assign(id, messages);
            return QtFuture::makeReadyFuture(messages);
        }
    }
    return m_s
        .call(QStringLiteral("chats.messages"),
              {{QStringLiteral("conversation"), static_cast<double>(id)}, {QStringLiteral("limit"), 500}})
        .then(&m_s, [this, id, copyKey](Result<QJsonValue> r) {
            auto messages =
                r ? Result<std::vector<Message>>(protocol::fromJsonArray<Message>(*r, protocol::messageFromJson))
                  : Result<std::vector<Message>>(r.error());
            if (r) {
                m_s.keepCopy(copyKey, auth::Operation::ChatRead, *r);
            }
            if (!r && m_s.link() != LinkState::Connected) {
                return messages; // offline: said, not kept (read again once the link is back)
            }
            m_timelines.insert_or_assign(id, messages);
            // Told like a store's write: the views of the conversation read again.
            if (m_mine) {
                for (const ConversationSummary& c : *m_mine) {
                    if (c.id.value() == id) {
                        emit m_s.stored({c.key}, {}, {});
                    }
                }
            }
            return messages;
        });
}

Result<std::vector<Message>> RemoteChats::page(ConversationId conversation, int limit, MessageId before)
{
    auto all = timeline(conversation);
    if (!all) {
        return all.error();
    }
    std::vector<Message> out;
    for (const Message& m : *all) {
        if (!before.isValid() || m.id.value() < before.value()) {
            out.push_back(m);
        }
    }
    if (limit > 0 && static_cast<int>(out.size()) > limit) {
        out.erase(out.begin(), out.end() - limit);
    }
    return out;
}

Result<std::vector<Message>> RemoteChats::after(ConversationId conversation, int limit, MessageId afterId)
{
    auto all = timeline(conversation);
    if (!all) {
        return all.error();
    }
    std::vector<Message> out;
    for (const Message& m : *all) {
        if (m.id.value() > afterId.value() && (limit <= 0 || static_cast<int>(out.size()) < limit)) {
            out.push_back(m);
        }
    }
    return out;
}

QFuture<Status> RemoteChats::markRead(ConversationId, MessageId)
{
    return QtFuture::makeReadyFuture(Status());
}

Result<QString> RemoteChats::draft(const QString& platform, const QString& buyer)
{
    return m_drafts.text(platform, buyer);
}

QFuture<Status> RemoteChats::saveDraft(const QString& platform, const QString& buyer, const QString& text)
{
    return m_drafts.set(platform, buyer, text);
}

QFuture<Status> RemoteChats::send(const QString& buyer, const QString& text)
{
    return m_outbox.send(buyer, text);
}

QFuture<Status> RemoteChats::close(const QString& buyer, const QString& closingLine, bool inviteRating)
{
    return m_s.act(QStringLiteral("chats.close"), {{QStringLiteral("buyer"), buyer},
                                                   {QStringLiteral("closingLine"), closingLine},
                                                   {QStringLiteral("inviteRating"), inviteRating}});
}

QFuture<Status> RemoteChats::setPresence(platform::AgentPresence presence)
{
    m_presence = presence;
    if (m_s.link() != LinkState::Connected && !m_s.isEnded()) {
        return QtFuture::makeReadyFuture(Status()); // kept: said to the server as the link is back
    }
    return m_s.act(QStringLiteral("presence.set"),
                   {{QStringLiteral("status"), QString::fromLatin1(presenceName(presence))}});
}

QFuture<Status> RemoteChats::sendOrderCard(const QString& buyer, const QString& orderNo)
{
    return m_s.act(QStringLiteral("chats.orderCard"),
                   {{QStringLiteral("buyer"), buyer}, {QStringLiteral("order"), orderNo}});
}

QFuture<Status> RemoteChats::transfer(const QString& buyer, const QString& toAgent, const QString& toGroup,
                                      const QString& note)
{
    return m_s.act(QStringLiteral("chats.transfer"), {{QStringLiteral("buyer"), buyer},
                                                      {QStringLiteral("toAgent"), toAgent},
                                                      {QStringLiteral("toGroup"), toGroup},
                                                      {QStringLiteral("note"), note}});
}

QFuture<Result<std::vector<TransferTarget>>> RemoteChats::transferTargets()
{
    return m_s.call(QStringLiteral("chats.transferTargets"))
        .then(&m_s, [](const Result<QJsonValue>& r) -> Result<std::vector<TransferTarget>> {
            if (!r) {
                return r.error();
            }
            std::vector<TransferTarget> out;
            for (const QJsonValue& v : r->toArray()) {
                const QJsonObject t = v.toObject();
                out.push_back({t.value(QStringLiteral("agent")).toString(), t.value(QStringLiteral("group")).toString(),
                               presenceFrom(t.value(QStringLiteral("status")).toString()),
                               t.value(QStringLiteral("load")).toInt(), t.value(QStringLiteral("limit")).toInt(),
                               QString()});
            }
            return out;
        });
}

QFuture<Status> RemoteChats::remindPayment(const QString& buyer, const QString& orderNo)
{
    return m_s.act(QStringLiteral("chats.remindPayment"),
                   {{QStringLiteral("buyer"), buyer}, {QStringLiteral("order"), orderNo}});
}

Result<ShopTexts> RemoteChats::shopTexts()
{
    return m_s.remoteTeam().shopTexts();
}

Result<LiveQueue> RemoteChats::liveQueue(Timestamp)
{
    if (!m_live) {
        return loading();
    }
    if (!*m_live) {
        return m_live->error();
    }
    LiveQueue q;
    q.sessions = protocol::fromJsonArray<ConversationSummary>((**m_live).value(QStringLiteral("sessions")),
                                                              protocol::conversationFromJson);
    q.routing = protocol::routingFromJson((**m_live).value(QStringLiteral("routing")).toObject());
    return q;
}

QFuture<Result<std::vector<platform::AgentState>>> RemoteChats::teamStatus()
{
    using Out = Result<std::vector<platform::AgentState>>;
    return m_s.call(QStringLiteral("queue.live")).then(&m_s, [](Result<QJsonValue> r) -> Out {
        if (!r) {
            return r.error();
        }
        std::vector<platform::AgentState> out;
        for (const QJsonValue& v : r->toObject().value(QStringLiteral("agents")).toArray()) {
            const QJsonObject a = v.toObject();
            platform::AgentState s;
            s.agent = a.value(QStringLiteral("name")).toString();
            s.presence = presenceFrom(a.value(QStringLiteral("status")).toString());
            s.load = a.value(QStringLiteral("active")).toInt();
            out.push_back(s);
        }
        return out;
    });
}

} // namespace shopdesk::session
