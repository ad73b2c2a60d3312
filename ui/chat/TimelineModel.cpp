#include "chat/TimelineModel.h"
#include "common/Format.h"

#include "session/Chats.h"
#include "session/ShopSession.h"

#include <algorithm>

namespace shopdesk::ui {

TimelineModel::TimelineModel(session::ShopSession& session, ConversationId conversation, QObject* parent)
    : KeyedRows(parent)
    , m_session(session)
    , m_conversation(conversation)
{
    loadOlder();
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    const TimelineRow* r = item(index);
    if (!r) {
        return {};
    }
    const Message& m = r->message;
    switch (role) {
    case Qt::DisplayRole:
        return format::shown(m.text); // the stored original stays as it came

    case SenderRole:
        return static_cast<int>(m.sender);
    case AgentRole:
        return m.agent;
    case TimeRole:
        return m.sentAt.ms();
    case CardRole:
        return m.cardOrderNo;
    case ShowTimeRole:
        return r->showTime;
    case MessageIdRole:
        return m.id.value();
    default:
        return {};
    }
}

void TimelineModel::apply(std::vector<Message> messages)
{
    std::sort(messages.begin(), messages.end(),
              [](const Message& a, const Message& b) { return a.id.value() < b.id.value(); });
    std::vector<TimelineRow> rows;
    rows.reserve(messages.size());
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const bool showTime = i == 0 || messages[i].sentAt.ms() - messages[i - 1].sentAt.ms() >= kSeparatorMs;
        rows.push_back({std::move(messages[i]), showTime});
    }
    sync(std::move(rows));
}

bool TimelineModel::loadOlder()
{
    if (!m_hasOlder) {
        return false;
    }
    auto page =
        m_session.chats().page(m_conversation, kPageSize, items().empty() ? MessageId() : items().front().message.id);
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
    std::vector<Message> all = std::move(*page);
    for (const TimelineRow& r : items()) {
        all.push_back(r.message);
    }
    apply(std::move(all));
    return true;
}

Result<std::vector<Message>> TimelineModel::allAfter(MessageId after)
{
    std::vector<Message> out;
    for (;;) {
        auto page = m_session.chats().after(m_conversation, kPageSize, after);
        if (!page) {
            return page.error();
        }
        const bool more = static_cast<int>(page->size()) == kPageSize;
        if (!page->empty()) {
            after = page->back().id;
        }
        out.insert(out.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
        if (!more) {
            return out;
        }
    }
}

int TimelineModel::refreshNewer()
{
    // Re-read the tail from a little before the last message: a message stamped earlier than the
    // last one shown (a late delivery) is merged in place instead of missed.
    const std::vector<TimelineRow>& rows = items();
    std::size_t keep = 0; // rows before the re-read window stay as they are
    MessageId from;
    if (!rows.empty()) {
        const qint64 windowStart = rows.back().message.sentAt.ms() - kLateMs;
        std::size_t i = rows.size();
        while (i > 0 && rows[i - 1].message.sentAt.ms() >= windowStart) {
            --i;
        }
        // The window starts after row i-1 (or after the first row, whose older neighbours are
        // loadOlder()'s to fetch).
        keep = std::max<std::size_t>(i, 1);
        from = rows[keep - 1].message.id;
    }
    auto fresh = allAfter(from);
    if (!fresh) {
        m_error = fresh.error().message;
        return 0;
    }
    m_error.clear();
    int added = 0;
    for (const Message& m : *fresh) {
        if (rowOf(m.id) < 0) {
            ++added;
        }
    }
    const bool removed = fresh->size() - static_cast<std::size_t>(added) != rows.size() - keep;
    if (added == 0 && !removed) {
        return 0;
    }
    std::vector<Message> all;
    all.reserve(keep + fresh->size());
    for (std::size_t i = 0; i < keep; ++i) {
        all.push_back(rows[i].message);
    }
    all.insert(all.end(), std::make_move_iterator(fresh->begin()), std::make_move_iterator(fresh->end()));
    apply(std::move(all));
    return added;
}

bool TimelineModel::reloadLoaded()
{
    if (items().empty()) {
        return refreshNewer() >= 0;
    }
    auto fresh = allAfter(MessageId(items().front().message.id.value() - 1));
    if (!fresh) {
        m_error = fresh.error().message;
        return false;
    }
    m_error.clear();
    apply(std::move(*fresh));
    return true;
}

} // namespace shopdesk::ui
