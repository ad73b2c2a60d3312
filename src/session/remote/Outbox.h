#pragma once

#include "core/Result.h"
#include "session/Chats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonValue>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

class QTimer;

namespace shopdesk::session {

class DraftBook;
class RemoteSession;

/// Replies written while the link to the team server is down, or on their way when it dropped,
/// in chats the person held (team.md, Offline). Each waits at most `leaseMs`, keeps one request
/// key from the first try to the last (the server does it once), and the replies go in the order
/// they were written once the link is back. One the lease runs out on, or the server refuses
/// (the chat went to someone else, the right was taken away), goes back in front of the buyer's
/// draft with the reason: nothing typed is lost.
class Outbox {
    Q_DECLARE_TR_FUNCTIONS(shopdesk::session::Outbox)
public:
    /// `heldPlatform`: the platform of the buyer's chat when the person holds it, else nothing.
    Outbox(RemoteSession& s, DraftBook& drafts, qint64 leaseMs,
           std::function<std::optional<QString>(const QString& buyer)> heldPlatform);
    /// What still waits goes back to the drafts (the desktop is closing).
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    /// Sends now when the link is up and nothing waits; else queues a reply to a held chat
    /// (answered done: it is the outbox's now), or refuses one to a chat not held.
    QFuture<Status> send(const QString& buyer, const QString& text);
    std::vector<QueuedReply> queued(const QString& buyer) const;
    std::size_t size() const { return m_waiting.size(); }
    void setLease(qint64 leaseMs) { m_leaseMs = leaseMs; }
    /// The link is back: the waiting replies go, oldest first.
    void flush();
    /// The session ended: nothing can go any more; everything goes back with `why`.
    void giveBack(const QString& why);

private:
    struct Entry {
        QString rid;
        QString platform;
        QString buyer;
        QString text;
        QElapsedTimer waited;
        Timestamp until;
    };
    bool lostWithTheLink(const Result<QJsonValue>& r) const;
    void enqueue(Entry entry);
    void sendHead();
    void returnEntry(const Entry& e, const QString& why, bool tell);
    void expire();
    void scheduleExpiry();

    RemoteSession& m_s;
    DraftBook& m_drafts;
    qint64 m_leaseMs;
    std::function<std::optional<QString>(const QString&)> m_heldPlatform;
    std::deque<Entry> m_waiting;
    bool m_sending = false; ///< the head is on its way
    QTimer* m_expiry = nullptr;
};

} // namespace shopdesk::session
