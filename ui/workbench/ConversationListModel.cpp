#include "workbench/ConversationListModel.h"

#include "common/Gates.h"
#include "domain/TextMatch.h"
#include "session/Chats.h"
#include "session/ShopSession.h"

#include <algorithm>

namespace shopdesk::ui {

namespace {
constexpr qint64 kWindowMs = 3LL * 24 * 3600 * 1000; // conversations of the last three days
}

ConversationListModel::ConversationListModel(session::ShopSession& session, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

ConversationListModel::Kind ConversationListModel::kind(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].kind : Kind::Empty;
}

const ConversationSummary* ConversationListModel::summary(int row) const
{
    if (kind(row) != Kind::Conversation) {
        return nullptr;
    }
    return m_all[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(row)].summary)];
}

int ConversationListModel::rowOf(ConversationId id) const
{
    for (int r = 0; r < rowCount(); ++r) {
        if (const auto* s = summary(r); s && s->id == id) {
            return r;
        }
    }
    return -1;
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex& index) const
{
    return kind(index.row()) == Kind::Conversation ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled;
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    const int row = index.row();
    if (!index.isValid() || row >= rowCount()) {
        return {};
    }
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    if (role == KindRole) {
        return static_cast<int>(r.kind);
    }
    if (r.kind != Kind::Conversation) {
        return role == Qt::DisplayRole ? QVariant(r.title) : QVariant();
    }
    const ConversationSummary& s = *m_all[static_cast<std::size_t>(r.summary)];
    switch (role) {
    case Qt::DisplayRole:
        return s.buyerNick;
    case Qt::ToolTipRole:
        return s.tags.isEmpty() ? s.buyerNick : s.buyerNick + QStringLiteral(" · ") + s.tags.join(QStringLiteral(", "));
    case UnreadRole:
        return m_unread.value(s.id.value());
    case WaitingSinceRole:
        return s.state == ConversationSummary::State::Active && s.waitingSince ? QVariant(s.waitingSince->ms())
                                                                               : QVariant();
    case StateRole:
        return static_cast<int>(s.state);
    case GradeRole:
        return s.grade;
    case PreviewRole:
        return s.preview;
    case TimeRole:
        return s.lastMessageAt.ms();
    default:
        return {};
    }
}

bool ConversationListModel::matches(const ConversationSummary& s) const
{
    if (m_filter.isEmpty()) {
        return true;
    }
    const QString f = textmatch::foldString(m_filter);
    return textmatch::foldString(s.buyerNick).contains(f) || textmatch::foldString(s.preview).contains(f) ||
           textmatch::foldString(s.tags.join(QLatin1Char(' '))).contains(f) || textmatch::foldString(s.grade) == f;
}

void ConversationListModel::setFilter(const QString& text)
{
    m_filter = text.trimmed();
    rebuild();
}

void ConversationListModel::markRead(ConversationId conversation, MessageId upTo)
{
    if (!upTo.isValid()) {
        return;
    }
    // Remembered by the shop (the count survives a restart); shown at once.
    (void)m_session.chats().markRead(conversation, upTo);
    if (m_unread.value(conversation.value()) != 0) {
        m_unread[conversation.value()] = 0;
        const int row = rowOf(conversation);
        if (row >= 0) {
            emit dataChanged(index(row), index(row), {UnreadRole});
        }
    }
}

bool ConversationListModel::refresh()
{
    if (!m_session.may(auth::Operation::ChatRead)) {
        // Said, not attempted: the list empties and names what is missing, nothing refused or audited.
        m_error = gates::missingPermissionText(auth::operationInfo(auth::Operation::ChatRead).required);
        m_active.clear();
        m_recent.clear();
        m_queue = {};
        rebuild();
        return false;
    }
    const Timestamp since = Timestamp::fromMs(m_session.clock().now().ms() - kWindowMs);
    auto list = m_session.chats().mine(since);
    auto queue = m_session.chats().queue(since);
    if (!list || !queue) {
        m_error = !list ? list.error().message : queue.error().message;
        return false;
    }
    m_error.clear();
    m_queue = *queue;
    std::vector<ConversationSummary> active;
    std::vector<ConversationSummary> recent;
    const QString me = m_session.me().name;
    for (ConversationSummary& s : *list) {
        const bool mine = s.state == ConversationSummary::State::Active && s.agent == me;
        (mine ? active : recent).push_back(std::move(s));
    }
    std::sort(active.begin(), active.end(), [](const ConversationSummary& a, const ConversationSummary& b) {
        if (a.waitingSince.has_value() != b.waitingSince.has_value()) {
            return a.waitingSince.has_value();
        }
        if (a.waitingSince && *a.waitingSince != *b.waitingSince) {
            return *a.waitingSince < *b.waitingSince;
        }
        return a.stateSince < b.stateSince;
    });
    std::sort(recent.begin(), recent.end(), [](const ConversationSummary& a, const ConversationSummary& b) {
        return a.lastMessageAt > b.lastMessageAt;
    });
    if (recent.size() > static_cast<std::size_t>(kRecentLimit)) {
        recent.resize(kRecentLimit);
    }
    QStringList fresh;
    QSet<qint64> nowActive;
    int newUnread = 0;
    for (const ConversationSummary& s : active) {
        nowActive.insert(s.id.value());
        if (!m_knownActive.contains(s.id.value()) && !m_firstLoad) {
            fresh << s.buyerNick;
        }
        const int unread = s.unread;
        if (unread > m_unread.value(s.id.value())) {
            newUnread += unread - m_unread.value(s.id.value());
        }
        m_unread[s.id.value()] = unread;
    }
    m_knownActive = nowActive;
    m_active = std::move(active);
    m_recent = std::move(recent);
    rebuild();
    const bool first = m_firstLoad;
    m_firstLoad = false;
    if (!fresh.isEmpty()) {
        emit assigned(fresh);
    }
    if (newUnread > 0 && !first) {
        emit unreadArrived(newUnread);
    }
    return true;
}

void ConversationListModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_all.clear();
    auto section = [this](const QString& title, const std::vector<ConversationSummary>& items, const QString& empty) {
        std::vector<int> shown;
        for (const ConversationSummary& s : items) {
            if (matches(s)) {
                m_all.push_back(&s);
                shown.push_back(static_cast<int>(m_all.size()) - 1);
            }
        }
        m_rows.push_back({Kind::Header, title.arg(shown.size())});
        for (int i : shown) {
            m_rows.push_back({Kind::Conversation, {}, i});
        }
        if (shown.empty() && !empty.isEmpty()) {
            m_rows.push_back({Kind::Empty, empty});
        }
    };
    section(tr("Serving (%1)"), m_active, m_filter.isEmpty() ? tr("No buyer right now") : tr("No match"));
    m_rows.push_back({Kind::Header, tr("Queue (%1)").arg(m_queue.length)});
    QString queueLine;
    if (m_queue.length == 0) {
        queueLine = tr("Nobody is waiting");
    } else if (m_queue.latestEstimateSecs) {
        queueLine =
            tr("%1 waiting · estimated wait %2 min").arg(m_queue.length).arg((*m_queue.latestEstimateSecs + 59) / 60);
    } else {
        queueLine = tr("%1 waiting · no agent online for them").arg(m_queue.length);
    }
    m_rows.push_back({Kind::Queue, queueLine});
    section(tr("Recent (%1)"), m_recent, QString());
    endResetModel();
}

} // namespace shopdesk::ui
