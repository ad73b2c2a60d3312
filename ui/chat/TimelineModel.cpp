#include "chat/TimelineModel.h"

#include "session/Chats.h"
#include "session/ShopSession.h"

#include <algorithm>

namespace shopdesk::ui {

TimelineModel::TimelineModel(session::ShopSession& session, ConversationId conversation, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session)
    , m_conversation(conversation)
{
    loadOlder();
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Message& m = message(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m.text;
    case SenderRole:
        return static_cast<int>(m.sender);
    case AgentRole:
        return m.agent;
    case TimeRole:
        return m.sentAt.ms();
    case CardRole:
        return m.cardOrderNo;
    case ShowTimeRole:
        return index.row() == 0 || m.sentAt.ms() - message(index.row() - 1).sentAt.ms() >= kSeparatorMs;
    case MessageIdRole:
        return m.id.value();
    default:
        return {};
    }
}

bool TimelineModel::loadOlder()
{
    if (!m_hasOlder) {
        return false;
    }
    auto page = m_session.chats().page(m_conversation, kPageSize, m_rows.empty() ? MessageId() : m_rows.front().id);
    if (!page) {
        m_error = page.error().message;
        return false;
    }
    m_error.clear();
    if (static_cast<int>(page->size()) < kPageSize) {
        m_hasOlder = false;
    }
    if (page->empty()) {
        return false;
    }
    const int n = static_cast<int>(page->size());
    beginInsertRows({}, 0, n - 1);
    m_rows.insert(m_rows.begin(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
    endInsertRows();
    if (m_rows.size() > static_cast<std::size_t>(n)) {
        // The old first row may lose its time separator.
        const QModelIndex old = index(n);
        emit dataChanged(old, old, {ShowTimeRole});
    }
    return true;
}

int TimelineModel::refreshNewer()
{
    int added = 0;
    for (;;) {
        auto page = m_session.chats().after(m_conversation, kPageSize, lastId());
        if (!page) {
            m_error = page.error().message;
            return added;
        }
        if (page->empty()) {
            return added;
        }
        const int first = rowCount();
        const int n = static_cast<int>(page->size());
        beginInsertRows({}, first, first + n - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
        endInsertRows();
        added += n;
        if (n < kPageSize) {
            return added;
        }
    }
}

int TimelineModel::rowOf(MessageId id) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                               [](const Message& m, MessageId v) { return m.id.value() < v.value(); });
    return it != m_rows.end() && it->id == id ? static_cast<int>(it - m_rows.begin()) : -1;
}

} // namespace shopdesk::ui
