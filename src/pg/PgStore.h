#pragma once

#include "core/Result.h"
#include "domain/Account.h"
#include "pg/PgConnection.h"

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace shopdesk {
class AuditChain;
class AuditHead;
} // namespace shopdesk

namespace shopdesk::pg {

/// Thrown inside a PgStore job: the transaction rolls back and the job answers `error`.
struct PgFailure : std::exception {
    explicit PgFailure(Error e)
        : error(std::move(e))
    {
    }
    const char* what() const noexcept override { return "PostgreSQL job failed"; }
    Error error;
};

/// The transaction a job runs in: statements that throw PgFailure, and what the commit carries
/// with it (audit entries, one entry of the shop's change sequence).
class PgTx {
public:
    PgTx(PgConnection& c, qint64 shopId)
        : m_c(c)
        , m_shop(shopId)
    {
    }
    /// Runs one statement (prepared under `name` when given); throws PgFailure.
    PgResult q(const char* sql, const std::vector<Param>& params = {});
    PgResult prepared(const char* name, const char* sql, const std::vector<Param>& params = {});
    qint64 shopId() const { return m_shop; }
    Param shop() const { return param(m_shop); }
    PgConnection& connection() { return m_c; }

    /// Audit entries committed with the job (appended to the chain before the commit).
    void audit(std::vector<AuditEntry> entries);
    /// A change desktops catch up on (kind: "account", "role", "routing", "settings", ...), with
    /// its JSON payload; numbered in the shop's gapless sequence in this transaction.
    void change(const QString& kind, const QByteArray& payloadJson);

    std::vector<AuditEntry> takeAudit() { return std::move(m_audit); }
    std::vector<std::pair<QString, QByteArray>> takeChanges() { return std::move(m_changes); }

private:
    PgConnection& m_c;
    qint64 m_shop;
    std::vector<AuditEntry> m_audit;
    std::vector<std::pair<QString, QByteArray>> m_changes;
};

class PgStore;

/// A write transaction kept open across calls (a history import streaming its records): begun by
/// PgStore::hold(), committed by commit() with its audit entries and changes, rolled back when
/// dropped. It holds its store for its whole life, so it is given a store of its own.
class PgHeldTx {
public:
    ~PgHeldTx();
    PgHeldTx(const PgHeldTx&) = delete;
    PgHeldTx& operator=(const PgHeldTx&) = delete;

    PgTx& tx() { return m_tx; }
    /// Appends the audit entries and the changes, then commits; rolled back on any failure.
    Status commit(const char* what);

private:
    friend class PgStore;
    PgHeldTx(PgStore& store, std::unique_lock<std::mutex> lock);

    PgStore& m_store;
    std::unique_lock<std::mutex> m_lock;
    PgTx m_tx;
    bool m_open = true;
};

/// The team server's PostgreSQL store for one shop: a connection (reconnected after a dropped
/// link), jobs run in transactions, the audit chain appended in the transaction of the action it
/// describes, and changes numbered per shop under a row lock (commit-ordered, gapless) and
/// announced by NOTIFY with the number only.
class PgStore {
public:
    static constexpr const char* kChannel = "shopdesk_changes";

    static Result<std::unique_ptr<PgStore>> open(const QString& url, int timeoutSeconds = 10);
    ~PgStore();

    /// The shop this store serves (0 before init); readers and writers filter by it.
    qint64 shopId() const { return m_shopId; }
    void setShopId(qint64 id) { m_shopId = id; }
    /// The chain and head every audit append goes through (no append without them).
    void setAudit(std::shared_ptr<AuditChain> chain, std::shared_ptr<AuditHead> head);
    AuditHead* auditHead() const { return m_head.get(); }

    /// A read in one snapshot (REPEATABLE READ, read only).
    template <typename T, typename F>
    Result<T> read(const char* what, F&& job)
    {
        return run<T>(what, false, std::function<T(PgTx&)>(std::forward<F>(job)));
    }
    /// A write: the job, its audit entries and its changes commit together or not at all.
    template <typename T, typename F>
    Result<T> write(const char* what, F&& job)
    {
        return run<T>(what, true, std::function<T(PgTx&)>(std::forward<F>(job)));
    }
    Status writeStatus(const char* what, const std::function<void(PgTx&)>& job);

    /// A write transaction that stays open until its commit (see PgHeldTx).
    Result<std::unique_ptr<PgHeldTx>> hold();

    /// The last number of the shop's change sequence.
    Result<qint64> lastChange();

private:
    friend class PgHeldTx;
    PgStore() = default;
    template <typename T>
    Result<T> run(const char* what, bool writing, const std::function<T(PgTx&)>& job)
    {
        std::optional<T> out;
        Status st = transact(what, writing, [&](PgTx& tx) { out.emplace(job(tx)); });
        if (!st) {
            return st.error();
        }
        return std::move(*out);
    }
    Status transact(const char* what, bool writing, const std::function<void(PgTx&)>& job);
    /// The end of a write: the audit head's turn taken, the job's audit entries and changes
    /// appended, committed; throws PgFailure.
    void commitWrite(PgTx& tx, std::unique_lock<std::mutex>& turn);
    /// After a failure: the transaction rolled back, and the head told when it had its turn.
    void undo(bool began, std::unique_lock<std::mutex>& turn);
    void appendAudit(PgTx& tx, const std::vector<AuditEntry>& entries);
    void appendChanges(PgTx& tx, const std::vector<std::pair<QString, QByteArray>>& changes);

    std::mutex m_mutex;
    std::unique_ptr<PgConnection> m_c;
    qint64 m_shopId = 0;
    std::shared_ptr<AuditChain> m_chain;
    std::shared_ptr<AuditHead> m_head;
};

} // namespace shopdesk::pg
