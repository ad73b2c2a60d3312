#pragma once

#include "domain/Workbench.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace shopdesk::session {
class ShopSession;
} // namespace shopdesk::session

namespace shopdesk::ui {

/// The left column: 接待中 (my active buyers, longest waiting first, with unread counts and the
/// time since their unanswered message), 排队中 (the queue's length and estimated wait) and 最近联系
/// (recent, ended or moved on), filtered by a search text.
class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Kind { Header, Conversation, Queue, Empty };
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

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Reads the store again; returns false (and error()) when it cannot.
    bool refresh();
    void setFilter(const QString& text);
    /// The agent has seen the conversation up to `upTo`.
    void markRead(ConversationId conversation, MessageId upTo);

    Kind kind(int row) const;
    const ConversationSummary* summary(int row) const;
    /// The row of a conversation, or -1.
    int rowOf(ConversationId id) const;
    const std::vector<ConversationSummary>& active() const { return m_active; }
    const QueueSnapshot& queue() const { return m_queue; }
    int unread(ConversationId id) const { return m_unread.value(id.value()); }
    const QString& error() const { return m_error; }

signals:
    /// Buyers newly assigned to me since the last refresh.
    void assigned(const QStringList& buyers);
    /// Buyer messages arrived in conversations the agent is not looking at.
    void unreadArrived(int count);

private:
    struct Row {
        Kind kind;
        QString title;
        int summary = -1; ///< index into m_all
    };
    void rebuild();
    bool matches(const ConversationSummary& s) const;

    session::ShopSession& m_session;
    QString m_filter;
    std::vector<ConversationSummary> m_active;
    std::vector<ConversationSummary> m_recent;
    std::vector<const ConversationSummary*> m_all;
    QueueSnapshot m_queue;
    std::vector<Row> m_rows;
    QHash<qint64, int> m_unread;
    QSet<qint64> m_knownActive;
    bool m_firstLoad = true;
    QString m_error;
};

} // namespace shopdesk::ui
