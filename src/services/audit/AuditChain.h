#pragma once

#include "domain/Account.h"

#include <QByteArray>

namespace shopdesk {

/// The HMAC chain over the audit log: each entry's MAC covers its own fields and the MAC of the
/// entry before it, and a head MAC covers the last entry's id and MAC, so that changing,
/// deleting, inserting or truncating entries all break verification. The key is derived from the
/// store's master key, which lives outside the database.
class AuditChain {
public:
    explicit AuditChain(QByteArray key);

    QByteArray link(const QByteArray& previousMac, qint64 id, const AuditEntry& entry) const;
    QByteArray head(qint64 lastId, const QByteArray& lastMac) const;

    /// The MAC "before" the first entry.
    static QByteArray genesis() { return QByteArray(32, '\0'); }

private:
    QByteArray m_key;
};

} // namespace shopdesk
