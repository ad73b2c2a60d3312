#pragma once

#include "session/Orders.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

#include <map>

namespace shopdesk::session {

class RemoteSession;

/// A buyer's orders, refunds, parcel traces and notes through the team server. Reads answer at once
/// from what the server last sent for that buyer; the first read of a buyer asks the server
/// (a command-line program waits for it, a desktop gets Busy and then buyerDataArrived), and a
/// change to one of the buyer's orders fetches them again. Rights that change empty the cache.
/// Actions go to the server, which decides (right, buyer, state) and puts each on record before
/// the shop's platform hears of it; the order changes here when the platform's event comes back.
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
    QFuture<Status> setRemark(const QString& orderNo, const QString& remark, int flag) override;
    QFuture<Status> modifyAddress(const QString& orderNo, const Receiver& address) override;
    QFuture<Status> modifyPrice(const QString& orderNo, Fen amountFen) override;
    QFuture<Status> agreeRefund(const QString& refundNo) override;
    QFuture<Status> refuseRefund(const QString& refundNo, const QString& reason) override;
    QStringList refuseReasons() const override { return m_reasons; }
    QFuture<Status> replyReview(const QString& orderNo, const QString& reply) override;
    Result<std::vector<FollowUp>> followUps() override;

    /// One of the shop's orders changed (a pushed change): its buyer's data is fetched again.
    void changed(const QString& platform, const QString& orderNo, const QString& buyer);
    /// What the 待跟进 list is made of changed (an assignment; with `rules`, the shop's rules): it is
    /// asked for again on the next read, and at once after a rules change to a list being shown.
    void followUpsChanged(bool rules);
    /// Forgets every buyer (the account's rights changed: nothing it may no longer read stays).
    void clear();
    /// The buyer's grade and tags (buyer.notes.view), kept with the buyer's orders.
    Result<BuyerNotes> notesOf(const QString& platform, const QString& nick);
    /// Fetches the platform's reasons for refusing a refund (the refuse dialog's list).
    QFuture<void> refreshReasons();

private:
    using Key = std::pair<QString, QString>; ///< platform, buyer
    struct Buyer {
        bool loaded = false;
        bool fetching = false;
        bool stale = false;     ///< changed while a fetch was on its way: fetched again after it
        quint64 generation = 0; ///< answers of an earlier fetch are dropped
        quint64 used = 0;
        Result<std::vector<Order>> orders = std::vector<Order>();
        Result<std::vector<Refund>> refunds = std::vector<Refund>();
        Result<std::map<QString, std::vector<LogisticsEvent>>> traces =
            std::map<QString, std::vector<LogisticsEvent>>();
        Result<BuyerNotes> notes = BuyerNotes();
    };
    /// The buyer's data, asked for when not here (waited for where a program may wait); null
    /// while the first answer is on its way.
    const Buyer* buyer(const QString& platform, const QString& nick);
    QFuture<void> fetch(const Key& key);
    void fetched(const Key& key);
    Error loading() const;
    /// The buyer whose cached orders hold `orderNo` ("" when none does).
    QString buyerOfOrder(const QString& platform, const QString& orderNo) const;

    /// The 待跟进 list as the server last sent it: asked for again when an order changed or after
    /// kFollowUpsFreshMs (the rules count hours, so a list that old may have grown).
    struct FollowUps {
        bool loaded = false;
        bool fetching = false;
        bool stale = false;
        Result<std::vector<FollowUp>> list = std::vector<FollowUp>();
        QElapsedTimer age;
    };
    static constexpr qint64 kFollowUpsFreshMs = 60'000;
    QFuture<void> fetchFollowUps();

    RemoteSession& m_s;
    FollowUps m_followUps;
    std::map<Key, Buyer> m_buyers;
    std::map<Key, Result<std::optional<Order>>> m_found; ///< platform, order number
    quint64 m_clock = 0;
    quint64 m_generation = 0;
    QStringList m_reasons;
};

} // namespace shopdesk::session
