#pragma once

#include "common/KeyedRows.h"
#include "domain/Workbench.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <optional>

namespace shopdesk::session {
class ShopSession;
} // namespace shopdesk::session

namespace shopdesk::ui {

/// One row of the conversation list: a section header, a conversation, the queue's line or a
/// section's "nothing here".
struct ConversationRow {
    enum class Kind { Header, Conversation, Queue, Empty };
    QString id; ///< stable: "h:serving", "a:<conversation>", "r:<conversation>", "q", ...
    Kind kind = Kind::Header;
    QString title;
    std::optional<ConversationSummary> summary;

    const QString& key() const { return id; }
    bool operator==(const ConversationRow&) const = default;
};

/// The left column: 接待中 (my active buyers, longest waiting first, with unread counts and the
/// time since their unanswered message), 排队中 (the queue's length and estimated wait) and 最近联系
/// (recent, ended or moved on), filtered by a search text. Updated by rows (KeyedRows); while
/// frozen (the person is pointing at or keyboarding in the list) rows change in place only and the
/// new order waits until it thaws, so nothing moves under the pointer.
class ConversationListModel : public KeyedRows<ConversationRow, QAbstractListModel> {
    Q_OBJECT
public:
    using Kind = ConversationRow::Kind;
    enum Role {
        KindRole = Qt::UserRole + 1,
        UnreadRole,
        WaitingSinceRole,
        StateRole,
        GradeRole,
        PreviewRole,
        TimeRole
    };
    static constexpr int kRecentLimit = 50;

    ConversationListModel(session::ShopSession& session, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Reads the list again (one query for the list with its unread counts, one for the queue);
    /// returns false (and error()) when it cannot.
    bool refresh();
    void setFilter(const QString& text);
    /// The agent has seen the conversation up to `upTo`.
    void markRead(ConversationId conversation, MessageId upTo);
    /// Frozen: rows change in place, the order and membership wait; thawing applies them.
    void setFrozen(bool frozen);
    bool frozen() const { return m_frozen; }
    /// Whether a new order waits for the list to thaw.
    bool pendingOrder() const { return m_pendingOrder; }

    Kind kind(int row) const;
    const ConversationSummary* summary(int row) const;
    /// The row of a conversation, or -1.
    int rowOf(ConversationId id) const;
    const std::vector<ConversationSummary>& active() const { return m_active; }
    const QueueSnapshot& queue() const { return m_queue; }
    int unread(ConversationId id) const;
    const QString& error() const { return m_error; }

signals:
    /// Buyers newly assigned to me since the last refresh.
    void assigned(const QStringList& buyers);
    /// Buyer messages arrived in conversations the agent is not looking at.
    void unreadArrived(int count);
    /// The data were read again (counts, unread badges).
    void refreshed();

private:
    std::vector<ConversationRow> rows() const;
    void apply();
    bool matches(const ConversationSummary& s) const;

    session::ShopSession& m_session;
    QString m_filter;
    std::vector<ConversationSummary> m_active;
    std::vector<ConversationSummary> m_recent;
    QueueSnapshot m_queue;
    /// Read up to here on this desk (the count shows 0 before the store has the mark).
    QHash<qint64, MessageId> m_readUpTo;
    QHash<qint64, int> m_lastUnread;
    QSet<qint64> m_knownActive;
    bool m_firstLoad = true;
    bool m_frozen = false;
    bool m_pendingOrder = false;
    QString m_error;
};

} // namespace shopdesk::ui
