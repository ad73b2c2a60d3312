#pragma once

#include "core/Result.h"
#include "domain/Message.h"

#include <QAbstractListModel>

#include <vector>

namespace shopdesk::session {
class ShopSession;
}

namespace shopdesk::ui {

/// One conversation's messages as a paged list: the newest page first, older pages prepended when
/// the view scrolls to the top, new messages appended as the store receives them. Never holds more
/// than what the agent scrolled through.
class TimelineModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        SenderRole = Qt::UserRole + 1,
        AgentRole,
        TimeRole,      ///< qint64 ms
        CardRole,      ///< order number of an order card
        ShowTimeRole,  ///< a time separator goes above this message
        MessageIdRole, ///< qint64
    };
    static constexpr int kPageSize = 100;
    /// A time separator above a message that follows the previous one by this much or more.
    static constexpr qint64 kSeparatorMs = 5 * 60 * 1000;

    TimelineModel(session::ShopSession& session, ConversationId conversation, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    /// Prepends the page before the first row; false when there is none (or on error).
    bool loadOlder();
    bool hasOlder() const { return m_hasOlder; }
    /// Appends what arrived after the last row; returns how many.
    int refreshNewer();
    const Message& message(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    ConversationId conversation() const { return m_conversation; }
    /// The row of a message, or -1 when not loaded.
    int rowOf(MessageId id) const;
    MessageId lastId() const { return m_rows.empty() ? MessageId() : m_rows.back().id; }
    /// The last load error ("" when none).
    const QString& error() const { return m_error; }

private:
    session::ShopSession& m_session;
    ConversationId m_conversation;
    std::vector<Message> m_rows;
    bool m_hasOlder = true;
    QString m_error;
};

} // namespace shopdesk::ui
