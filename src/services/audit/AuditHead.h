#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace shopdesk {

class AuditChain;

/// Where the audit chain ends, as this program knows it, and the anchor of that head outside the
/// database (beside the master key, sealed with the audit key, moved on after every commit that
/// appended entries). Rows cut from the end, the table and its head wiped, or an older copy of the
/// database put back all leave the database behind its anchor, which opening the store and
/// `audit verify` detect; an append checks that the log still ends where this program left it (or
/// goes on from there by valid links written by another program) before it chains to it.
class AuditHead {
public:
    /// The last entry: its id and MAC (id 0: the empty log).
    struct Mark {
        qint64 id = 0;
        QByteArray mac;
        bool operator==(const Mark&) const = default;
    };
    /// Reads and writes the sealed anchor where the master key lives.
    struct AnchorStore {
        std::function<Result<std::optional<QByteArray>>()> read;
        std::function<Status(const QByteArray&)> write;
    };

    AuditHead(QByteArray auditKey, AnchorStore store);
    /// Writes the last anchor still pending.
    ~AuditHead();
    AuditHead(const AuditHead&) = delete;
    AuditHead& operator=(const AuditHead&) = delete;

    /// The stored anchor; nullopt when none was ever written. A damaged or forged one is an error.
    Result<std::optional<Mark>> loadAnchor() const;
    /// Writes the anchor now (opening, re-anchoring).
    Status anchorNow(const Mark& mark);

    /// The head appends must chain from.
    Mark expected() const;
    /// Appends go on from `mark` (and a broken log is accepted as it is).
    void trust(const Mark& mark);
    /// The log does not match its anchor: every append is refused with `reason` until trust().
    void markBroken(const QString& reason);
    std::optional<QString> broken() const;

    // The writer thread's bookkeeping of its open transaction.
    /// Entries were appended up to `mark` in the open transaction.
    void appended(const Mark& mark);
    /// The transaction (or a job's part of it) was rolled back; `stillThere` is the last entry the
    /// open transaction still holds, nullopt when the whole transaction is gone.
    void rolledBack(std::optional<Mark> stillThere);
    /// The transaction committed: what it appended is the head now, and the anchor follows.
    void committed();
    /// Whether the open transaction appended anything.
    bool pending() const;

    /// Held by a store from its audit append to its commit or rollback: two stores sharing this
    /// head (the server's and a history import's) never have appends open at the same time.
    std::mutex& turn() { return m_turn; }

    QByteArray seal(const Mark& mark) const;
    std::optional<Mark> unseal(const QByteArray& sealed) const;

private:
    void anchorLoop();

    QByteArray m_key;
    AnchorStore m_store;
    mutable std::mutex m_mutex;
    std::mutex m_turn;
    Mark m_expected;
    std::optional<Mark> m_pending;
    std::optional<QString> m_broken;
    // The anchor is written by its own thread, the latest head only, so that a slow key store never
    // holds up the store's writer.
    std::condition_variable m_wake;
    std::optional<Mark> m_toAnchor;
    qint64 m_anchoredId = -1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace shopdesk
