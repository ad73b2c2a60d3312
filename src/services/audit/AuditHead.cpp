#include "services/audit/AuditHead.h"

#include "core/Logging.h"
#include "crypto/Hmac.h"
#include "crypto/Random.h"

#include <QtEndian>

namespace shopdesk {

namespace {

constexpr char kMagic[] = "SDA1";
constexpr int kMagicBytes = 4;
constexpr int kMacBytes = 32;

} // namespace

AuditHead::AuditHead(QByteArray auditKey, AnchorStore store)
    : m_key(std::move(auditKey))
    , m_store(std::move(store))
{
    m_thread = std::thread([this] { anchorLoop(); });
}

AuditHead::~AuditHead()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

QByteArray AuditHead::seal(const Mark& mark) const
{
    QByteArray body(kMagic, kMagicBytes);
    char id[8];
    qToBigEndian<qint64>(mark.id, id);
    body.append(id, 8);
    body.append(mark.mac);
    return body + crypto::hmacSha256(m_key, QByteArray("shopdesk audit anchor v1") + body);
}

std::optional<AuditHead::Mark> AuditHead::unseal(const QByteArray& sealed) const
{
    if (sealed.size() != kMagicBytes + 8 + kMacBytes + 32 || !sealed.startsWith(kMagic)) {
        return std::nullopt;
    }
    const QByteArray body = sealed.left(kMagicBytes + 8 + kMacBytes);
    const QByteArray tag = sealed.mid(body.size());
    if (!crypto::equalConstantTime(tag, crypto::hmacSha256(m_key, QByteArray("shopdesk audit anchor v1") + body))) {
        return std::nullopt;
    }
    Mark m;
    m.id = qFromBigEndian<qint64>(body.constData() + kMagicBytes);
    m.mac = body.mid(kMagicBytes + 8);
    return m;
}

Result<std::optional<AuditHead::Mark>> AuditHead::loadAnchor() const
{
    auto stored = m_store.read();
    if (!stored) {
        return stored.error();
    }
    if (!*stored) {
        return std::optional<Mark>();
    }
    auto mark = unseal(**stored);
    if (!mark) {
        return Error::internal(QStringLiteral("The audit log's anchor beside the database key is damaged or was "
                                              "replaced (its seal does not match this database's key)."));
    }
    return std::optional<Mark>(*mark);
}

Status AuditHead::anchorNow(const Mark& mark)
{
    Status st = m_store.write(seal(mark));
    if (st) {
        std::lock_guard lock(m_mutex);
        m_anchoredId = std::max(m_anchoredId, mark.id);
    }
    return st;
}

AuditHead::Mark AuditHead::expected() const
{
    std::lock_guard lock(m_mutex);
    return m_pending ? *m_pending : m_expected;
}

void AuditHead::trust(const Mark& mark)
{
    std::lock_guard lock(m_mutex);
    m_expected = mark;
    m_pending.reset();
    m_broken.reset();
}

void AuditHead::markBroken(const QString& reason)
{
    std::lock_guard lock(m_mutex);
    m_broken = reason;
}

std::optional<QString> AuditHead::broken() const
{
    std::lock_guard lock(m_mutex);
    return m_broken;
}

void AuditHead::appended(const Mark& mark)
{
    std::lock_guard lock(m_mutex);
    m_pending = mark;
}

void AuditHead::rolledBack(std::optional<Mark> stillThere)
{
    std::lock_guard lock(m_mutex);
    if (!m_pending) {
        return;
    }
    if (stillThere && stillThere->id > m_expected.id) {
        m_pending = stillThere;
    } else {
        m_pending.reset();
    }
}

bool AuditHead::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_pending.has_value();
}

void AuditHead::committed()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_pending) {
            return;
        }
        m_expected = *m_pending;
        m_pending.reset();
        m_toAnchor = m_expected;
    }
    m_wake.notify_one();
}

void AuditHead::anchorLoop()
{
    auto log = logging::get("audit");
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_toAnchor; });
        if (!m_toAnchor) {
            return; // stopping, nothing left to write
        }
        const Mark mark = *m_toAnchor;
        m_toAnchor.reset();
        if (mark.id <= m_anchoredId) {
            continue;
        }
        lock.unlock();
        // Another program may have anchored further meanwhile: never move the anchor back.
        std::optional<qint64> storedId;
        if (auto stored = loadAnchor(); stored && *stored) {
            storedId = (*stored)->id;
        }
        Status st = storedId && *storedId >= mark.id ? Status() : m_store.write(seal(mark));
        lock.lock();
        if (st) {
            m_anchoredId = std::max(m_anchoredId, mark.id);
        } else {
            // The entries are committed; only the anchor lags. It is written again with the next one.
            log->error("could not move the audit log's anchor: {}", st.error().message);
            if (m_stopping) {
                return;
            }
            if (!m_toAnchor) {
                m_toAnchor = mark;
                if (!m_stopping) {
                    m_wake.wait_for(lock, std::chrono::seconds(1));
                }
            }
        }
    }
}

} // namespace shopdesk
