#pragma once

#include "session/Chats.h"
#include "session/remote/DraftBook.h"
#include "session/remote/Outbox.h"

#include <QJsonObject>

#include <map>
#include <optional>

namespace shopdesk::session {

class RemoteSession;

/// The person's chats through the team server. Lists and timelines answer at once from what the
/// server last sent (fetched again when a change of them is pushed); replies, closes and the
/// desk's status go to the server, which checks the permission and that the buyer is the
/// person's, and acts through the shop's platform.
class RemoteChats final : public Chats {
public:
    explicit RemoteChats(RemoteSession& s);
    /// Where this desktop keeps the account's drafts (DraftBook), and how long a reply written
    /// offline waits for the link (Outbox).
    void open(const QString& draftsPath, qint64 leaseMs)
    {
        m_drafts.open(draftsPath);
        m_outbox.setLease(leaseMs);
    }
    Result<std::vector<ConversationSummary>> mine(Timestamp since) override;
    Result<QueueSnapshot> queue(Timestamp since) override;
    Result<std::optional<ConversationSummary>> conversation(const QString& platform, const QString& key) override;
    Result<std::optional<ConversationSummary>> ofBuyer(const QString& platform, const QString& nick) override;
    Result<std::vector<Message>> page(ConversationId conversation, int limit, MessageId before) override;
    Result<std::vector<Message>> after(ConversationId conversation, int limit, MessageId after) override;
    QFuture<Status> markRead(ConversationId conversation, MessageId upTo) override;
    Result<QString> draft(const QString& platform, const QString& buyer) override;
    QFuture<Status> saveDraft(const QString& platform, const QString& buyer, const QString& text) override;
    QFuture<Status> send(const QString& buyer, const QString& text) override;
    std::vector<QueuedReply> queued(const QString& buyer) const override { return m_outbox.queued(buyer); }
    QFuture<Status> sendOrderCard(const QString& buyer, const QString& orderNo) override;
    QFuture<Status> transfer(const QString& buyer, const QString& toAgent, const QString& toGroup,
                             const QString& note) override;
    QFuture<Result<std::vector<TransferTarget>>> transferTargets() override;
    QFuture<Status> close(const QString& buyer, const QString& closingLine, bool inviteRating) override;
    QFuture<Status> remindPayment(const QString& buyer, const QString& orderNo) override;
    Result<ShopTexts> shopTexts() override;
    QFuture<Status> setPresence(platform::AgentPresence presence) override;
    Result<LiveQueue> liveQueue(Timestamp since) override;
    QFuture<Result<std::vector<platform::AgentState>>> teamStatus() override;

    /// Fetches the lists again (after a push, or at login); resolves when they are in.
    QFuture<void> refresh();
    /// Every timeline kept is fetched again (the link is back: they may have changed meanwhile).
    void refreshTimelines();
    /// A conversation's messages changed: its cached timeline is fetched again.
    void messagesChanged(const QString& platform, const QString& key);
    /// Whether a change of this conversation can alter what this desk shows: one in its lists
    /// (接待中, 最近联系), or one just given to `me` (a new owner named in the change).
    bool concerns(const QString& platform, const QString& key, const QString& newOwner, const QString& me) const;
    /// The status last set, sent again with every heartbeat (a silent desk counts as offline).
    std::optional<platform::AgentPresence> presence() const { return m_presence; }
    /// The replies written while offline (sent when the link is back, given back when it ends).
    Outbox& outbox() { return m_outbox; }

private:
    /// The cached timeline; else fetched (a command-line program waits, a desktop is told
    /// "loading" and gets `stored` when it is in). Never called from inside a continuation.
    Result<std::vector<Message>> timeline(ConversationId conversation);
    QFuture<Result<std::vector<Message>>> fetchTimeline(ConversationId conversation);

    RemoteSession& m_s;
    Result<std::vector<ConversationSummary>> m_mine = std::vector<ConversationSummary>();
    std::optional<Result<QJsonObject>> m_live;
    std::map<qint64, Result<std::vector<Message>>> m_timelines;
    DraftBook m_drafts;
    Outbox m_outbox; ///< after the drafts: what still waits at the end goes back into them
    std::optional<platform::AgentPresence> m_presence;
};

} // namespace shopdesk::session
