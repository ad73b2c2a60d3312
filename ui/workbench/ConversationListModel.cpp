#include "workbench/ConversationListModel.h"
#include "common/Format.h"

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
    : KeyedRows(parent)
    , m_session(session)
{
}

ConversationListModel::Kind ConversationListModel::kind(int row) const
{
    const ConversationRow* r = item(row);
    return r ? r->kind : Kind::Empty;
}

const ConversationSummary* ConversationListModel::summary(int row) const
{
    const ConversationRow* r = item(row);
    return r && r->summary ? &*r->summary : nullptr;
}

int ConversationListModel::rowOf(ConversationId id) const
{
    const QString n = QString::number(id.value());
    const int active = rowOfKey(QStringLiteral("a:") + n);
    return active >= 0 ? active : rowOfKey(QStringLiteral("r:") + n);
}

int ConversationListModel::unread(ConversationId id) const
{
    const int row = rowOf(id);
    const ConversationSummary* s = summary(row);
    return s ? s->unread : 0;
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return kind(index.row()) == Kind::Conversation ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled;
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    const ConversationRow* r = item(index);
    if (!r) {
        return {};
    }
    if (role == KindRole) {
        return static_cast<int>(r->kind);
    }
    if (!r->summary) {
        return role == Qt::DisplayRole ? QVariant(r->title) : QVariant();
    }
    const ConversationSummary& s = *r->summary;
    switch (role) {
    case Qt::DisplayRole:
        return format::shownLine(s.buyerNick);
    case Qt::ToolTipRole:
        return s.tags.isEmpty() ? s.buyerNick : s.buyerNick + QStringLiteral(" · ") + s.tags.join(QStringLiteral(", "));
    case UnreadRole:
        return s.unread;
    case WaitingSinceRole:
        return s.state == ConversationSummary::State::Active && s.waitingSince ? QVariant(s.waitingSince->ms())
                                                                               : QVariant();
    case StateRole:
        return static_cast<int>(s.state);
    case GradeRole:
        return s.grade;
    case PreviewRole:
        return format::shownLine(s.preview);
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
    // The person's own request: applied at once, frozen or not.
    m_pendingOrder = false;
    sync(rows());
}

void ConversationListModel::markRead(ConversationId conversation, MessageId upTo)
{
    if (!upTo.isValid()) {
        return;
    }
    // Remembered by the shop (the count survives a restart); shown at once.
    (void)m_session.chats().markRead(conversation, upTo);
    MessageId& mark = m_readUpTo[conversation.value()];
    mark = std::max(mark, upTo);
    bool changed = false;
    for (auto* list : {&m_active, &m_recent}) {
        for (ConversationSummary& s : *list) {
            if (s.id == conversation && s.unread != 0 && s.lastMessageId <= upTo) {
                s.unread = 0;
                changed = true;
            }
        }
    }
    m_lastUnread[conversation.value()] = 0;
    if (changed) {
        apply();
    }
}

void ConversationListModel::setFrozen(bool frozen)
{
    if (m_frozen == frozen) {
        return;
    }
    m_frozen = frozen;
    if (!frozen && m_pendingOrder) {
        apply();
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
        m_pendingOrder = false;
        sync(rows());
        emit refreshed();
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
        // What this desk has seen but the store may not have recorded yet.
        if (auto mark = m_readUpTo.constFind(s.id.value()); mark != m_readUpTo.cend() && s.lastMessageId <= *mark) {
            s.unread = 0;
        }
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
        if (a.stateSince != b.stateSince) {
            return a.stateSince < b.stateSince;
        }
        return a.id < b.id;
    });
    std::sort(recent.begin(), recent.end(), [](const ConversationSummary& a, const ConversationSummary& b) {
        if (a.lastMessageAt != b.lastMessageAt) {
            return a.lastMessageAt > b.lastMessageAt;
        }
        return a.id > b.id;
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
        const int before = m_lastUnread.value(s.id.value());
        if (s.unread > before) {
            newUnread += s.unread - before;
        }
        m_lastUnread[s.id.value()] = s.unread;
    }
    m_knownActive = nowActive;
    m_active = std::move(active);
    m_recent = std::move(recent);
    apply();
    const bool first = m_firstLoad;
    m_firstLoad = false;
    emit refreshed();
    if (!fresh.isEmpty()) {
        emit assigned(fresh);
    }
    if (newUnread > 0 && !first) {
        emit unreadArrived(newUnread);
    }
    return true;
}

void ConversationListModel::apply()
{
    std::vector<ConversationRow> fresh = rows();
    if (m_frozen) {
        m_pendingOrder = syncInPlace(fresh) || m_pendingOrder;
        return;
    }
    m_pendingOrder = false;
    sync(std::move(fresh));
}

std::vector<ConversationRow> ConversationListModel::rows() const
{
    std::vector<ConversationRow> out;
    out.reserve(m_active.size() + m_recent.size() + 6);
    auto section = [&](const QString& name, const QString& prefix, const QString& title,
                       const std::vector<ConversationSummary>& items, const QString& empty) {
        const std::size_t header = out.size();
        out.push_back({QStringLiteral("h:") + name, Kind::Header, {}, std::nullopt});
        int shown = 0;
        for (const ConversationSummary& s : items) {
            if (matches(s)) {
                out.push_back({prefix + QString::number(s.id.value()), Kind::Conversation, {}, s});
                ++shown;
            }
        }
        out[header].title = title.arg(shown);
        if (shown == 0 && !empty.isEmpty()) {
            out.push_back({QStringLiteral("e:") + name, Kind::Empty, empty, std::nullopt});
        }
    };
    section(QStringLiteral("serving"), QStringLiteral("a:"), tr("Serving (%1)"), m_active,
            m_filter.isEmpty() ? tr("No buyer right now") : tr("No match"));
    out.push_back({QStringLiteral("h:queue"), Kind::Header, tr("Queue (%1)").arg(m_queue.length), std::nullopt});
    QString queueLine;
    if (m_queue.length == 0) {
        queueLine = tr("Nobody is waiting");
    } else if (m_queue.latestEstimateSecs) {
        queueLine =
            tr("%1 waiting · estimated wait %2 min").arg(m_queue.length).arg((*m_queue.latestEstimateSecs + 59) / 60);
    } else {
        queueLine = tr("%1 waiting · no agent online for them").arg(m_queue.length);
    }
    out.push_back({QStringLiteral("q"), Kind::Queue, queueLine, std::nullopt});
    section(QStringLiteral("recent"), QStringLiteral("r:"), tr("Recent (%1)"), m_recent, QString());
    return out;
}

} // namespace shopdesk::ui
