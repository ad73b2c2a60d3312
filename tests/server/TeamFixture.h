#pragma once

// A team server in the test process: its own schema in the PostgreSQL that ./test.sh starts
// (pg_virtualenv), a manual clock, fast password hashing, plain WebSocket on loopback. Without a
// PostgreSQL the tests fail (never skip).

#include "core/Clock.h"
#include "crypto/PasswordHasher.h"
#include "pg/PgConnection.h"
#include "server/ServerBackend.h"
#include "server/ShopRouter.h"
#include "server/TeamServer.h"
#include "session/RemoteShop.h"
#include "session/Team.h"
#include "session/remote/DeskCache.h"
#include "session/remote/RemoteSession.h"
#include "support/QtPrinters.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <gtest/gtest.h>

#include <deque>
#include <functional>

namespace shopdesk::test {

inline const QString kOwnerPassword = QStringLiteral("Owner-pass-2026!");
inline const QString kAgentPassword = QStringLiteral("Agent-pass-2026!");

/// Runs the event loop until `done` or `timeoutMs`; returns whether `done` became true.
inline bool spinUntil(const std::function<bool()>& done, int timeoutMs = 5000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

template <typename T>
T await(QFuture<T> f, int timeoutMs = 10000)
{
    spinUntil([&] { return f.isFinished(); }, timeoutMs);
    EXPECT_TRUE(f.isFinished()) << "the future did not finish in time";
    return f.isFinished() ? f.result() : T(Error::internal(QStringLiteral("timeout")));
}

class TeamFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty("PGHOST")) {
            FAIL() << "No PostgreSQL for the tests: run them through ./test.sh, which starts a throwaway cluster "
                      "(pg_virtualenv), or set PGHOST/PGPORT/PGUSER/PGPASSWORD.";
        }
        const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        schema = QStringLiteral("s_%1").arg(QString::number(qHash(QString::fromStdString(test)), 16));
        auto admin = pg::PgConnection::open(QString());
        ASSERT_TRUE(admin) << admin.error().message.toStdString();
        m_admin = std::move(*admin);
        ASSERT_TRUE(m_admin
                        ->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1")
                                   .arg(schema)
                                   .toUtf8()
                                   .constData())
                        .ok());
        url = QStringLiteral("options=-csearch_path=%1").arg(schema);
        server::ServerBackend::Options options;
        options.pgUrl = url;
        options.dataDir = dir.path();
        options.clock = &clock;
        options.passwordParams = passwordParams();
        options.migrate = true;
        auto b = server::ServerBackend::open(options);
        ASSERT_TRUE(b) << b.error().message.toStdString();
        backend = std::move(*b);
        Shop shop;
        shop.name = QStringLiteral("测试旗舰店");
        Status st = backend->initialise(shop, QStringLiteral("店长"), kOwnerPassword);
        ASSERT_TRUE(st.ok()) << st.error().message.toStdString();
        startServer();
    }
    /// The server's Argon2 cost (cheap: the tests log in often).
    virtual crypto::PasswordHasher::Params passwordParams() const { return {1, 8 * 1024}; }
    void TearDown() override
    {
        server.reset();
        router.reset();
        backend.reset();
        if (m_admin) {
            (void)m_admin->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema).toUtf8().constData());
        }
    }
    void startServer(std::chrono::minutes idle = std::chrono::minutes(60), quint16 port = 0)
    {
        server::TeamServer::Options o;
        o.address = QHostAddress::LocalHost;
        o.port = port;
        o.plain = true;
        o.pgUrl = url;
        o.idleExpiry = idle;
        server = std::make_unique<server::TeamServer>(*backend, o);
        Status st = server->start();
        ASSERT_TRUE(st.ok()) << st.error().message.toStdString();
    }
    /// The shop's router with the simulated shop, `buyersPerMinute` new buyers a (simulated)
    /// minute, its time `speed` times as fast as real time.
    void startRouter(double buyersPerMinute, double speed = 1.0)
    {
        server::ShopRouter::Options o;
        o.pgUrl = url;
        o.buyersPerMinute = buyersPerMinute;
        o.speed = speed;
        router = std::make_unique<server::ShopRouter>(*backend, o);
        server->setRouter(router.get());
        router->start();
        ASSERT_TRUE(router->leading()) << "took the router's lock";
    }
    session::ServerOptions serverOptions() const
    {
        session::ServerOptions o;
        o.server = QStringLiteral("127.0.0.1:%1").arg(server->port());
        o.plain = true;
        o.knownServersFile = dir.filePath(QStringLiteral("known_servers.json"));
        o.cacheDir = dir.filePath(QStringLiteral("desktop-cache"));
        return o;
    }
    std::shared_ptr<session::ShopSession> loginRemote(const QString& name, const QString& password)
    {
        auto s = await(session::RemoteShop::login(serverOptions(), name, password));
        EXPECT_TRUE(s) << (s ? "" : s.error().message.toStdString());
        return s ? *s : nullptr;
    }

    /// The owner's remote session, after it made the pre-sales agent 小美 (group `group`).
    std::shared_ptr<session::ShopSession> ownerWithAgent(const QString& group = {})
    {
        auto owner = loginRemote(QStringLiteral("店长"), kOwnerPassword);
        if (!owner) {
            return nullptr;
        }
        NewAccount a;
        a.name = QStringLiteral("小美");
        a.password = kAgentPassword;
        a.roles = {QStringLiteral("presales")};
        a.group = group;
        auto created = await(owner->team().createAccount(a));
        EXPECT_TRUE(created) << (created ? "" : created.error().message.toStdString());
        return created ? owner : nullptr;
    }

    QTemporaryDir dir;
    ManualClock clock{Timestamp::fromMs(QDateTime::currentMSecsSinceEpoch())};
    QString schema;
    QString url;
    std::unique_ptr<server::ServerBackend> backend;
    std::unique_ptr<server::TeamServer> server;
    std::unique_ptr<server::ShopRouter> router;

private:
    std::unique_ptr<pg::PgConnection> m_admin;
};

/// The options of a desktop (it keeps a copy).
inline session::ServerOptions desktop(session::ServerOptions o)
{
    o.keepCopy = true;
    return o;
}

/// Waits until the session's copy is attached (its key is made off the thread) and `key` is in it.
inline bool copied(session::ShopSession& s, const QString& key, const QString& password)
{
    auto* remote = dynamic_cast<session::RemoteSession*>(&s);
    if (!remote || !spinUntil([&] { return remote->copy() != nullptr; }, 10000)) {
        return false;
    }
    return spinUntil(
        [&] {
            remote->copy()->flush();
            session::DeskCache::Values values;
            auto c = session::DeskCache::open(remote->copy()->path(), password, true, &values);
            return c && values.count(key) > 0;
        },
        10000);
}

/// A raw protocol client: frames in, frames out, nothing interpreted.
class RawClient {
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString& f) { frames.push_back(f); });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] {
            closed = true;
            closeCode = socket.closeCode();
        });
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        EXPECT_TRUE(spinUntil([this] { return socket.state() == QAbstractSocket::ConnectedState; }));
    }
    void send(const QString& frame) { socket.sendTextMessage(frame); }
    /// The next frame, parsed (an empty object after a timeout).
    QJsonObject next(int timeoutMs = 5000)
    {
        spinUntil([this] { return !frames.empty(); }, timeoutMs);
        if (frames.empty()) {
            ADD_FAILURE() << "no frame arrived";
            return {};
        }
        const QString f = frames.front();
        frames.pop_front();
        return QJsonDocument::fromJson(f.toUtf8()).object();
    }
    QJsonObject request(qint64 id, const QString& op, const QJsonObject& args = {}, const QString& rid = {})
    {
        QJsonObject o{{QStringLiteral("v"), 1},
                      {QStringLiteral("id"), id},
                      {QStringLiteral("op"), op},
                      {QStringLiteral("args"), args}};
        if (!rid.isEmpty()) {
            o.insert(QStringLiteral("rid"), rid);
        }
        send(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        return next();
    }
    static QString code(const QJsonObject& answer)
    {
        return answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    static QString message(const QJsonObject& answer)
    {
        return answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    }

    QWebSocket socket;
    std::deque<QString> frames;
    bool closed = false;
    int closeCode = 0;
};

/// hello and login as the owner on `c`, request ids 1 and 2; returns the token.
inline QString ownerLogin(RawClient& c)
{
    EXPECT_TRUE(c.request(1, QStringLiteral("hello")).value(QStringLiteral("ok")).toBool());
    const QJsonObject login =
        c.request(2, QStringLiteral("login"),
                  {{QStringLiteral("name"), QStringLiteral("店长")}, {QStringLiteral("password"), kOwnerPassword}});
    EXPECT_TRUE(login.value(QStringLiteral("ok")).toBool()) << RawClient::message(login).toStdString();
    return login.value(QStringLiteral("result")).toObject().value(QStringLiteral("token")).toString();
}

} // namespace shopdesk::test
