#pragma once

#include "services/audit/AuditRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteAuditRepository final : public AuditRepository {
public:
    explicit SqliteAuditRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    QFuture<Status> append(std::vector<AuditEntry> entries) override;
    Result<std::vector<AuditRecord>> list(const AuditQuery& query) override;
    Status scan(const std::function<bool(const AuditRecord&)>& visit) override;
    Result<QByteArray> head() override;
    Result<std::pair<qint64, QByteArray>> tail() override;
    Result<std::optional<QByteArray>> macAt(qint64 id) override;
    Result<bool> anchored() override;
    Status markAnchored() override;
    Status appendUnchecked(std::vector<AuditEntry> entries) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
