#include "session/remote/Outbox.h"

#include "crypto/Random.h"
#include "session/remote/DraftBook.h"
#include "session/remote/RemoteSession.h"

#include <QTimer>

namespace shopdesk::session {

namespace {

QFuture<Status> ready(Status st)
{
    return QtFuture::makeReadyFuture(std::move(st));
}

} // namespace

Outbox::Outbox(RemoteSession& s, DraftBook& drafts, qint64 leaseMs,
               std::function<std::optional<QString>(const QString& buyer)> heldPlatform)
    : m_s(s)
    , m_drafts(drafts)
    , m_leaseMs(leaseMs)
    , m_heldPlatform(std::move(heldPlatform))
{
}

Outbox::~Outbox()
{
    // The desktop is closing with replies still waiting: they are drafts again, on disk.
    m_sending = false;
    while (!m_waiting.empty()) {
        returnEntry(m_waiting.front(), QString(), false);
    }
}

QFuture<Status> Outbox::send(const QString& buyer, const QString& text)
{
    if (m_s.isEnded()) {
        return ready(Error::sessionEnded(m_s.endReason()));
    }
    Entry e;
    e.rid = QString::fromLatin1(crypto::randomBytes(12).toHex());
    e.buyer = buyer;
    e.text = text;
    e.waited.start();
    const std::optional<QString> held = m_heldPlatform(buyer);
    e.platform = held.value_or(QString());
    if (m_s.link() == LinkState::Connected && m_waiting.empty()) {
        return m_s
            .call(QStringLiteral("chats.send"), {{QStringLiteral("buyer"), buyer}, {QStringLiteral("text"), text}},
                  true, e.rid)
            .then(&m_s, [this, e](const Result<QJsonValue>& r) -> Status {
                if (lostWithTheLink(r) && !e.platform.isEmpty()) {
                    // The link dropped while it was on its way: it may have gone or not. The same
                    // key again once the link is back, and the server does it once.
                    enqueue(e);
                    return {};
                }
                return r ? Status() : Status(r.error());
            });
    }
    if (!held) {
        return ready(Error::busy(tr("Offline: only a reply in a chat you held when the link dropped can wait for the "
                                    "link; this one stays in the reply box.")));
    }
    enqueue(std::move(e));
    return ready(Status());
}

bool Outbox::lostWithTheLink(const Result<QJsonValue>& r) const
{
    // Failed because the link went (not refused by the server): it may or may not have been done.
    return !r && r.error().code == ErrorCode::Busy && m_s.link() != LinkState::Connected && !m_s.isEnded();
}

void Outbox::enqueue(Entry entry)
{
    entry.until = m_s.clock().now().addMs(std::max<qint64>(0, m_leaseMs - entry.waited.elapsed()));
    // In the order written (one that was on its way when the link dropped goes before those
    // written since): the waiting time orders them.
    auto at = std::find_if(m_waiting.begin(), m_waiting.end(),
                           [&](const Entry& w) { return w.waited.elapsed() < entry.waited.elapsed(); });
    m_waiting.insert(at, std::move(entry));
    scheduleExpiry();
    emit m_s.outboxChanged();
    sendHead();
}

std::vector<QueuedReply> Outbox::queued(const QString& buyer) const
{
    std::vector<QueuedReply> out;
    for (const Entry& e : m_waiting) {
        if (e.buyer == buyer) {
            out.push_back({e.text, e.until});
        }
    }
    return out;
}

void Outbox::flush()
{
    expire();
    sendHead();
}

void Outbox::sendHead()
{
    if (m_sending || m_waiting.empty() || m_s.link() != LinkState::Connected || m_s.isEnded()) {
        return;
    }
    const Entry& head = m_waiting.front();
    if (head.waited.elapsed() >= m_leaseMs) {
        expire();
        sendHead();
        return;
    }
    m_sending = true;
    const QString rid = head.rid;
    m_s.call(QStringLiteral("chats.send"),
             {{QStringLiteral("buyer"), head.buyer},
              {QStringLiteral("text"), head.text},
              {QStringLiteral("waitedMs"), static_cast<double>(head.waited.elapsed())}},
             true, rid)
        .then(&m_s, [this, rid](const Result<QJsonValue>& r) {
            m_sending = false;
            if (m_waiting.empty() || m_waiting.front().rid != rid) {
                return; // given back meanwhile
            }
            if (lostWithTheLink(r)) {
                return; // dropped again: the same key on the next link
            }
            if (r) {
                m_waiting.pop_front();
                emit m_s.outboxChanged();
            } else {
                // Refused (the chat went to someone else, the right was taken away): this reply and
                // the ones after it to the same buyer go back, in order.
                returnEntry(m_waiting.front(), r.error().message, true);
            }
            scheduleExpiry();
            sendHead();
        });
}

void Outbox::returnEntry(const Entry& e, const QString& why, bool tell)
{
    // Every waiting reply to this buyer goes with it: a later one alone would reach the buyer
    // without what it followed.
    const QString platform = e.platform;
    const QString buyer = e.buyer;
    QStringList texts;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (it->buyer == buyer && !(m_sending && it == m_waiting.begin())) {
            texts << it->text;
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    if (texts.isEmpty()) {
        return;
    }
    const QString back = texts.join(QLatin1Char('\n'));
    const QString draft = m_drafts.text(platform, buyer);
    (void)m_drafts.set(platform, buyer, draft.trimmed().isEmpty() ? back : back + QLatin1Char('\n') + draft);
    if (tell) {
        emit m_s.outboxChanged();
        emit m_s.replyReturned(platform, buyer, back,
                               tr("Not sent to %1 (%2); the text is back in that chat's reply box.").arg(buyer, why));
    }
}

void Outbox::expire()
{
    for (std::size_t i = 0; i < m_waiting.size(); ++i) {
        const Entry& e = m_waiting[i];
        if (!(m_sending && i == 0) && e.waited.elapsed() >= m_leaseMs) {
            returnEntry(e, tr("it waited longer than %1 s for the link").arg(m_leaseMs / 1000), true);
            i = static_cast<std::size_t>(-1); // from the start again: the list changed
        }
    }
    scheduleExpiry();
}

void Outbox::scheduleExpiry()
{
    if (!m_expiry) {
        m_expiry = new QTimer(&m_s);
        m_expiry->setSingleShot(true);
        QObject::connect(m_expiry, &QTimer::timeout, &m_s, [this] { expire(); });
    }
    qint64 next = -1;
    for (const Entry& e : m_waiting) {
        const qint64 left = std::max<qint64>(0, m_leaseMs - e.waited.elapsed());
        next = next < 0 ? left : std::min(next, left);
    }
    if (next < 0) {
        m_expiry->stop();
    } else {
        m_expiry->start(static_cast<int>(next) + 1);
    }
}

void Outbox::giveBack(const QString& why)
{
    m_sending = false;
    while (!m_waiting.empty()) {
        returnEntry(m_waiting.front(), why, true);
    }
}

} // namespace shopdesk::session
