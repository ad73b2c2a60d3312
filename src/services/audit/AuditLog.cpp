#include "services/audit/AuditLog.h"

#include "core/Logging.h"
#include "crypto/Random.h"
#include "services/audit/AuditHead.h"
#include "services/auth/AccessGate.h"

#include <QCoreApplication>

namespace shopdesk {

AuditLog::AuditLog(AuditRepository& repository, const AuditChain& chain, AuditHead& head, const Clock& clock)
    : m_repository(repository)
    , m_chain(chain)
    , m_head(head)
    , m_clock(clock)
{
}

namespace {

QString tampered(const QString& what)
{
    return QCoreApplication::translate("AuditLog",
                                       "The audit log does not match its anchor outside the database: %1. The database "
                                       "may have been tampered with or an older copy put back. ShopDesk writes nothing "
                                       "until the owner has checked it (shopdeskctl audit verify) and accepted it "
                                       "(shopdeskctl --as OWNER audit reanchor --yes).")
        .arg(what);
}

} // namespace

Status AuditLog::checkAnchor()
{
    auto tail = m_repository.tail();
    if (!tail) {
        return tail.error();
    }
    const AuditHead::Mark last{tail->first, tail->first == 0 ? AuditChain::genesis() : tail->second};
    auto anchor = m_head.loadAnchor();
    if (!anchor) {
        const QString why = anchor.error().message;
        m_head.markBroken(why);
        return Error::internal(tampered(why));
    }
    if (!*anchor) {
        auto anchored = m_repository.anchored();
        if (!anchored) {
            return anchored.error();
        }
        if (*anchored) {
            const QString why = QStringLiteral("the anchor beside the database key is missing");
            m_head.markBroken(why);
            return Error::internal(tampered(why));
        }
        // Never anchored (a new store, or one from before anchoring): anchor it as it is, once its
        // chain has been checked.
        auto v = verifyChain();
        if (!v) {
            return v.error();
        }
        if (!v->intact) {
            m_head.markBroken(v->reason);
            return Error::internal(tampered(v->reason));
        }
        m_head.trust(last);
        if (Status st = m_head.anchorNow(last); !st) {
            return st;
        }
        return m_repository.markAnchored();
    }
    const AuditHead::Mark& a = **anchor;
    if (last.id < a.id) {
        const QString why =
            last.id == 0 ? QStringLiteral("the log is empty but %1 entries were written").arg(a.id)
                         : QStringLiteral("the log ends at entry %1 but entry %2 was written").arg(last.id).arg(a.id);
        m_head.markBroken(why);
        return Error::internal(tampered(why));
    }
    if (a.id > 0) {
        auto mac = m_repository.macAt(a.id);
        if (!mac) {
            return mac.error();
        }
        if (!*mac || !crypto::equalConstantTime(**mac, a.mac)) {
            const QString why = QStringLiteral("entry %1 is not the one that was written").arg(a.id);
            m_head.markBroken(why);
            return Error::internal(tampered(why));
        }
    }
    // Entries after the anchor (written since by this or another program) are checked link by link
    // before the next append chains to them.
    m_head.trust(a.id == 0 ? AuditHead::Mark{0, AuditChain::genesis()} : a);
    return {};
}

Status AuditLog::reanchor(const auth::Actor& actor, AccessGate& gate, bool confirmed)
{
    if (Status st = gate.check(actor, auth::Operation::AuditReanchor); !st) {
        return st;
    }
    if (!actor.owner) {
        return gate.refuse(actor, auth::Operation::AuditReanchor, {},
                           QStringLiteral("Only the main account may accept a restored audit log."));
    }
    if (!confirmed) {
        return Error::usage(QStringLiteral("Accepting the audit log as it is cannot be undone; confirm it (--yes)."));
    }
    auto tail = m_repository.tail();
    if (!tail) {
        return tail.error();
    }
    auto anchor = m_head.loadAnchor();
    const QString before = anchor && *anchor ? QString::number((*anchor)->id) : QStringLiteral("none");
    // What was kept while the log was refused (the owner's login) goes first, then the acceptance.
    std::vector<AuditEntry> entries =
        withPending(entry(actor.fullName(), QStringLiteral("audit.reanchored"), {},
                          QStringLiteral("anchored at entry %1; the log ended at %2").arg(before).arg(tail->first)));
    if (Status st = m_repository.appendUnchecked(entries); !st) {
        entries.pop_back();
        keepPending(std::move(entries));
        return st;
    }
    auto now = m_repository.tail();
    if (!now) {
        return now.error();
    }
    const AuditHead::Mark mark{now->first, now->second};
    m_head.trust(mark);
    if (Status st = m_head.anchorNow(mark); !st) {
        return st;
    }
    return m_repository.markAnchored();
}

AuditEntry AuditLog::entry(const QString& actor, const QString& action, const QString& target,
                           const QString& detail) const
{
    return {m_clock.now(), actor, action, target, detail};
}

std::vector<AuditEntry> AuditLog::withPending(AuditEntry entry)
{
    std::vector<AuditEntry> entries;
    {
        std::lock_guard lock(m_pendingMutex);
        entries.swap(m_pending);
    }
    entries.push_back(std::move(entry));
    return entries;
}

void AuditLog::keepPending(std::vector<AuditEntry> entries)
{
    std::lock_guard lock(m_pendingMutex);
    m_pending.insert(m_pending.begin(), std::make_move_iterator(entries.begin()),
                     std::make_move_iterator(entries.end()));
}

void AuditLog::record(AuditEntry e)
{
    std::vector<AuditEntry> entries = withPending(std::move(e));
    m_repository.append(entries).then([this, entries](Status st) {
        if (!st) {
            logging::get("audit")->error("could not write {} audit entries, kept for the next write: {}",
                                         entries.size(), st.error().message);
            keepPending(entries);
        }
    });
}

bool AuditLog::broken() const
{
    return m_head.broken().has_value();
}

void AuditLog::defer(AuditEntry entry)
{
    keepPending({std::move(entry)});
}

Status AuditLog::recordNow(AuditEntry e)
{
    std::vector<AuditEntry> entries = withPending(std::move(e));
    auto future = m_repository.append(entries);
    future.waitForFinished();
    Status st = future.result();
    if (!st) {
        // The effect will not happen; the earlier entries are kept, this one is the caller's to report.
        entries.pop_back();
        keepPending(std::move(entries));
    }
    return st;
}

Result<std::vector<AuditRecord>> AuditLog::list(const auth::Actor& actor, AccessGate& gate, const AuditQuery& query)
{
    if (Status st = gate.check(actor, auth::Operation::AuditList); !st) {
        return st.error();
    }
    return m_repository.list(query);
}

Result<AuditVerification> AuditLog::verify(const auth::Actor& actor, AccessGate& gate)
{
    if (Status st = gate.check(actor, auth::Operation::AuditVerify); !st) {
        return st.error();
    }
    return verifyChain();
}

Result<AuditVerification> AuditLog::verifyChain()
{
    AuditVerification v;
    QByteArray previous = AuditChain::genesis();
    qint64 lastId = 0;
    Status scanned = m_repository.scan([&](const AuditRecord& r) {
        const QByteArray expected = m_chain.link(previous, r.id, r.entry);
        if (!crypto::equalConstantTime(expected, r.mac)) {
            v.intact = false;
            v.firstBrokenId = r.id;
            v.reason = lastId > 0 && r.id != lastId + 1
                           ? QStringLiteral("entry %1 does not follow entry %2: entries between them were removed")
                                 .arg(r.id)
                                 .arg(lastId)
                           : QStringLiteral("entry %1 was altered, or an entry before it was removed").arg(r.id);
            return false;
        }
        previous = r.mac;
        lastId = r.id;
        ++v.entries;
        return true;
    });
    if (!scanned) {
        return scanned.error();
    }
    if (!v.intact) {
        return v;
    }
    auto head = m_repository.head();
    if (!head) {
        return head.error();
    }
    const QByteArray expectedHead = lastId == 0 ? QByteArray() : m_chain.head(lastId, previous);
    if (!crypto::equalConstantTime(*head, expectedHead)) {
        v.intact = false;
        v.reason = lastId == 0 ? QStringLiteral("the log is empty but entries were written: they were removed")
                               : QStringLiteral("the log ends at entry %1 but more were written: the last "
                                                "entries were removed or the head was altered")
                                     .arg(lastId);
        return v;
    }
    // The anchor outside the database: the log must reach it, with the same entry there.
    auto anchor = m_head.loadAnchor();
    if (!anchor) {
        v.intact = false;
        v.reason = anchor.error().message;
        return v;
    }
    if (*anchor) {
        const AuditHead::Mark& a = **anchor;
        if (lastId < a.id) {
            v.intact = false;
            v.reason = lastId == 0 ? QStringLiteral("the log is empty, but its anchor outside the database says %1 "
                                                    "entries were written: the table was wiped or an older copy of "
                                                    "the database put back")
                                         .arg(a.id)
                                   : QStringLiteral("the log ends at entry %1, but its anchor outside the database "
                                                    "says entry %2 was written: entries were cut from the end or an "
                                                    "older copy of the database put back")
                                         .arg(lastId)
                                         .arg(a.id);
            return v;
        }
        if (a.id > 0) {
            auto mac = m_repository.macAt(a.id);
            if (!mac) {
                return mac.error();
            }
            if (!*mac || !crypto::equalConstantTime(**mac, a.mac)) {
                v.intact = false;
                v.firstBrokenId = a.id;
                v.reason = QStringLiteral("entry %1 is not the entry its anchor outside the database names").arg(a.id);
                return v;
            }
        }
    } else {
        auto anchored = m_repository.anchored();
        if (!anchored) {
            return anchored.error();
        }
        if (*anchored) {
            v.intact = false;
            v.reason = QStringLiteral("the log's anchor beside the database key is missing");
        }
    }
    return v;
}

} // namespace shopdesk
