#include "session/local/LocalSession.h"

#include "backend/Backend.h"
#include "backend/LiveShop.h"
#include "services/accounts/AccountService.h"
#include "services/audit/AuditLog.h"
#include "session/LocalShop.h"
#include "session/local/LocalDesks.h"
#include "store/SqliteStore.h"
#include "store/StoreWriter.h"

#include <QCoreApplication>
#include <QTimer>

namespace shopdesk::session {

namespace {

/// How often the account's state is read again to mirror changes made elsewhere.
constexpr int kPollMs = 400;

Identity identityOf(const auth::Actor& actor, const Account& account)
{
    Identity id;
    id.id = actor.id;
    id.shop = actor.shop;
    id.name = actor.name;
    id.permissions = actor.permissions;
    id.owner = actor.owner;
    id.mustChangePassword = actor.mustChangePassword;
    id.group = account.group;
    id.receptionLimit = account.receptionLimit;
    return id;
}

} // namespace

LocalSession::LocalSession(LocalShop& shop, Backend& backend, const auth::Actor& actor)
    : m_localShop(shop)
    , m_backend(backend)
    , m_id(actor.id)
    , m_epoch(actor.epoch)
    , m_poll(new QTimer(this))
    , m_chats(std::make_unique<LocalChats>(*this))
    , m_buyers(std::make_unique<LocalBuyers>(*this))
    , m_orders(std::make_unique<LocalOrders>(*this))
    , m_history(std::make_unique<LocalHistory>(*this))
    , m_phrases(std::make_unique<LocalPhrases>(*this))
    , m_team(std::make_unique<LocalTeam>(*this))
    , m_audit(std::make_unique<LocalAuditTrail>(*this))
    , m_reports(std::make_unique<LocalReports>(*this))
    , m_simulation(std::make_unique<LocalSimulation>(*this))
{
    m_actions.setMaxThreadCount(1);
    m_actions.setObjectName(QStringLiteral("session"));
    m_reads.setMaxThreadCount(2);
    m_reads.setObjectName(QStringLiteral("session-reads"));
    if (auto s = backend.shop()) {
        m_shop = {s->name, s->platform, s->timeZone};
    }
    Account account;
    (void)m_backend.accounts().authority(actor.id, actor.epoch, &account); // the group and limit, for the mirror
    m_identity = identityOf(actor, account);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &LocalSession::refreshAuthority);
    m_poll->start();
    if (LiveShop* l = shop.m_live.get()) {
        attach(*l);
    }
}

LocalSession::~LocalSession()
{
    {
        std::lock_guard lock(m_endMutex);
        m_ended = true;
        if (m_endReason.isEmpty()) {
            m_endReason = QCoreApplication::translate("LocalSession", "The session was closed.");
        }
    }
    m_actions.waitForDone();
    m_reads.waitForDone();
}

platform::Capabilities LocalSession::capabilities() const
{
    LiveShop* l = m_localShop.m_live.get();
    return l ? l->platform().capabilities() : platform::Capabilities();
}

LinkState LocalSession::link() const
{
    LiveShop* l = m_localShop.m_live.get();
    if (!l) {
        return LinkState::Disconnected;
    }
    switch (l->platform().state()) {
    case platform::ShopPlatform::State::Connected:
        return LinkState::Connected;
    case platform::ShopPlatform::State::Connecting:
        return LinkState::Connecting;
    case platform::ShopPlatform::State::Disconnected:
        return LinkState::Disconnected;
    case platform::ShopPlatform::State::AuthExpired:
    case platform::ShopPlatform::State::Failed:
        break;
    }
    return LinkState::Failed;
}

QString LocalSession::linkName() const
{
    return m_shop.platform;
}

const Clock& LocalSession::clock() const
{
    return m_backend.clock();
}

std::optional<ShopSession::StoreWait> LocalSession::storeWaiting() const
{
    store::StoreWriter& writer = m_backend.store().writer();
    const auto waited = writer.waitingFor();
    if (!waited) {
        return std::nullopt;
    }
    return StoreWait{waited->count(), writer.queued()};
}

Chats& LocalSession::chats()
{
    return *m_chats;
}
Buyers& LocalSession::buyers()
{
    return *m_buyers;
}
Orders& LocalSession::orders()
{
    return *m_orders;
}
History& LocalSession::history()
{
    return *m_history;
}
Phrases& LocalSession::phrases()
{
    return *m_phrases;
}
Team& LocalSession::team()
{
    return *m_team;
}
AuditTrail& LocalSession::audit()
{
    return *m_audit;
}
Reports& LocalSession::reports()
{
    return *m_reports;
}
Simulation& LocalSession::simulation()
{
    return *m_simulation;
}

LiveShop* LocalSession::live()
{
    return m_localShop.m_live.get();
}

void LocalSession::attach(LiveShop& live)
{
    connect(&live.pipeline(), &platform::IngestPipeline::stored, this, &ShopSession::stored);
    connect(&live.pipeline(), &platform::IngestPipeline::storeFailed, this, [this](const QString& m) {
        emit problem(
            QCoreApplication::translate("LocalSession", "Storing the shop's events failed, retrying: %1").arg(m));
    });
    connect(&live.platform(), &platform::ShopPlatform::stateChanged, this, &ShopSession::linkChanged);
    emit linkChanged();
}

Result<std::pair<auth::Actor, Account>> LocalSession::readAuthority()
{
    Account account;
    auto actor = m_backend.accounts().authority(m_id, m_epoch.load(), &account);
    if (!actor) {
        return actor.error();
    }
    return std::pair<auth::Actor, Account>(*actor, account);
}

Result<auth::Actor> LocalSession::actor()
{
    {
        std::lock_guard lock(m_endMutex);
        if (m_ended) {
            return Error::sessionEnded(m_endReason);
        }
    }
    auto a = readAuthority();
    if (!a) {
        if (a.error().code == ErrorCode::SessionEnded) {
            const QString reason = a.error().message;
            QMetaObject::invokeMethod(this, [this, reason] { end(reason); });
        }
        return a.error();
    }
    return a->first;
}

ActorSource LocalSession::source()
{
    return [this] { return actor(); };
}

void LocalSession::refreshAuthority()
{
    if (isEnded() || m_polling) {
        return;
    }
    m_polling = true;
    laterRead<Result<std::pair<auth::Actor, Account>>>([this] {
        return readAuthority();
    }).then(this, [this](Result<std::pair<auth::Actor, Account>> r) {
        m_polling = false;
        apply(r);
    });
}

void LocalSession::apply(const Result<std::pair<auth::Actor, Account>>& authority)
{
    if (isEnded()) {
        return;
    }
    if (!authority) {
        if (authority.error().code == ErrorCode::SessionEnded) {
            end(authority.error().message);
        }
        return; // a passing read failure: the next poll tries again
    }
    const Identity fresh = identityOf(authority->first, authority->second);
    if (fresh != m_identity) {
        m_identity = fresh;
        emit authorityChanged();
    }
}

void LocalSession::teamTouched()
{
    emit teamChanged();
    refreshAuthority();
}

void LocalSession::end(const QString& reason)
{
    {
        std::lock_guard lock(m_endMutex);
        if (m_ended) {
            return;
        }
        m_ended = true;
        m_endReason = reason;
    }
    m_poll->stop();
    emit sessionEnded(reason);
}

bool LocalSession::isEnded() const
{
    std::lock_guard lock(m_endMutex);
    return m_ended;
}

QString LocalSession::endReason() const
{
    std::lock_guard lock(m_endMutex);
    return m_endReason;
}

QFuture<Status> LocalSession::changePassword(const QString& current, const QString& next)
{
    // Not gated: the one thing an account that must change its password may do.
    return later<Status>([this, current, next]() -> Status {
        auto self = actor();
        if (!self) {
            return self.error();
        }
        auto epoch = m_backend.accounts().changeOwnPassword(*self, current, next);
        if (!epoch) {
            return epoch.error();
        }
        m_epoch.store(*epoch); // this session goes on; the account's others end
        QMetaObject::invokeMethod(this, [this] { refreshAuthority(); });
        return {};
    });
}

void LocalSession::logout()
{
    if (isEnded()) {
        return;
    }
    m_backend.audit().record(
        m_backend.audit().entry(m_identity.fullName(), QStringLiteral("logout"), m_identity.fullName()));
    end(QCoreApplication::translate("LocalSession", "You logged out."));
}

} // namespace shopdesk::session
