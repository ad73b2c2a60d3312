#pragma once

#include "common/KeyedRows.h"
#include "core/Result.h"
#include "domain/Message.h"

#include <QAbstractListModel>

#include <vector>

namespace shopdesk::session {
class ShopSession;
}

namespace shopdesk::ui {

/// One message of a timeline and whether a time separator goes above it.
struct TimelineRow {
    Message message;
    bool showTime = false;

    qint64 key() const { return message.id.value(); }
    bool operator==(const TimelineRow& o) const
    {
        return message.id == o.message.id && showTime == o.showTime && message.text == o.message.text &&
               message.sender == o.message.sender && message.agent == o.message.agent &&
               message.sentAt == o.message.sentAt && message.cardOrderNo == o.message.cardOrderNo;
    }
};

/// One conversation's messages as a paged list: the newest page first, older pages prepended when
/// the view scrolls to the top, new messages merged in as the store receives them (also one that
/// arrives late with an earlier time). Updated by rows; never holds more than what the agent
/// scrolled through.
class TimelineModel : public KeyedRows<TimelineRow, QAbstractListModel> {
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
    /// How far back in time a message may arrive late and still be merged in place.
    static constexpr qint64 kLateMs = 10 * 60 * 1000;

    TimelineModel(session::ShopSession& session, ConversationId conversation, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;

    /// Prepends the page before the first row; false when there is none (or on error).
    bool loadOlder();
    bool hasOlder() const { return m_hasOlder; }
    /// Merges what arrived since the last refresh; returns how many messages are new.
    int refreshNewer();
    /// Reads every loaded message again (some may have been deleted); rows that went are removed.
    bool reloadLoaded();
    const Message& message(int row) const { return item(row)->message; }
    ConversationId conversation() const { return m_conversation; }
    /// The row of a message, or -1 when not loaded.
    int rowOf(MessageId id) const { return rowOfKey(id.value()); }
    MessageId lastId() const { return items().empty() ? MessageId() : items().back().message.id; }
    /// The last load error ("" when none).
    const QString& error() const { return m_error; }

private:
    /// Sorts by id, marks the separators and applies the list by rows.
    void apply(std::vector<Message> messages);
    /// Every message after `after`, page by page.
    Result<std::vector<Message>> allAfter(MessageId after);

    session::ShopSession& m_session;
    ConversationId m_conversation;
    bool m_hasOlder = true;
    QString m_error;
};

} // namespace shopdesk::ui
