#include "session/remote/RemoteOrders.h"

#include "auth/Operation.h"
#include "protocol/Codec.h"
#include "session/remote/RemoteSession.h"
#include "session/remote/RemoteUnserved.h"

#include <QJsonArray>

#include <algorithm>

namespace shopdesk::session {

namespace {

template <typename T, typename F>
Result<std::vector<T>> listFrom(const Result<QJsonValue>& r, F&& decode)
{
    if (!r) {
        return r.error();
    }
    return protocol::fromJsonArray<T>(*r, std::forward<F>(decode));
}

} // namespace

Error RemoteOrders::loading() const
{
    return Error::busy(tr("Reading this buyer's orders from the team server..."));
}

QFuture<void> RemoteOrders::fetch(const Key& key)
{
    Buyer& entry = m_buyers[key];
    entry.generation = ++m_generation;
    entry.used = ++m_clock;
    entry.fetching = true;
    entry.stale = false;
    const quint64 generation = entry.generation;
    // Only the answers of this fetch, for a buyer still kept, are kept.
    auto slot = [this, key, generation]() -> Buyer* {
        auto it = m_buyers.find(key);
        return it != m_buyers.end() && it->second.generation == generation ? &it->second : nullptr;
    };
    const QJsonObject args{{QStringLiteral("platform"), key.first}, {QStringLiteral("buyer"), key.second}};
    QJsonObject withLimit = args;
    withLimit.insert(QStringLiteral("limit"), 500);
    using O = auth::Operation;
    auto done = m_s.fetchAll({
        {O::OrderView, QStringLiteral("orders.ofBuyer"), withLimit,
         [slot](const Result<QJsonValue>& r) {
             if (Buyer* b = slot()) {
                 b->orders = listFrom<Order>(r, protocol::orderFromJson);
             }
         }},
        {O::RefundView, QStringLiteral("refunds.ofBuyer"), args,
         [slot](const Result<QJsonValue>& r) {
             if (Buyer* b = slot()) {
                 b->refunds = listFrom<Refund>(r, protocol::refundFromJson);
             }
         }},
        {O::BuyerNotesView, QStringLiteral("buyers.notes"), args,
         [slot](const Result<QJsonValue>& r) {
             Buyer* b = slot();
             if (!b) {
                 return;
             }
             if (!r) {
                 b->notes = r.error();
                 return;
             }
             BuyerNotes notes;
             notes.grade = r->toObject().value(QStringLiteral("grade")).toString();
             for (const QJsonValue& t : r->toObject().value(QStringLiteral("tags")).toArray()) {
                 notes.tags << t.toString();
             }
             b->notes = std::move(notes);
         }},
        {O::OrderLogistics, QStringLiteral("logistics.ofBuyer"), args,
         [slot](const Result<QJsonValue>& r) {
             Buyer* b = slot();
             if (!b) {
                 return;
             }
             if (!r) {
                 b->traces = r.error();
                 return;
             }
             std::map<QString, std::vector<LogisticsEvent>> traces;
             const QJsonObject all = r->toObject();
             for (auto it = all.begin(); it != all.end(); ++it) {
                 traces[it.key()] = protocol::fromJsonArray<LogisticsEvent>(it.value(), protocol::logisticsFromJson);
             }
             b->traces = std::move(traces);
         }},
    });
    done.then(&m_s, [this, key, slot] {
        if (slot()) {
            fetched(key);
        }
    });
    // The least recently read buyers go when too many are kept.
    while (m_buyers.size() > kKeptBuyers) {
        auto oldest = std::min_element(m_buyers.begin(), m_buyers.end(),
                                       [](const auto& a, const auto& c) { return a.second.used < c.second.used; });
        m_buyers.erase(oldest);
    }
    return done;
}

void RemoteOrders::fetched(const Key& key)
{
    Buyer& b = m_buyers[key];
    b.loaded = true;
    b.fetching = false;
    QStringList numbers;
    for (const Order& o : b.orders ? *b.orders : std::vector<Order>()) {
        numbers << o.orderNo;
    }
    const bool again = b.stale;
    emit m_s.stored({}, numbers, {});
    emit m_s.buyerDataArrived(key.first, key.second);
    if (again) {
        fetch(key); // what changed meanwhile (the answer just kept may predate it)
    }
}

const RemoteOrders::Buyer* RemoteOrders::buyer(const QString& platform, const QString& nick)
{
    const Key key{platform, nick};
    auto it = m_buyers.find(key);
    if (it == m_buyers.end()) {
        QFuture<void> asked = fetch(key);
        if (RemoteSession::mayWait()) {
            RemoteSession::waitDone(asked);
        }
        it = m_buyers.find(key);
        if (it == m_buyers.end()) {
            return nullptr;
        }
    }
    it->second.used = ++m_clock;
    return it->second.loaded ? &it->second : nullptr;
}

Result<std::vector<Order>> RemoteOrders::ofBuyer(const QString& platform, const QString& nick, int limit)
{
    const Buyer* b = buyer(platform, nick);
    if (!b) {
        return loading();
    }
    if (!b->orders) {
        return b->orders.error();
    }
    std::vector<Order> out = *b->orders;
    if (limit > 0 && static_cast<int>(out.size()) > limit) {
        out.resize(static_cast<std::size_t>(limit));
    }
    return out;
}

Result<BuyerNotes> RemoteOrders::notesOf(const QString& platform, const QString& nick)
{
    const Buyer* b = buyer(platform, nick);
    if (!b) {
        return loading();
    }
    return b->notes;
}

Result<std::vector<Refund>> RemoteOrders::refundsOfBuyer(const QString& platform, const QString& nick)
{
    const Buyer* b = buyer(platform, nick);
    if (!b) {
        return loading();
    }
    return b->refunds;
}

QString RemoteOrders::buyerOfOrder(const QString& platform, const QString& orderNo) const
{
    for (const auto& [key, b] : m_buyers) {
        if (key.first != platform || !b.orders) {
            continue;
        }
        for (const Order& o : *b.orders) {
            if (o.orderNo == orderNo) {
                return key.second;
            }
        }
    }
    return {};
}

Result<std::optional<Order>> RemoteOrders::find(const QString& platform, const QString& orderNo)
{
    if (const QString nick = buyerOfOrder(platform, orderNo); !nick.isEmpty()) {
        const Buyer* b = buyer(platform, nick);
        if (b && b->orders) {
            for (const Order& o : *b->orders) {
                if (o.orderNo == orderNo) {
                    return std::optional<Order>(o);
                }
            }
        }
    }
    const Key key{platform, orderNo};
    if (auto it = m_found.find(key); it != m_found.end()) {
        return it->second;
    }
    auto asked = m_s.call(QStringLiteral("orders.find"),
                          {{QStringLiteral("platform"), platform}, {QStringLiteral("order"), orderNo}});
    auto keep = [this, key](const Result<QJsonValue>& r) {
        if (!r) {
            m_found[key] = r.error();
        } else if (r->isObject()) {
            m_found[key] = std::optional<Order>(protocol::orderFromJson(r->toObject()));
        } else {
            m_found[key] = std::optional<Order>();
        }
    };
    if (RemoteSession::mayWait()) {
        keep(RemoteSession::waitFor(asked));
        return m_found[key];
    }
    asked.then(&m_s, [this, key, keep](const Result<QJsonValue>& r) {
        keep(r);
        emit m_s.stored({}, {key.second}, {});
    });
    return loading();
}

Result<std::vector<LogisticsEvent>> RemoteOrders::storedTrace(const QString& platform, const QString& orderNo)
{
    QString nick = buyerOfOrder(platform, orderNo);
    if (nick.isEmpty()) {
        auto order = find(platform, orderNo);
        if (!order) {
            return order.error();
        }
        if (!*order) {
            return std::vector<LogisticsEvent>();
        }
        nick = (*order)->buyerNick;
    }
    const Buyer* b = buyer(platform, nick);
    if (!b) {
        return loading();
    }
    if (!b->traces) {
        return b->traces.error();
    }
    auto it = b->traces->find(orderNo);
    return it == b->traces->end() ? std::vector<LogisticsEvent>() : it->second;
}

void RemoteOrders::changed(const QString& platform, const QString& orderNo, const QString& buyer)
{
    m_found.erase({platform, orderNo});
    m_followUps.stale = true; // asked for again on the next read
    const QString nick = buyer.isEmpty() ? buyerOfOrder(platform, orderNo) : buyer;
    auto it = m_buyers.find({platform, nick});
    if (it == m_buyers.end()) {
        return; // nobody here reads this buyer: nothing to keep fresh
    }
    if (it->second.fetching) {
        it->second.stale = true; // one answer at a time; the next asked when this one is in
        return;
    }
    // What is shown stays until the new answer is in (no Busy flicker for a buyer on screen).
    const Key key = it->first;
    fetch(key);
}

void RemoteOrders::clear()
{
    m_buyers.clear();
    m_found.clear();
    m_followUps.list = std::vector<FollowUp>();
    m_followUps.loaded = false;
    m_followUps.stale = true;
}

OrderOffer RemoteOrders::offer(const Order& order) const
{
    // A mirror for the UI; the server decides again (right, buyer, state).
    using O = auth::Operation;
    OrderOffer o;
    o.remark = m_s.may(O::OrderRemark);
    o.address = m_s.may(O::OrderAddressModify) && canChangeAddress(order.status);
    o.price = m_s.may(O::OrderPriceModify) && canChangePrice(order.status);
    o.logistics = m_s.may(O::OrderLogistics) && isPaidState(order.status);
    o.refunds = m_s.may(O::RefundView);
    o.refundDecide = o.refunds && (m_s.may(O::RefundAgree) || m_s.may(O::RefundRefuse));
    return o;
}

QFuture<Result<std::vector<LogisticsEvent>>> RemoteOrders::liveTrace(const QString& orderNo)
{
    return m_s.call(QStringLiteral("orders.liveTrace"), {{QStringLiteral("order"), orderNo}})
        .then(&m_s,
              [](const Result<QJsonValue>& r) { return listFrom<LogisticsEvent>(r, protocol::logisticsFromJson); });
}

QFuture<Result<Receiver>> RemoteOrders::reveal(const QString& platform, const QString& orderNo)
{
    return m_s
        .call(QStringLiteral("orders.reveal"),
              {{QStringLiteral("platform"), platform}, {QStringLiteral("order"), orderNo}}, true)
        .then([](const Result<QJsonValue>& r) -> Result<Receiver> {
            if (!r) {
                return r.error();
            }
            return protocol::receiverFromJson(r->toObject());
        });
}

QFuture<Status> RemoteOrders::setRemark(const QString& orderNo, const QString& remark, int flag)
{
    return m_s.act(
        QStringLiteral("orders.remark"),
        {{QStringLiteral("order"), orderNo}, {QStringLiteral("remark"), remark}, {QStringLiteral("flag"), flag}});
}

QFuture<Status> RemoteOrders::modifyAddress(const QString& orderNo, const Receiver& address)
{
    return m_s.act(QStringLiteral("orders.address"),
                   {{QStringLiteral("order"), orderNo}, {QStringLiteral("receiver"), protocol::toJson(address)}});
}

QFuture<Status> RemoteOrders::modifyPrice(const QString& orderNo, Fen amountFen)
{
    return m_s.act(QStringLiteral("orders.price"),
                   {{QStringLiteral("order"), orderNo}, {QStringLiteral("amount"), static_cast<double>(amountFen)}});
}

QFuture<Status> RemoteOrders::agreeRefund(const QString& refundNo)
{
    return m_s.act(QStringLiteral("refunds.agree"), {{QStringLiteral("refund"), refundNo}});
}

QFuture<Status> RemoteOrders::refuseRefund(const QString& refundNo, const QString& reason)
{
    return m_s.act(QStringLiteral("refunds.refuse"),
                   {{QStringLiteral("refund"), refundNo}, {QStringLiteral("reason"), reason}});
}

QFuture<Status> RemoteOrders::replyReview(const QString& orderNo, const QString& reply)
{
    return m_s.act(QStringLiteral("reviews.reply"),
                   {{QStringLiteral("order"), orderNo}, {QStringLiteral("reply"), reply}});
}

QFuture<void> RemoteOrders::refreshReasons()
{
    auto done = QSharedPointer<QPromise<void>>::create();
    done->start();
    m_s.call(QStringLiteral("refunds.reasons")).then(&m_s, [this, done](const Result<QJsonValue>& r) {
        if (r) {
            m_reasons.clear();
            for (const QJsonValue& v : r->toArray()) {
                m_reasons << v.toString();
            }
        }
        done->finish();
    });
    return done->future();
}

QFuture<void> RemoteOrders::fetchFollowUps()
{
    m_followUps.fetching = true;
    m_followUps.stale = false;
    return m_s.call(QStringLiteral("followups.list")).then(&m_s, [this](const Result<QJsonValue>& r) {
        m_followUps.fetching = false;
        auto list = listFrom<FollowUp>(r, protocol::followUpFromJson);
        if (list || !m_followUps.loaded || list.error().code != ErrorCode::Busy) {
            m_followUps.list = std::move(list); // (offline, the list last read stays)
            m_followUps.age.start();
        }
        m_followUps.loaded = true;
        emit m_s.followUpsArrived();
    });
}

void RemoteOrders::followUpsChanged(bool rules)
{
    m_followUps.stale = true;
    if (rules && m_followUps.loaded && !m_followUps.fetching) {
        (void)fetchFollowUps();
    }
}

Result<std::vector<FollowUp>> RemoteOrders::followUps()
{
    FollowUps& f = m_followUps;
    const bool old = !f.loaded || f.stale || !f.age.isValid() || f.age.elapsed() > kFollowUpsFreshMs;
    if (old && !f.fetching) {
        QFuture<void> asked = fetchFollowUps();
        if (RemoteSession::mayWait()) {
            RemoteSession::waitDone(asked);
        }
    }
    if (!f.loaded) {
        return Error::busy(tr("Reading the follow-ups from the team server..."));
    }
    return f.list;
}

} // namespace shopdesk::session
