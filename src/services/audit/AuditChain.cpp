#include "services/audit/AuditChain.h"

#include "crypto/Hmac.h"

namespace shopdesk {

namespace {

void field(QByteArray& out, const QByteArray& value)
{
    out += QByteArray::number(value.size());
    out += ':';
    out += value;
}

} // namespace

AuditChain::AuditChain(QByteArray key)
    : m_key(std::move(key))
{
}

QByteArray AuditChain::link(const QByteArray& previousMac, qint64 id, const AuditEntry& entry) const
{
    QByteArray data;
    field(data, previousMac);
    field(data, QByteArray::number(id));
    field(data, QByteArray::number(entry.at.ms()));
    field(data, entry.actor.toUtf8());
    field(data, entry.action.toUtf8());
    field(data, entry.target.toUtf8());
    field(data, entry.detail.toUtf8());
    return crypto::hmacSha256(m_key, data);
}

QByteArray AuditChain::head(qint64 lastId, const QByteArray& lastMac) const
{
    QByteArray data = "head";
    field(data, QByteArray::number(lastId));
    field(data, lastMac);
    return crypto::hmacSha256(m_key, data);
}

} // namespace shopdesk
