#include "session/remote/RemoteSession.h"

#include "core/AppPaths.h"
#include "core/InstanceLock.h"
#include "core/Logging.h"
#include "protocol/Codec.h"
#include "protocol/Protocol.h"
#include "remote/RemoteLink.h"
#include "session/remote/Promises.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace shopdesk::session {

namespace {

QString defaultKnownServers()
{
    return QDir(apppaths::dataDir()).filePath(QStringLiteral("known_servers.json"));
}

QString cacheDirOf(const ServerOptions& o)
{
    return o.cacheDir.isEmpty() ? QDir(apppaths::dataDir()).filePath(QStringLiteral("team")) : o.cacheDir;
}

QByteArray copyBytes(const QJsonValue& v)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), v}}).toJson(QJsonDocument::Compact);
}

QJsonValue copyValue(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object().value(QStringLiteral("v"));
}

/// The copy opened on a worker (Argon2id work), answered on the caller's thread.
QFuture<Result<std::shared_ptr<DeskCache>>> openCopy(const QString& path, const QString& password, bool offline,
                                                     std::shared_ptr<DeskCache::Values> values)
{
    return QtConcurrent::run([path, password, offline, values]() -> Result<std::shared_ptr<DeskCache>> {
        auto c = DeskCache::open(path, password, offline, values.get());
        if (!c) {
            return c.error();
        }
        return std::shared_ptr<DeskCache>(std::move(*c));
    });
}

} // namespace

// ---- RemoteShop ----------------------------------------------------------------------------

QFuture<Result<std::shared_ptr<ShopSession>>> RemoteShop::login(const ServerOptions& given, const QString& name,
                                                                const QString& password, QString* trustNote)
{
    using Out = Result<std::shared_ptr<ShopSession>>;
    auto p = started<Out>();
    ServerOptions options = given;
    if (options.knownServersFile.isEmpty()) {
        options.knownServersFile = defaultKnownServers();
    }
    remote::RemoteLink::Options linkOptions{options.server, options.fingerprint, options.knownServersFile,
                                            options.plain,  options.timeoutMs,   options.language};
    auto link = std::make_shared<remote::LinkPtr>(remote::LinkPtr(new remote::RemoteLink(linkOptions)));
    remote::RemoteLink* raw = link->get();
    const QString copyPath = DeskCache::pathFor(cacheDirOf(options), options.server, name);
    std::shared_ptr<InstanceLock> instance;
    if (options.keepCopy) {
        // One desktop per account and server on this PC: two would write over each other's
        // drafts and copy.
        QDir().mkpath(cacheDirOf(options));
        auto lock = InstanceLock::acquire(copyPath);
        if (!lock) {
            resolve<Out>(p, lock.error().code == ErrorCode::Invalid
                                ? Error::invalid(QCoreApplication::translate(
                                                     "shopdesk::session::RemoteSession",
                                                     "ShopDesk is already open for %1 on %2 on this computer; "
                                                     "switch to that window.")
                                                     .arg(name, options.server))
                                : lock.error());
            return p->future();
        }
        instance = std::move(*lock);
    }
    raw->open().then(raw, [p, link, raw, options, name, password, trustNote, copyPath,
                           instance](Result<QJsonObject> hello) {
        if (!hello) {
            if (!options.keepCopy || hello.error().code != ErrorCode::Busy || !QFile::exists(copyPath)) {
                resolve<Out>(p, hello.error());
                return;
            }
            // The server cannot be reached: this desktop's copy, if the password opens it.
            const Error unreachable = hello.error();
            auto values = std::make_shared<DeskCache::Values>();
            openCopy(copyPath, password, true, values)
                .then(QCoreApplication::instance(),
                      [p, options, values, unreachable, instance](Result<std::shared_ptr<DeskCache>> copy) {
                          if (!copy) {
                              resolve<Out>(p, copy.error().code == ErrorCode::NotAllowed ? copy.error() : unreachable);
                              return;
                          }
                          auto session = RemoteSession::fromCopy(options, *copy, *values);
                          if (!session) {
                              resolve<Out>(p, unreachable);
                              return;
                          }
                          session->m_instance = instance;
                          resolve<Out>(p, std::shared_ptr<ShopSession>(session));
                      });
            return;
        }
        if (trustNote) {
            *trustNote = raw->trustNote();
        }
        const QJsonObject helloObject = *hello;
        raw->call(QStringLiteral("login"), {{QStringLiteral("name"), name}, {QStringLiteral("password"), password}})
            .then(raw, [p, link, options, helloObject, password, copyPath, instance](Result<QJsonValue> r) {
                if (!r) {
                    resolve<Out>(p, r.error());
                    return;
                }
                const QJsonObject o = r->toObject();
                auto session = std::make_shared<RemoteSession>(options, std::move(*link),
                                                               o.value(QStringLiteral("token")).toString(), helloObject,
                                                               o.value(QStringLiteral("identity")).toObject());
                RemoteSession* s = session.get();
                s->m_instance = instance;
                if (options.keepCopy) {
                    // The key is made on a worker; what was read meanwhile is kept once it is in.
                    openCopy(copyPath, password, false, nullptr).then(s, [s](Result<std::shared_ptr<DeskCache>> copy) {
                        if (copy) {
                            s->attachCopy(*copy);
                        } else {
                            emit s->problem(copy.error().message);
                        }
                    });
                }
                // Subscribed before the first fetch: nothing changed meanwhile is missed.
                s->subscribe(-1).then(s, [p, session, s](Result<QJsonValue>) {
                    s->remoteTeam().refresh().then(
                        s, [p, session] { resolve<Out>(p, std::shared_ptr<ShopSession>(session)); });
                });
            });
    });
    return p->future();
}

Result<std::shared_ptr<ShopSession>> RemoteShop::loginNow(const ServerOptions& options, const QString& name,
                                                          const QString& password, QString* trustNote)
{
    auto r = RemoteSession::waitFor(login(options, name, password, trustNote));
    // A refused login's link was let go inside the wait: deleted now, not leaked at exit.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return r;
}

// ---- RemoteSession -------------------------------------------------------------------------

RemoteSession::RemoteSession(ServerOptions options, remote::LinkPtr link, QString token, const QJsonObject& hello,
                             const QJsonObject& identity)
    : m_options(std::move(options))
    , m_remote(std::move(link))
    , m_token(std::move(token))
{
    m_shop.name = hello.value(QStringLiteral("shop")).toString();
    m_shop.platform = hello.value(QStringLiteral("platform")).toString();
    // What the server serves of what the shop's platform can do (bits, as the server's enum).
    const std::string caps = hello.value(QStringLiteral("capabilities")).toString().toStdString();
    if (caps.size() == m_capabilities.size() && caps.find_first_not_of("01") == std::string::npos) {
        m_capabilities = platform::Capabilities(caps);
    }
    if (QTimeZone zone(hello.value(QStringLiteral("timeZone")).toString().toUtf8()); zone.isValid()) {
        m_shop.timeZone = zone;
    }
    setIdentity(identity);
    m_hello = hello;
    m_chats.open(DraftBook::pathFor(cacheDirOf(m_options), m_options.server, m_shop.name, m_identity.id.value()),
                 m_options.offlineLeaseMs > 0 ? m_options.offlineLeaseMs : protocol::kOfflineLeaseMs);
    if (m_remote) {
        attach(m_remote.get());
    } else {
        m_link = LinkState::Disconnected; // started from the copy: the server is tried at once
    }
    m_chatRefresh = new QTimer(this);
    m_chatRefresh->setSingleShot(true);
    m_chatRefresh->setInterval(100);
    connect(m_chatRefresh, &QTimer::timeout, this, &RemoteSession::refreshChats);
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_link != LinkState::Connected) {
            return;
        }
        // The desk's status again, else a ping: a desk silent for 60 s counts as offline.
        if (auto presence = m_chats.presence()) {
            (void)m_chats.setPresence(*presence);
        } else {
            (void)call(QStringLiteral("ping"));
        }
    });
    m_heartbeat->start(20'000);
}

std::shared_ptr<RemoteSession> RemoteSession::fromCopy(const ServerOptions& options, std::shared_ptr<DeskCache> copy,
                                                       const DeskCache::Values& values)
{
    auto it = values.find(QStringLiteral("session"));
    if (it == values.end()) {
        return nullptr;
    }
    const QJsonObject kept = copyValue(it->second).toObject();
    auto s = std::make_shared<RemoteSession>(options, nullptr, kept.value(QStringLiteral("token")).toString(),
                                             kept.value(QStringLiteral("hello")).toObject(),
                                             kept.value(QStringLiteral("identity")).toObject());
    s->m_restored = values;
    s->m_copy = std::move(copy);
    if (auto seq = s->restored(QStringLiteral("seq"))) {
        s->m_lastSeq = static_cast<qint64>(seq->toDouble());
    }
    // Every desk reads what the copy has; the server is tried at once, then every few seconds.
    RemoteSession::waitDone(s->refreshAll());
    QTimer::singleShot(0, s.get(), &RemoteSession::reconnect);
    return s;
}

void RemoteSession::attachCopy(std::shared_ptr<DeskCache> copy)
{
    m_copy = std::move(copy);
    keepSessionCopy();
    // What was read before the key was made, kept now (not fetched again).
    auto unkept = std::move(m_unkept);
    m_unkept.clear();
    for (const auto& [key, kept] : unkept) {
        m_copy->put(key, kept.first, kept.second);
    }
}

void RemoteSession::purgeCopy()
{
    if (m_copy) {
        m_copy->purge([this](int operation) { return may(static_cast<auth::Operation>(operation)); });
    }
}

void RemoteSession::keepSessionCopy()
{
    if (m_copy && !m_ended) {
        m_copy->put(QStringLiteral("session"), DeskCache::kAnyone,
                    copyBytes(QJsonObject{{QStringLiteral("token"), m_token},
                                          {QStringLiteral("hello"), m_hello},
                                          {QStringLiteral("identity"), m_identityWire}}));
    }
}

void RemoteSession::keepCopy(const QString& key, auth::Operation operation, const QJsonValue& value)
{
    if (m_ended || !m_options.keepCopy) {
        return;
    }
    const std::pair<QString, std::pair<int, QByteArray>> kept[] = {
        {key, {static_cast<int>(operation), copyBytes(value)}},
        {QStringLiteral("seq"), {DeskCache::kAnyone, copyBytes(static_cast<double>(m_lastSeq))}}};
    for (const auto& [k, v] : kept) {
        if (m_copy) {
            m_copy->put(k, v.first, v.second);
        } else {
            m_unkept.insert_or_assign(k, v); // until the copy's key is made
        }
    }
}

std::optional<QJsonValue> RemoteSession::restored(const QString& key) const
{
    auto it = m_restored.find(key);
    if (it == m_restored.end()) {
        return std::nullopt;
    }
    return copyValue(it->second);
}

bool RemoteSession::mayWait()
{
    return QCoreApplication::instance() && !QCoreApplication::instance()->inherits("QGuiApplication");
}

void RemoteSession::refreshChats()
{
    if (m_chatsInFlight) {
        m_chatRefresh->start(); // after the one on its way
        return;
    }
    m_chatsInFlight = true;
    auto touched = std::move(m_touched);
    m_touched.clear();
    m_chats.refresh().then(this, [this, touched] {
        m_chatsInFlight = false;
        if (m_ended) {
            return; // closed meanwhile (its calls failed as the link went)
        }
        QStringList keys;
        for (const auto& [platform, key] : touched) {
            m_chats.messagesChanged(platform, key);
            keys << key;
        }
        emit stored(keys, {}, {});
    });
}

QFuture<void> RemoteSession::fetchAll(std::vector<Fetch> fetches)
{
    auto p = started<void>();
    auto left = std::make_shared<int>(1); // held until every request is out
    auto one = [p, left] {
        if (--*left == 0) {
            p->finish();
        }
    };
    for (Fetch& f : fetches) {
        if (!may(f.operation)) {
            f.keep(Error::notAllowed(auth::missingPermission(m_identity.fullName(), f.operation)));
            continue;
        }
        const QString key = f.copyKey.isEmpty()
                                ? f.op + QString::fromUtf8(QJsonDocument(f.args).toJson(QJsonDocument::Compact))
                                : f.copyKey;
        if (m_link != LinkState::Connected) {
            if (auto kept = restored(key)) {
                f.keep(*kept); // started from the copy: what was read last time
                continue;
            }
        }
        ++*left;
        call(f.op, f.args)
            .then(this, [this, keep = std::move(f.keep), one, key, operation = f.operation](Result<QJsonValue> r) {
                if (r) {
                    keepCopy(key, operation, *r);
                }
                keep(r);
                one();
            });
    }
    one();
    return p->future();
}

QFuture<void> RemoteSession::refreshAll()
{
    auto p = started<void>();
    m_team.refresh().then(this, [this, p] {
        m_chats.refresh().then(this, [this, p] {
            m_phrases.refresh().then(this, [this, p] { m_orders.refreshReasons().then(this, [p] { p->finish(); }); });
        });
    });
    return p->future();
}

RemoteSession::~RemoteSession()
{
    // Not inside one of the link's signals here: it can go at once (a command-line program ends
    // without another turn of the event loop). Its pending calls fail as it goes, and what
    // continues them must find the session closed, not half-destroyed.
    m_ended = true;
    m_endReason = QStringLiteral("closed");
    m_link = LinkState::Disconnected;
    // Nor does it tell anyone anything as it goes: a view told "stored" now would read a session
    // its owner is destroying (team_load caught it: a refresh answered by the failing calls).
    blockSignals(true);
    if (m_remote) {
        m_remote->disconnect(this);
    }
    delete m_remote.release();
    delete m_dialing.release();
}

void RemoteSession::attach(remote::RemoteLink* link)
{
    connect(link, &remote::RemoteLink::pushed, this, &RemoteSession::onPush);
    connect(link, &remote::RemoteLink::dropped, this, &RemoteSession::onDropped);
}

void RemoteSession::setIdentity(const QJsonObject& wire)
{
    m_identityWire = wire;
    const protocol::IdentityWire w = protocol::identityFromJson(wire);
    Identity i;
    i.id = AccountId(w.accountId);
    i.shop = w.shop;
    i.name = w.name;
    i.permissions = auth::PermissionSet::parseKnown(w.permissions.join(u','));
    i.owner = w.owner;
    i.mustChangePassword = w.mustChangePassword;
    i.group = w.group;
    i.receptionLimit = w.receptionLimit;
    m_identity = i;
}

QFuture<Result<QJsonValue>> RemoteSession::call(const QString& op, QJsonObject args, bool write, const QString& rid,
                                                int waitMs)
{
    if (m_ended) {
        return QtFuture::makeReadyFuture(Result<QJsonValue>(Error::sessionEnded(m_endReason)));
    }
    if (m_link != LinkState::Connected || !m_remote) {
        return QtFuture::makeReadyFuture(Result<QJsonValue>(Error::busy(
            QCoreApplication::translate("shopdesk::session::RemoteSession",
                                        "Offline: the server cannot be reached, so this needs to wait until the "
                                        "link is back."))));
    }
    return m_remote->call(op, std::move(args), write, rid, waitMs);
}

QFuture<Status> RemoteSession::act(const QString& op, QJsonObject args)
{
    return call(op, std::move(args), true).then(this, [](const Result<QJsonValue>& r) -> Status {
        return r ? Status() : Status(r.error());
    });
}

QFuture<Result<QJsonValue>> RemoteSession::subscribe(qint64 after)
{
    m_subscribed = true;
    QJsonObject args;
    if (after >= 0) {
        args.insert(QStringLiteral("after"), static_cast<double>(after));
        m_lastSeq = after;
    }
    return call(QStringLiteral("subscribe"), args).then(this, [this](Result<QJsonValue> r) {
        if (r) {
            m_lastSeq =
                std::max(m_lastSeq, static_cast<qint64>(r->toObject().value(QStringLiteral("head")).toDouble()));
        }
        return r;
    });
}

void RemoteSession::onPush(const QString& kind, const QJsonObject& body)
{
    if (kind == u"ended") {
        end(body.value(QStringLiteral("reason")).toString(), true);
        return;
    }
    if (kind == u"identity") {
        const Identity before = m_identity;
        setIdentity(body.value(QStringLiteral("identity")).toObject());
        if (!(before == m_identity)) {
            // The controls are mirrored at once; what may be read changed with it: what is kept
            // is forgotten and fetched again as it is read, and the copy forgets it too.
            m_orders.clear();
            purgeCopy();
            keepSessionCopy();
            emit authorityChanged();
            refreshAll().then(this, [this] {
                emit teamChanged();
                emit stored({}, {}, {});
            });
        }
        return;
    }
    if (kind == u"change") {
        const qint64 seq = static_cast<qint64>(body.value(QStringLiteral("seq")).toDouble());
        if (seq <= m_lastSeq && m_lastSeq >= 0) {
            return; // seen already (caught up, then pushed again)
        }
        m_lastSeq = seq;
        const QString changeKind = body.value(QStringLiteral("kind")).toString();
        announce(seq, changeKind,
                 QJsonDocument(body.value(QStringLiteral("payload")).toObject()).toJson(QJsonDocument::Compact));
        if (changeKind == u"account" || changeKind == u"role" || changeKind == u"routing" ||
            changeKind == u"settings") {
            m_team.refresh().then(this, [this] { emit teamChanged(); });
        }
        if (changeKind == u"settings") {
            m_orders.followUpsChanged(true); // the follow-up rules may be what changed
        }
        if (changeKind == u"conversation") {
            m_orders.followUpsChanged(false); // whose buyers are whose
        }
        if (changeKind == u"buyer") {
            const QJsonObject payload = body.value(QStringLiteral("payload")).toObject();
            m_orders.changed(payload.value(QStringLiteral("platform")).toString(), QString(),
                             payload.value(QStringLiteral("buyer")).toString());
        }
        if (changeKind == u"order") {
            const QJsonObject payload = body.value(QStringLiteral("payload")).toObject();
            m_orders.changed(payload.value(QStringLiteral("platform")).toString(),
                             payload.value(QStringLiteral("order")).toString(),
                             payload.value(QStringLiteral("buyer")).toString());
        }
        if (changeKind == u"phrases") {
            m_phrases.refresh().then(this, [this] { emit teamChanged(); });
        }
        if (changeKind == u"conversation" || changeKind == u"message") {
            const QJsonObject payload = body.value(QStringLiteral("payload")).toObject();
            const QString platform = payload.value(QStringLiteral("platform")).toString();
            const QString key = payload.value(QStringLiteral("key")).toString();
            // Every desk hears every chat of the shop: an agent's desk reads again only for its
            // own (a shop at 双11 writes many a second); one that watches the queue, for all.
            if (!may(auth::Operation::QueueMonitor) &&
                !m_chats.concerns(platform, key, payload.value(QStringLiteral("owner")).toString(), m_identity.name)) {
                return;
            }
            m_touched.insert({platform, key});
            // A busy shop pushes many changes a second: one fetch for all of them.
            if (!m_chatRefresh->isActive()) {
                m_chatRefresh->start();
            }
        }
    }
}

void RemoteSession::announce(qint64 seq, const QString& kind, const QByteArray& payload)
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&ShopSession::changeArrived);
    if (isSignalConnected(signal) && m_unheard.empty()) {
        emit changeArrived(seq, kind, payload);
        return;
    }
    // (While the unheard ones wait for their turn, later ones queue behind them: in order.)
    if (m_unheard.size() < 1000) {
        m_unheard.push_back({seq, kind, payload});
    }
}

void RemoteSession::connectNotify(const QMetaMethod& signal)
{
    if (signal != QMetaMethod::fromSignal(&ShopSession::changeArrived) || m_unheard.empty()) {
        return;
    }
    // After the connection is made (connectNotify runs before it is usable).
    QTimer::singleShot(0, this, [this] {
        std::vector<Change> unheard = std::move(m_unheard);
        m_unheard.clear();
        for (const Change& c : unheard) {
            emit changeArrived(c.seq, c.kind, c.payload);
        }
    });
}

void RemoteSession::onDropped(const QString& why)
{
    if (m_ended) {
        return;
    }
    logging::get("session")->warn("link to the team server dropped; reconnecting");
    m_link = LinkState::Disconnected;
    emit linkChanged();
    emit problem(why);
    QTimer::singleShot(m_retryMs, this, &RemoteSession::reconnect);
}

void RemoteSession::reconnect()
{
    if (m_ended) {
        return;
    }
    m_link = LinkState::Connecting;
    emit linkChanged();
    remote::RemoteLink::Options linkOptions{m_options.server, m_options.fingerprint, m_options.knownServersFile,
                                            m_options.plain,  m_options.timeoutMs,   m_options.language};
    m_dialing.reset(new remote::RemoteLink(linkOptions));
    remote::RemoteLink* raw = m_dialing.get();
    auto retry = [this] {
        m_dialing.reset(); // goes once its own signal has returned (a LaterDeleter)
        m_link = LinkState::Disconnected;
        emit linkChanged();
        m_retryMs = std::min(m_retryMs * 2, 30'000);
        QTimer::singleShot(m_retryMs, this, &RemoteSession::reconnect);
    };
    raw->open().then(this, [this, raw, retry](Result<QJsonObject> hello) {
        if (m_dialing.get() != raw) {
            return; // an older attempt's answer
        }
        if (!hello) {
            retry();
            return;
        }
        raw->call(QStringLiteral("resume"), {{QStringLiteral("token"), m_token}})
            .then(this, [this, raw, retry](Result<QJsonValue> r) {
                if (m_dialing.get() != raw) {
                    return;
                }
                if (!r) {
                    if (r.error().code == ErrorCode::SessionEnded) {
                        end(r.error().message, true);
                    } else {
                        retry();
                    }
                    return;
                }
                m_remote = std::move(m_dialing);
                attach(m_remote.get());
                m_link = LinkState::Connected;
                m_retryMs = 1000;
                setIdentity(r->toObject().value(QStringLiteral("identity")).toObject());
                // Rights may have narrowed while the desk was away (or closed).
                purgeCopy();
                emit linkChanged();
                if (auto presence = m_chats.presence()) {
                    (void)m_chats.setPresence(*presence); // the desk's status, at once
                }
                // Caught up from the last change seen: nothing missed while away, nothing twice.
                const qint64 after = m_lastSeq;
                subscribe(after).then(this, [this](Result<QJsonValue>) {
                    refreshAll().then(this, [this] {
                        m_restored.clear(); // the server's view from here on
                        keepSessionCopy();
                        m_chats.refreshTimelines();
                        emit authorityChanged();
                        emit teamChanged();
                        emit stored({}, {}, {});
                        // Caught up: what was written offline goes now (the server checks it as now).
                        m_chats.outbox().flush();
                    });
                });
            });
    });
}

void RemoteSession::end(const QString& reason, bool revoked)
{
    if (m_ended) {
        return;
    }
    m_chats.outbox().giveBack(reason);
    m_ended = true;
    m_endReason = reason;
    m_link = LinkState::Disconnected;
    m_heartbeat->stop();
    m_dialing.reset();
    if (revoked && m_copy) {
        // The account may read nothing any more: neither may this desktop's copy of it.
        const QString path = m_copy->path();
        m_copy.reset();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(path + suffix);
        }
    }
    if (m_remote) {
        m_remote->close();
    }
    emit linkChanged();
    emit sessionEnded(reason);
}

QFuture<Status> RemoteSession::changePassword(const QString& current, const QString& next)
{
    return call(QStringLiteral("password.change"),
                {{QStringLiteral("current"), current}, {QStringLiteral("next"), next}}, true)
        .then(this, [this, next](Result<QJsonValue> r) -> Status {
            if (!r) {
                return r.error();
            }
            m_identity.mustChangePassword = false;
            if (m_copy) {
                // The copy is sealed with the password: a new one under the new password.
                m_copy->flush();
                openCopy(m_copy->path(), next, false, nullptr).then(this, [this](Result<std::shared_ptr<DeskCache>> c) {
                    if (c) {
                        attachCopy(*c);
                    }
                });
            }
            return {};
        });
}

void RemoteSession::logout()
{
    if (m_ended) {
        return;
    }
    auto done = call(QStringLiteral("logout"), {}, true);
    if (RemoteSession::mayWait()) {
        (void)RemoteSession::waitFor(done);
    }
    end(QCoreApplication::translate("shopdesk::session::RemoteSession", "Logged out."));
}

} // namespace shopdesk::session
