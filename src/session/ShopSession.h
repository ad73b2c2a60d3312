#pragma once

#include "auth/Operation.h"
#include "auth/Permission.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Capabilities.h"
#include "domain/Ids.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace shopdesk::session {

class AuditTrail;
class Buyers;
class Chats;
class History;
class Orders;
class Phrases;
class Reports;
class Simulation;
class Team;

/// The shop a session works in.
struct ShopInfo {
    QString name;
    /// The shop's platform adapter ("sim", "wechat-shop", ...).
    QString platform = QStringLiteral("sim");
    /// Every time shown, filtered or reported is in this zone.
    QTimeZone timeZone = QTimeZone("Asia/Shanghai");
};

/// Who is logged in, as the session last confirmed it. A mirror for the UI (what to enable, what
/// to show): every call is decided again on the account's current state.
struct Identity {
    AccountId id;
    QString shop;
    QString name; ///< short name ("小美")
    auth::PermissionSet permissions;
    bool owner = false;
    /// After an administrator's reset: nothing is allowed but changePassword().
    bool mustChangePassword = false;
    QString group;
    std::optional<int> receptionLimit;

    QString fullName() const { return shop.isEmpty() ? name : shop + QLatin1Char(':') + name; }
    bool operator==(const Identity&) const = default;
};

/// The link to the shop behind the session: the platform (single seat) or the team server.
enum class LinkState { Connected, Connecting, Disconnected, Failed };

/// The one door a person's program (the workbench, shopdeskctl) has into a shop, for one login.
/// Every read and action is a method of the session or of the desks it hands out, and passes the
/// permission gate on the account's *current* state: a disable, delete, lock or role change takes
/// effect on the very next call, and within a second the session says so (authorityChanged,
/// sessionEnded). Reads answer at once (from the local store or cache); actions return futures
/// (continue them with .then(context, ...) on the UI thread), so nothing waits on a database
/// writer, a lock or the network.
///
/// Two implementations: over the local store and services (single seat, session/LocalShop.h), and
/// over the team server (team mode).
class ShopSession : public QObject {
    Q_OBJECT
public:
    ~ShopSession() override;

    /// The mirror of who is logged in and what they may do (refreshed within a second of a change).
    virtual const Identity& me() const = 0;
    virtual const ShopInfo& shop() const = 0;
    /// What the shop's platform can do (actions it cannot do are hidden).
    virtual platform::Capabilities capabilities() const = 0;
    bool offers(platform::Capability c) const { return platform::has(capabilities(), c); }
    /// Mirror checks for the UI (no audit entry; the desks check again and audit refusals).
    bool can(auth::Permission p) const;
    bool may(auth::Operation op) const;

    virtual LinkState link() const = 0;
    /// Team mode: the session is a client of a shopdesk-server (which runs the shop's platform).
    virtual bool teamMode() const { return false; }
    /// What the session is linked to ("sim", a server address), for the status bar.
    virtual QString linkName() const = 0;
    virtual const Clock& clock() const = 0;
    /// The shop's database is held by another program (an import, say): how long this desk's
    /// writes have waited and how many wait. Nothing is lost meanwhile; the desk says so.
    struct StoreWait {
        qint64 waitedMs = 0;
        int queuedWrites = 0;
    };
    virtual std::optional<StoreWait> storeWaiting() const = 0;

    virtual Chats& chats() = 0;
    virtual Buyers& buyers() = 0;
    virtual Orders& orders() = 0;
    virtual History& history() = 0;
    virtual Phrases& phrases() = 0;
    virtual Team& team() = 0;
    virtual AuditTrail& audit() = 0;
    virtual Reports& reports() = 0;
    virtual Simulation& simulation() = 0;

    /// The own password, with the current one (which counts toward the lockout when wrong). The
    /// only call allowed while mustChangePassword.
    virtual QFuture<Status> changePassword(const QString& current, const QString& next) = 0;
    /// Ends the session (audited); every later call fails.
    virtual void logout() = 0;
    virtual bool isEnded() const = 0;
    /// Why the session ended, one sentence ("" while it runs).
    virtual QString endReason() const = 0;

signals:
    /// me() changed: permissions, roles, group or limit (controls are mirrored again).
    void authorityChanged();
    /// The session is over (the account was disabled, deleted, locked or its password changed
    /// elsewhere, or logout()); `reason` is one sentence for the person.
    void sessionEnded(const QString& reason);
    /// The shop's data changed: conversations (platform keys), orders and refunds (numbers).
    void stored(const QStringList& conversations, const QStringList& orders, const QStringList& refunds);
    /// Team configuration changed (accounts, roles, routing, settings).
    void teamChanged();
    void linkChanged();
    /// Something the person should know about the link or the store ("retrying: disk full").
    void problem(const QString& message);
    /// Team mode: one change of the shop's change sequence, in order and once (shopdeskctl events
    /// --follow); `payloadJson` is its JSON object.
    void changeArrived(qint64 seq, const QString& kind, const QByteArray& payloadJson);
    /// Team mode: what the desks read of this buyer (orders, refunds, traces) came from the
    /// server; a view of the buyer reads it again (the first read answered Busy).
    void buyerDataArrived(const QString& platform, const QString& nick);
    /// The 待跟进 list a team server was asked for has arrived (orders().followUps() answers it).
    void followUpsArrived();
    /// Team mode: the replies waiting for the link changed (one was queued, sent or returned).
    void outboxChanged();
    /// Team mode: a reply that waited for the link could not go (`why`, one sentence); its text
    /// is back in the buyer's draft, in front of what was there.
    void replyReturned(const QString& platform, const QString& buyer, const QString& text, const QString& why);
};

} // namespace shopdesk::session
