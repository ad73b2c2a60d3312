#pragma once

#include "core/Result.h"
#include "core/Timestamp.h"
#include "domain/Message.h"
#include "domain/Money.h"

#include <functional>
#include <optional>
#include <vector>

namespace shopdesk {

/// A message as the performance report needs it.
struct ReportMessage {
    qint64 conversation = 0;
    qint64 buyer = 0;
    Sender sender = Sender::Buyer;
    QString agent;
    qint64 sentAtMs = 0;
};

/// A paid order as the report needs it.
struct ReportOrder {
    QString orderNo;
    qint64 buyer = 0;
    Fen amountFen = 0;
    qint64 paidAtMs = 0;
    QString flaggedBy;
};

/// A successful refund and its order.
struct ReportRefund {
    Fen amountFen = 0;
    ReportOrder order;
};

/// Reads behind the performance report. Implemented by the store.
class ReportRepository {
public:
    virtual ~ReportRepository() = default;
    /// Every message (whole history) of every conversation with a message in [from, to), ordered by
    /// conversation and then by time.
    virtual Status scanConversationsActiveIn(Timestamp from, Timestamp to,
                                             const std::function<void(const ReportMessage&)>& visit) = 0;
    /// Orders paid in [from, to).
    virtual Result<std::vector<ReportOrder>> ordersPaidIn(Timestamp from, Timestamp to) = 0;
    /// Refunds with status SUCCESS created in [from, to), with their (paid) orders.
    virtual Result<std::vector<ReportRefund>> successfulRefundsCreatedIn(Timestamp from, Timestamp to) = 0;
    /// The agent of the buyer's last agent message (any conversation) sent in [lo, hi] (inclusive).
    virtual Result<std::optional<QString>> lastAgentMessageTo(qint64 buyer, Timestamp lo, Timestamp hi) = 0;
};

} // namespace shopdesk
