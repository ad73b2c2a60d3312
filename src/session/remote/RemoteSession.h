#pragma once

#include "core/WaitFor.h"
#include "remote/RemoteLink.h"
#include "session/AuditTrail.h"
#include "session/RemoteShop.h"
#include "session/ShopSession.h"
#include "session/Team.h"
#include "session/remote/DeskCache.h"
#include "session/remote/RemoteChats.h"
#include "session/remote/RemoteOrders.h"
#include "session/remote/RemotePhrases.h"
#include "session/remote/RemoteUnserved.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <set>

class QTimer;

namespace shopdesk {
class InstanceLock;
}

namespace shopdesk::session {

class RemoteSession;

/// The team's administration through the server. Reads answer at once from what the server last
/// sent (refreshed after every change pushed); writes go to the server, which decides.
class RemoteTeam final : public Team {
public:
    explicit RemoteTeam(RemoteSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<Account>> accounts() override { return m_accounts; }
    Result<std::vector<auth::Role>> grantableRoles() override { return m_grantable; }
    QFuture<Result<Account>> createAccount(const NewAccount& account) override;
    QFuture<Status> resetPassword(const QString& name, const QString& password) override;
    QFuture<Status> setRoles(const QString& name, const QStringList& roles) override;
    QFuture<Status> setDisabled(const QString& name, bool disabled) override;
    QFuture<Status> unlock(const QString& name) override;
    QFuture<Status> removeAccount(const QString& name, bool confirmed) override;
    Result<std::vector<auth::Role>> roles() override { return m_roles; }
    Result<auth::Role> role(const QString& name) override;
    QFuture<Status> createRole(const QString& name, const auth::PermissionSet& permissions) override;
    QFuture<Status> editRole(const QString& name, const auth::PermissionSet& permissions) override;
    QFuture<Status> removeRole(const QString& name) override;
    Result<RoutingConfig> routing() override { return m_routing; }
    QFuture<Status> saveRouting(const routing::Settings& settings,
                                const std::vector<routing::GroupConfig>& groups) override;
    QFuture<Status> setAgentRouting(const QString& account, const QString& group, std::optional<int> limit) override;
    Result<std::vector<Setting>> settings() override { return m_settings; }
    QFuture<Status> setSetting(const QString& key, const QString& value) override;
    QFuture<Status> saveShopTexts(const ShopTexts& texts) override;
    Result<SimSettings> simSettings() override;
    Result<FollowUpRules> followUpRules() override;

    /// Fetches everything the account may read; resolves when all answers are in.
    QFuture<void> refresh();
    /// The closing line and rating invitation the desks use, as last fetched.
    const Result<ShopTexts>& shopTexts() const { return m_texts; }

private:
    QFuture<Status> write(const QString& op, QJsonObject args);

    RemoteSession& m_s;
    Result<std::vector<Account>> m_accounts = std::vector<Account>();
    Result<std::vector<auth::Role>> m_grantable = std::vector<auth::Role>();
    Result<std::vector<auth::Role>> m_roles = std::vector<auth::Role>();
    Result<RoutingConfig> m_routing = RoutingConfig();
    Result<std::vector<Setting>> m_settings = std::vector<Setting>();
    Result<ShopTexts> m_texts = Error::busy(QStringLiteral("The shop's texts are still on their way."));
};

class RemoteAuditTrail final : public AuditTrail {
public:
    explicit RemoteAuditTrail(RemoteSession& s)
        : m_s(s)
    {
    }
    /// A command-line program waits for the answer; a desktop gets the last answer to the same
    /// query at once (Busy while the first is on its way) and teamChanged when it is in.
    Result<std::vector<AuditRecord>> list(const AuditQuery& query) override;
    QFuture<Result<AuditVerification>> verify() override;
    QFuture<Status> reanchor(bool confirmed) override;

private:
    RemoteSession& m_s;
    std::map<QByteArray, Result<std::vector<AuditRecord>>> m_lists;
};

/// A session over shopdesk-server (team mode). The identity mirrors what the server pushed; the
/// gate is the server's. A dropped link is re-established with the session's token and caught up
/// from the last change seen; the session ends when the server says so.
class RemoteSession final : public ShopSession {
    Q_OBJECT
    friend class RemoteShop; ///< hands a desktop's instance lock over
public:
    RemoteSession(ServerOptions options, remote::LinkPtr link, QString token, const QJsonObject& hello,
                  const QJsonObject& identity);
    ~RemoteSession() override;

    const Identity& me() const override { return m_identity; }
    const ShopInfo& shop() const override { return m_shop; }
    /// What the team server said it serves of what the shop's platform can do (its hello).
    platform::Capabilities capabilities() const override { return m_capabilities; }
    LinkState link() const override { return m_link; }
    bool teamMode() const override { return true; }
    QString linkName() const override { return m_options.server; }
    const Clock& clock() const override { return m_clock; }
    std::optional<StoreWait> storeWaiting() const override { return std::nullopt; }
    Chats& chats() override { return m_chats; }
    Buyers& buyers() override { return m_buyers; }
    Orders& orders() override { return m_orders; }
    History& history() override { return m_history; }
    Phrases& phrases() override { return m_phrases; }
    Team& team() override { return m_team; }
    AuditTrail& audit() override { return m_audit; }
    Reports& reports() override { return m_reports; }
    Simulation& simulation() override { return m_simulation; }
    QFuture<Status> changePassword(const QString& current, const QString& next) override;
    void logout() override;
    bool isEnded() const override { return m_ended; }
    QString endReason() const override { return m_endReason; }

    /// One request to the server (fails at once once the session ended or while offline).
    QFuture<Result<QJsonValue>> call(const QString& op, QJsonObject args = {}, bool write = false,
                                     const QString& rid = {}, int waitMs = 0);
    /// A write whose answer is only whether it was done.
    QFuture<Status> act(const QString& op, QJsonObject args);
    /// Subscribes to the change stream after `seq` (0: from the start; -1: from now).
    QFuture<Result<QJsonValue>> subscribe(qint64 after);
    qint64 lastSeq() const { return m_lastSeq; }
    RemoteTeam& remoteTeam() { return m_team; }
    RemoteChats& remoteChats() { return m_chats; }
    RemoteOrders& remoteOrders() { return m_orders; }
    /// Everything the session mirrors, fetched again; resolves when all answers are in.
    QFuture<void> refreshAll();

    /// One read a desk keeps: asked only when the mirror says it is allowed (a refusal the server
    /// would audit is said here instead, in the gate's words).
    struct Fetch {
        auth::Operation operation;
        QString op;
        QJsonObject args;
        std::function<void(const Result<QJsonValue>&)> keep;
        /// Its key in this desktop's copy ("": the op and its arguments).
        QString copyKey = {};
    };
    /// Asks every fetch at once; resolves when each has kept its answer.
    QFuture<void> fetchAll(std::vector<Fetch> fetches);

    /// Starts from this desktop's copy while the server cannot be reached: what the account
    /// last read, its identity as last pushed; it keeps trying the server and resumes there.
    static std::shared_ptr<RemoteSession> fromCopy(const ServerOptions& options, std::shared_ptr<DeskCache> copy,
                                                   const DeskCache::Values& values);
    /// The copy this desktop keeps, once its key is made (after the login, off this thread).
    void attachCopy(std::shared_ptr<DeskCache> copy);
    DeskCache* copy() const { return m_copy.get(); }
    /// Keeps an answer in the copy under the operation it was read with (nothing without one).
    void keepCopy(const QString& key, auth::Operation operation, const QJsonValue& value);
    /// The copy's answer for `key`, while the session started from the copy has not reached the
    /// server yet.
    std::optional<QJsonValue> restored(const QString& key) const;
    /// True while the session runs on the copy only (started offline, not yet caught up).
    bool fromCopyOnly() const { return !m_restored.empty(); }

    /// A desktop (a QGuiApplication) must never wait on the network; a command-line program may.
    static bool mayWait();
    static void waitDone(QFuture<void> future) { shopdesk::waitDone(std::move(future)); }
    template <typename T>
    static T waitFor(QFuture<T> future)
    {
        return shopdesk::waitFor(std::move(future));
    }

protected:
    /// The changes that came before anyone listened (during the login) go to the first listener.
    void connectNotify(const QMetaMethod& signal) override;

private:
    void attach(remote::RemoteLink* link);
    void announce(qint64 seq, const QString& kind, const QByteArray& payload);
    void onPush(const QString& kind, const QJsonObject& body);
    void onDropped(const QString& why);
    void reconnect();
    /// `revoked`: the server ended it (disabled, deleted, password changed): the copy goes too.
    void end(const QString& reason, bool revoked = false);
    void setIdentity(const QJsonObject& wire);
    void refreshChats();
    /// The session itself in the copy: the token to resume with, the server's hello, the identity.
    void keepSessionCopy();
    /// The copy forgets what the account may no longer read (its rights as mirrored now).
    void purgeCopy();

    ServerOptions m_options;
    remote::LinkPtr m_remote;
    remote::LinkPtr m_dialing; ///< a reconnect under way (owned here: its pending answers hold no link)
    QString m_token;
    QJsonObject m_hello;
    QJsonObject m_identityWire; ///< the identity as the server last sent it
    std::shared_ptr<DeskCache> m_copy;
    std::shared_ptr<InstanceLock> m_instance; ///< a desktop's: one per account and server on this PC
    DeskCache::Values m_restored;             ///< a start from the copy: its answers until the server is reached
    /// What was read before the copy's key was made (after a login), put in it once it is.
    std::map<QString, std::pair<int, QByteArray>> m_unkept;
    SystemClock m_clock;
    Identity m_identity;
    ShopInfo m_shop;
    platform::Capabilities m_capabilities;
    LinkState m_link = LinkState::Connected;
    bool m_ended = false;
    QString m_endReason;
    qint64 m_lastSeq = -1;
    bool m_subscribed = false;
    int m_retryMs = 1000;
    QTimer* m_heartbeat = nullptr;
    QTimer* m_chatRefresh = nullptr;
    bool m_chatsInFlight = false;
    std::set<std::pair<QString, QString>> m_touched; ///< conversations changed since the last fetch
    struct Change {
        qint64 seq;
        QString kind;
        QByteArray payload;
    };
    std::vector<Change> m_unheard; ///< the first 1,000 changes before changeArrived had a listener
    RemoteTeam m_team{*this};
    RemoteAuditTrail m_audit{*this};
    RemoteChats m_chats{*this};
    RemoteBuyers m_buyers{*this};
    RemoteOrders m_orders{*this};
    RemoteHistory m_history{*this};
    RemotePhrases m_phrases{*this};
    RemoteReports m_reports{*this};
    UnservedSimulation m_simulation;
};

} // namespace shopdesk::session
