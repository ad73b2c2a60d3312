#pragma once

#include "domain/Import.h"
#include "domain/Session.h"
#include "services/orders/OrderRepository.h"
#include "services/workbench/FollowUpRepository.h"

namespace shopdesk::pg {

class PgStore;
class PgTx;

/// Orders, refunds, parcel traces and reviews in PostgreSQL (team mode), as the shop's platform
/// reports them. Receivers arrive sealed (PiiVault) and are stored only so; a record that is
/// delivered again unchanged changes nothing and counts as nothing. The 待跟进 list reads here too.
class PgOrderRepository final : public OrderRepository, public FollowUpRepository {
public:
    explicit PgOrderRepository(PgStore& store)
        : m_store(store)
    {
    }
    Result<std::optional<Order>> findOrder(const QString& platform, const QString& orderNo) override;
    Result<std::vector<Refund>> refundsOfOrder(const QString& platform, const QString& orderNo) override;
    Result<std::optional<Refund>> findRefund(const QString& platform, const QString& refundNo) override;
    Result<std::vector<Order>> ordersOfBuyer(const QString& platform, const QString& nick, int limit) override;
    Result<std::vector<LogisticsEvent>> storedLogistics(const QString& platform, const QString& orderNo) override;
    /// The buyers served are those of the agent's assignments begun or ended since then.
    Result<std::vector<FollowUp>> followUps(const QString& agent, Timestamp servedSince, Timestamp unpaidBefore,
                                            Timestamp unshippedBefore, Timestamp staleBefore) override;

    /// Writers for the history repository's transaction; each numbers a change ("order") for the
    /// desks when something changed.
    static void storeIn(PgTx& tx, const Order& order, ImportSummary& summary);
    static void storeIn(PgTx& tx, const Refund& refund, ImportSummary& summary);
    static void storeIn(PgTx& tx, const LogisticsEvent& event, ImportSummary& summary);
    /// (The rating is 1-5: the caller refuses others.)
    static void storeIn(PgTx& tx, const Review& review, ImportSummary& summary);

private:
    PgStore& m_store;
};

} // namespace shopdesk::pg
