#pragma once

#include "session/Orders.h"

#include <QCoreApplication>

#include <map>

namespace shopdesk::session {

class RemoteSession;

/// A buyer's orders, refunds and parcel traces through the team server. Reads answer at once
/// from what the server last sent for that buyer; the first read of a buyer asks the server
/// (a command-line program waits for it, a desktop gets Busy and then buyerDataArrived), and a
/// change to one of the buyer's orders fetches them again. Rights that change empty the cache.
/// Order actions (remark, address, price, refund decisions) are not served yet: offer() says
/// so to the UI, and the actions answer one sentence.
class RemoteOrders final : public Orders {
    Q_DECLARE_TR_FUNCTIONS(shopdesk::session::RemoteOrders)
public:
    /// How many buyers' orders are kept (the least recently read go first).
    static constexpr std::size_t kKeptBuyers = 64;

    explicit RemoteOrders(RemoteSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<Order>> ofBuyer(const QString& platform, const QString& nick, int limit) override;
    Result<std::optional<Order>> find(const QString& platform, const QString& orderNo) override;
    Result<std::vector<Refund>> refundsOfBuyer(const QString& platform, const QString& nick) override;
    Result<std::vector<LogisticsEvent>> storedTrace(const QString& platform, const QString& orderNo) override;
    QFuture<Result<std::vector<LogisticsEvent>>> liveTrace(const QString& orderNo) override;
    QFuture<Result<Receiver>> reveal(const QString& platform, const QString& orderNo) override;
    OrderOffer offer(const Order& order) const override;
    QFuture<Status> setRemark(const QString&, const QString&, int) override;
    QFuture<Status> modifyAddress(const QString&, const Receiver&) override;
    QFuture<Status> modifyPrice(const QString&, Fen) override;
    QFuture<Status> agreeRefund(const QString&) override;
    QFuture<Status> refuseRefund(const QString&, const QString&) override;
    QStringList refuseReasons() const override { return {}; }
    QFuture<Status> replyReview(const QString&, const QString&) override;
    Result<std::vector<FollowUp>> followUps() override;

    /// One of the shop's orders changed (a pushed change): its buyer's data is fetched again.
    void changed(const QString& platform, const QString& orderNo, const QString& buyer);
    /// Forgets every buyer (the account's rights changed: nothing it may no longer read stays).
    void clear();

private:
    using Key = std::pair<QString, QString>; ///< platform, buyer
    struct Buyer {
        bool loaded = false;
        quint64 generation = 0; ///< answers of an earlier fetch are dropped
        quint64 used = 0;
        Result<std::vector<Order>> orders = std::vector<Order>();
        Result<std::vector<Refund>> refunds = std::vector<Refund>();
        Result<std::map<QString, std::vector<LogisticsEvent>>> traces =
            std::map<QString, std::vector<LogisticsEvent>>();
    };
    /// The buyer's data, asked for when not here (waited for where a program may wait); null
    /// while the first answer is on its way.
    const Buyer* buyer(const QString& platform, const QString& nick);
    QFuture<void> fetch(const Key& key);
    Error loading() const;
    /// The buyer whose cached orders hold `orderNo` ("" when none does).
    QString buyerOfOrder(const QString& platform, const QString& orderNo) const;

    RemoteSession& m_s;
    std::map<Key, Buyer> m_buyers;
    std::map<Key, Result<std::optional<Order>>> m_found; ///< platform, order number
    quint64 m_clock = 0;
    quint64 m_generation = 0;
};

} // namespace shopdesk::session
