#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "core/Timestamp.h"
#include "session/ShopSession.h"

#include <QFuture>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace shopdesk {
class Backend;
class LiveShop;
} // namespace shopdesk

namespace shopdesk::session {

/// An account the demo shop was seeded with; the password is shown once.
struct DemoAccount {
    QString fullName;
    QString password;
    QString roles;
};

/// How the shop's platform is connected for a workbench (single seat). With the simulated shop:
/// its pace and its colleague bots (the shop's sim.* settings where not given).
struct PlatformOptions {
    quint64 seed = 1;
    std::optional<int> bots;
    std::optional<double> buyersPerMinute;
    /// At least 8 colleagues and 15 buyers a minute (the demo).
    bool lively = false;
    /// The real time of the simulated world's second 0 (now when not given).
    std::optional<Timestamp> start;
    /// The person logged in is at the desk from the world's start.
    bool personOnline = true;
    /// The simulation runs by itself, `speed` simulated seconds per real second, and answers
    /// after `latencyMs`; else the caller moves it (tests).
    bool realTime = true;
    std::optional<double> speed;
    int latencyMs = 0;
    /// Real time: simulated seconds already past when connected.
    double warmUpSecs = 0;
    /// Events are stored as they arrive; else the caller drains them (tests).
    bool automatic = true;
    /// Transient platform failures: attempts and the first pause.
    int retryAttempts = 4;
    std::chrono::milliseconds retryDelay{500};
};

/// A shop kept on this PC (single seat): the SQLite store, its key, the services, and the shop's
/// platform. It hands out sessions; it holds no permission of its own.
class LocalShop {
public:
    struct Options {
        QString databasePath;
        /// Create the database file when it does not exist.
        bool create = false;
        /// How long a write waits while another program writes; negative: as long as it takes.
        std::chrono::milliseconds busyWait{-1};
        /// Open even when the audit log does not match its anchor (to verify or re-anchor it).
        bool inspectDamagedAudit = false;
    };

    /// Opens the store and unlocks its key; refused with one sentence when the audit log was cut,
    /// wiped or rolled back to an older copy (see audit reanchor).
    static Result<std::unique_ptr<LocalShop>> open(const Options& options);
    /// Around an opened backend (tests).
    explicit LocalShop(Backend& backend);
    ~LocalShop();
    LocalShop(const LocalShop&) = delete;
    LocalShop& operator=(const LocalShop&) = delete;

    /// NotFound for a store that was never initialised.
    Result<ShopInfo> shop() const;
    /// A new store: its shop and main account (shopdeskctl init).
    Status initialise(const ShopInfo& shop, const QString& ownerName, const QString& ownerPassword);
    /// Whether the store's audit log is intact against its anchor; why not when it is not.
    Status auditIntegrity() const;

    /// Makes a store that has no shop yet the demo shop; the accounts with their passwords, to be
    /// shown once (empty when the store had a shop already).
    Result<std::vector<DemoAccount>> seedDemo();

    /// Logs in, Argon2 on a worker thread; the session is made on the calling thread, whose event
    /// loop must run. The session may have to change its password first (Identity).
    QFuture<Result<std::shared_ptr<ShopSession>>> login(const QString& name, const QString& password);
    /// The same, waiting (a command-line program).
    Result<std::shared_ptr<ShopSession>> loginNow(const QString& name, const QString& password);
    /// The demo shop's agent 小美 or its supervisor, with the passwords kept beside the key.
    Result<std::shared_ptr<ShopSession>> loginDemo(bool supervisor);

    /// Connects the shop's platform for `session`'s person (a workbench; once per shop).
    Status connectPlatform(const ShopSession& session, const PlatformOptions& options);

private:
    friend class LocalSession;
    friend Backend& backendOf(LocalShop& shop);
    friend LiveShop* liveOf(LocalShop& shop);
    friend std::shared_ptr<ShopSession> sessionOf(LocalShop& shop, const auth::Actor& actor);
    explicit LocalShop(std::unique_ptr<Backend> backend);
    std::shared_ptr<ShopSession> makeSession(const auth::Actor& actor);

    std::unique_ptr<Backend> m_owned;
    Backend& m_backend;
    std::unique_ptr<LiveShop> m_live;
    std::vector<std::weak_ptr<ShopSession>> m_sessions;
    std::unique_ptr<QObject> m_context; ///< continuations of login() run on the thread that made the shop
};

} // namespace shopdesk::session
