#pragma once

#include "domain/Account.h"
#include "services/actions/ActionRunner.h"
#include "session/ShopSession.h"

#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>
#include <memory>
#include <mutex>

class QTimer;

namespace shopdesk {
class Backend;
class LiveShop;
} // namespace shopdesk

namespace shopdesk::session {

class LocalShop;
class LocalChats;
class LocalBuyers;
class LocalOrders;
class LocalHistory;
class LocalPhrases;
class LocalTeam;
class LocalAuditTrail;
class LocalReports;
class LocalSimulation;

/// The session over the local store and services (single seat). Every desk call asks actor() for
/// the account's authority *now* (a fresh read of the account and its roles), and the services
/// decide; a poll every half second mirrors changes made meanwhile, by this program or by
/// shopdeskctl, and ends the session when the account may no longer work.
class LocalSession final : public ShopSession {
    Q_OBJECT
public:
    LocalSession(LocalShop& shop, Backend& backend, const auth::Actor& actor);
    ~LocalSession() override;

    const Identity& me() const override { return m_identity; }
    const ShopInfo& shop() const override { return m_shop; }
    platform::Capabilities capabilities() const override;
    LinkState link() const override;
    QString linkName() const override;
    const Clock& clock() const override;
    std::optional<StoreWait> storeWaiting() const override;
    Chats& chats() override;
    Buyers& buyers() override;
    Orders& orders() override;
    History& history() override;
    Phrases& phrases() override;
    Team& team() override;
    AuditTrail& audit() override;
    Reports& reports() override;
    Simulation& simulation() override;
    QFuture<Status> changePassword(const QString& current, const QString& next) override;
    void logout() override;
    bool isEnded() const override;
    QString endReason() const override;

    // For the desks.
    /// The account's authority now; SessionEnded once the session is over. Any thread.
    Result<auth::Actor> actor();
    ActorSource source();
    Backend& backend() { return m_backend; }
    /// The shop's platform connection, null until connected.
    LiveShop* live();
    /// `work` on the session's worker thread, in the order asked (writes, actions' checks).
    template <typename T>
    QFuture<T> later(std::function<T()> work)
    {
        return QtConcurrent::run(&m_actions, std::move(work));
    }
    /// `work` on a reading thread (heavy reads: reports, verification).
    template <typename T>
    QFuture<T> laterRead(std::function<T()> work)
    {
        return QtConcurrent::run(&m_reads, std::move(work));
    }
    /// Something of the team changed through this session: mirror it at once, tell the pages.
    void teamTouched();
    /// The platform was connected: its events and state reach this session's signals.
    void attach(LiveShop& live);
    /// Reads the account's authority again now (the poll's work).
    void refreshAuthority();

private:
    void apply(const Result<std::pair<auth::Actor, Account>>& authority);
    void end(const QString& reason);
    Result<std::pair<auth::Actor, Account>> readAuthority();

    LocalShop& m_localShop;
    Backend& m_backend;
    ShopInfo m_shop;
    Identity m_identity;
    const AccountId m_id;
    std::atomic<qint64> m_epoch;
    mutable std::mutex m_endMutex;
    bool m_ended = false;
    QString m_endReason;
    QThreadPool m_actions;
    QThreadPool m_reads;
    QTimer* m_poll;
    bool m_polling = false;
    std::unique_ptr<LocalChats> m_chats;
    std::unique_ptr<LocalBuyers> m_buyers;
    std::unique_ptr<LocalOrders> m_orders;
    std::unique_ptr<LocalHistory> m_history;
    std::unique_ptr<LocalPhrases> m_phrases;
    std::unique_ptr<LocalTeam> m_team;
    std::unique_ptr<LocalAuditTrail> m_audit;
    std::unique_ptr<LocalReports> m_reports;
    std::unique_ptr<LocalSimulation> m_simulation;
};

/// A ready future holding `value` (refusals decided at once).
template <typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace shopdesk::session
