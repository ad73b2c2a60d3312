#pragma once

#include "services/reports/ReportRepository.h"

namespace shopdesk::store {

class SqliteStore;

class SqliteReportRepository final : public ReportRepository {
public:
    explicit SqliteReportRepository(SqliteStore& store)
        : m_store(store)
    {
    }
    Status scanConversationsActiveIn(Timestamp from, Timestamp to,
                                     const std::function<void(const ReportMessage&)>& visit) override;
    Result<std::vector<ReportOrder>> ordersPaidIn(Timestamp from, Timestamp to) override;
    Result<std::vector<ReportRefund>> successfulRefundsCreatedIn(Timestamp from, Timestamp to) override;
    Result<std::optional<QString>> lastAgentMessageTo(qint64 buyer, Timestamp lo, Timestamp hi) override;

private:
    SqliteStore& m_store;
};

} // namespace shopdesk::store
