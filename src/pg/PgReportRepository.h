#pragma once

#include "services/reports/ReportRepository.h"

namespace shopdesk::pg {

class PgStore;

/// The performance report's reads in PostgreSQL (team mode). A buyer is its platform and nick;
/// the report's buyer number is a 64-bit hash of the two (the same for messages and orders).
class PgReportRepository final : public ReportRepository {
public:
    explicit PgReportRepository(PgStore& store)
        : m_store(store)
    {
    }
    Status scanConversationsActiveIn(Timestamp from, Timestamp to,
                                     const std::function<void(const ReportMessage&)>& visit) override;
    Result<std::vector<ReportOrder>> ordersPaidIn(Timestamp from, Timestamp to) override;
    Result<std::vector<ReportRefund>> successfulRefundsCreatedIn(Timestamp from, Timestamp to) override;
    Result<std::optional<QString>> lastAgentMessageTo(qint64 buyer, Timestamp lo, Timestamp hi) override;

private:
    PgStore& m_store;
};

} // namespace shopdesk::pg
