#include "pg/PgStore.h"

#include "core/Logging.h"
#include "services/audit/AuditChain.h"
#include "services/audit/AuditHead.h"

#include <chrono>
#include <random>
#include <thread>

namespace shopdesk::pg {

namespace {

[[noreturn]] void refuseAudit(const QString& why)
{
    throw PgFailure(Error::internal(
        QStringLiteral("the audit log was tampered with (%1); nothing is written to it until the owner has checked "
                       "it (shopdesk-server audit verify)")
            .arg(why)));
}

} // namespace

PgResult PgTx::q(const char* sql, const std::vector<Param>& params)
{
    auto r = m_c.query(sql, params);
    if (!r) {
        throw PgFailure(r.error());
    }
    return std::move(*r);
}

PgResult PgTx::prepared(const char* name, const char* sql, const std::vector<Param>& params)
{
    auto r = m_c.prepared(name, sql, params);
    if (!r) {
        throw PgFailure(r.error());
    }
    return std::move(*r);
}

void PgTx::audit(std::vector<AuditEntry> entries)
{
    for (AuditEntry& e : entries) {
        m_audit.push_back(std::move(e));
    }
}

void PgTx::change(const QString& kind, const QByteArray& payloadJson)
{
    m_changes.emplace_back(kind, payloadJson);
}

Result<std::unique_ptr<PgStore>> PgStore::open(const QString& url, int timeoutSeconds)
{
    auto c = PgConnection::open(url, timeoutSeconds);
    if (!c) {
        return c.error();
    }
    std::unique_ptr<PgStore> s(new PgStore());
    s->m_c = std::move(*c);
    return s;
}

PgStore::~PgStore() = default;

void PgStore::setAudit(std::shared_ptr<AuditChain> chain, std::shared_ptr<AuditHead> head)
{
    std::lock_guard lock(m_mutex);
    m_chain = std::move(chain);
    m_head = std::move(head);
}

Status PgStore::writeStatus(const char* what, const std::function<void(PgTx&)>& job)
{
    return transact(what, true, job);
}

Result<std::unique_ptr<PgHeldTx>> PgStore::hold()
{
    std::unique_lock lock(m_mutex);
    if (!m_c->isOpen()) {
        if (Status st = m_c->reset(); !st) {
            return st.error();
        }
    }
    if (Status st = m_c->exec("BEGIN"); !st) {
        return st.error();
    }
    return std::unique_ptr<PgHeldTx>(new PgHeldTx(*this, std::move(lock)));
}

PgHeldTx::PgHeldTx(PgStore& store, std::unique_lock<std::mutex> lock)
    : m_store(store)
    , m_lock(std::move(lock))
    , m_tx(*store.m_c, store.m_shopId)
{
}

PgHeldTx::~PgHeldTx()
{
    if (m_open && m_store.m_c->isOpen()) {
        (void)m_store.m_c->exec("ROLLBACK");
    }
}

Status PgHeldTx::commit(const char* what)
{
    if (!m_open) {
        return Error::internal(QStringLiteral("Could not %1: the transaction is over.").arg(QString::fromLatin1(what)));
    }
    m_open = false;
    std::unique_lock<std::mutex> turn;
    try {
        m_store.commitWrite(m_tx, turn);
        return {};
    } catch (const PgFailure& f) {
        m_store.undo(true, turn);
        return f.error;
    }
}

void PgStore::commitWrite(PgTx& tx, std::unique_lock<std::mutex>& turn)
{
    if (m_head) {
        turn = std::unique_lock(m_head->turn());
    }
    appendAudit(tx, tx.takeAudit());
    appendChanges(tx, tx.takeChanges());
    if (Status st = m_c->exec("COMMIT"); !st) {
        throw PgFailure(st.error());
    }
    if (m_head) {
        m_head->committed();
    }
}

void PgStore::undo(bool began, std::unique_lock<std::mutex>& turn)
{
    if (began && m_c->isOpen()) {
        (void)m_c->exec("ROLLBACK");
    }
    if (turn.owns_lock()) {
        m_head->rolledBack(std::nullopt); // (a job stopped before its append left nothing there)
    }
}

Result<qint64> PgStore::lastChange()
{
    return read<qint64>("read the change sequence", [](PgTx& tx) {
        auto r = tx.q("SELECT seq FROM change_heads WHERE shop_id = $1", {tx.shop()});
        return r.rows() ? r.integer(0, 0) : qint64(0);
    });
}

Status PgStore::transact(const char* what, bool writing, const std::function<void(PgTx&)>& job)
{
    std::lock_guard lock(m_mutex);
    // A dropped link is tried once more on a fresh connection (the job had not committed), and a
    // transaction that lost a deadlock or a serialisation conflict (rolled back whole) up to
    // kConflictTries times.
    constexpr int kConflictTries = 5;
    for (int attempt = 0; attempt < kConflictTries; ++attempt) {
        if (!m_c->isOpen()) {
            if (Status st = m_c->reset(); !st) {
                return st;
            }
        }
        m_c->clearFailure();
        PgTx tx(*m_c, m_shopId);
        bool began = false;
        std::unique_lock<std::mutex> turn; // the audit head's, from the append to the end
        try {
            if (Status st = m_c->exec(writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !st) {
                throw PgFailure(st.error());
            }
            began = true;
            job(tx);
            if (writing) {
                commitWrite(tx, turn);
            } else if (Status st = m_c->exec("COMMIT"); !st) {
                throw PgFailure(st.error());
            }
            return {};
        } catch (const PgFailure& f) {
            undo(began, turn);
            if (f.error.code == ErrorCode::Busy && !m_c->isOpen() && attempt == 0) {
                continue;
            }
            if (f.error.code == ErrorCode::Busy && m_c->isOpen() && m_c->lastFailureConflict() &&
                attempt + 1 < kConflictTries) {
                logging::get("pg")->info("a transaction lost a lock conflict; running it again ({})", attempt + 1);
                // A short, growing, jittered pause lets the winner finish before the same locks are
                // asked for again (an immediate retry can meet the same waiter and lose once more).
                thread_local std::minstd_rand jitter{std::random_device{}()};
                std::this_thread::sleep_for(std::chrono::milliseconds((attempt + 1) * (5 + jitter() % 16)));
                continue;
            }
            return Error{f.error.code, f.error.message};
        } catch (const std::exception& e) {
            undo(began, turn);
            return Error::internal(
                QStringLiteral("Could not %1: %2").arg(QString::fromLatin1(what), QString::fromUtf8(e.what())));
        }
    }
    return Error::busy(QStringLiteral("Could not %1: the link to PostgreSQL dropped.").arg(QString::fromLatin1(what)));
}

void PgStore::appendAudit(PgTx& tx, const std::vector<AuditEntry>& entries)
{
    if (entries.empty()) {
        return;
    }
    if (!m_chain || !m_head) {
        throw PgFailure(Error::internal(QStringLiteral("the audit key is not loaded")));
    }
    if (auto why = m_head->broken()) {
        refuseAudit(*why);
    }
    // The shop row serialises appends of every server instance.
    auto tail = tx.prepared("audit_tail", "SELECT audit_last_id, audit_last_mac FROM shops WHERE id = $1 FOR UPDATE",
                            {tx.shop()});
    if (tail.rows() == 0) {
        throw PgFailure(Error::notFound(QStringLiteral("The shop is not in the database.")));
    }
    qint64 id = tail.integer(0, 0);
    QByteArray previous = tail.isNull(0, 1) ? AuditChain::genesis() : tail.bytes(0, 1);
    const AuditHead::Mark expected = m_head->expected();
    if (id < expected.id) {
        refuseAudit(QStringLiteral("it ends at entry %1 but entry %2 was written").arg(id).arg(expected.id));
    }
    if (id == expected.id && expected.id > 0 && previous != expected.mac) {
        refuseAudit(QStringLiteral("entry %1 was replaced").arg(id));
    }
    if (id > expected.id) {
        // Written since by another server instance: it must chain from what this one knows.
        auto rows = tx.q("SELECT id, at, actor, action, target, detail, mac FROM audit WHERE shop_id = $1 AND id > $2 "
                         "ORDER BY id",
                         {tx.shop(), param(expected.id)});
        QByteArray before = expected.id == 0 ? AuditChain::genesis() : expected.mac;
        qint64 beforeId = expected.id;
        for (int i = 0; i < rows.rows(); ++i) {
            AuditEntry e{Timestamp::fromMs(rows.integer(i, 1)), rows.text(i, 2), rows.text(i, 3), rows.text(i, 4),
                         rows.text(i, 5)};
            if (rows.integer(i, 0) != beforeId + 1 ||
                m_chain->link(before, rows.integer(i, 0), e) != rows.bytes(i, 6)) {
                refuseAudit(QStringLiteral("entry %1 does not follow entry %2").arg(rows.integer(i, 0)).arg(beforeId));
            }
            before = rows.bytes(i, 6);
            beforeId = rows.integer(i, 0);
        }
        if (beforeId != id) {
            refuseAudit(QStringLiteral("entries after %1 are missing").arg(beforeId));
        }
    }
    for (const AuditEntry& e : entries) {
        ++id;
        const QByteArray mac = m_chain->link(previous, id, e);
        tx.prepared("audit_insert",
                    "INSERT INTO audit(shop_id, id, at, actor, action, target, detail, mac) "
                    "VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                    {tx.shop(), param(id), param(e.at.ms()), param(e.actor), param(e.action), param(e.target),
                     param(e.detail), bytesParam(mac)});
        previous = mac;
    }
    tx.prepared("audit_head", "UPDATE shops SET audit_last_id = $2, audit_last_mac = $3, audit_head = $4 WHERE id = $1",
                {tx.shop(), param(id), bytesParam(previous), bytesParam(m_chain->head(id, previous))});
    m_head->appended({id, previous});
}

void PgStore::appendChanges(PgTx& tx, const std::vector<std::pair<QString, QByteArray>>& changes)
{
    if (changes.empty()) {
        return;
    }
    // The head row is locked until commit: numbers are taken in commit order, without gaps.
    auto head = tx.prepared("change_head",
                            "INSERT INTO change_heads(shop_id, seq) VALUES($1, $2) ON CONFLICT(shop_id) "
                            "DO UPDATE SET seq = change_heads.seq + $2 RETURNING seq",
                            {tx.shop(), param(static_cast<qint64>(changes.size()))});
    qint64 seq = head.integer(0, 0) - static_cast<qint64>(changes.size());
    for (const auto& [kind, payload] : changes) {
        ++seq;
        tx.prepared("change_insert",
                    "INSERT INTO changes(shop_id, seq, kind, payload, at) VALUES($1, $2, $3, $4::jsonb, "
                    "(extract(epoch FROM clock_timestamp()) * 1000)::bigint)",
                    {tx.shop(), param(seq), param(kind), Param(payload)});
    }
    tx.prepared("change_notify", "SELECT pg_notify($1, $2)",
                {Param(QByteArray(kChannel)), Param(QByteArray::number(tx.shopId()) + ':' + QByteArray::number(seq))});
}

} // namespace shopdesk::pg
