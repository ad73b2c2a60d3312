#pragma once

#include "session/LocalShop.h"
#include "session/ShopSession.h"
#include "session/local/LocalAccess.h"

#include "support/TestBackend.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <gtest/gtest.h>

#include <memory>

namespace shopdesk::test {

/// A LocalShop over a TestBackend, handing out sessions the way the app and shopdeskctl get them.
class TestShop {
public:
    explicit TestShop(TestBackend& b)
        : m_b(b)
        , m_shop(std::make_unique<session::LocalShop>(*b))
    {
    }

    session::LocalShop& operator*() { return *m_shop; }
    session::LocalShop* operator->() { return m_shop.get(); }
    LiveShop* live() { return session::liveOf(*m_shop); }

    /// Logs `name` in with `password` (the test backend's defaults).
    std::shared_ptr<session::ShopSession> login(const QString& name, const QString& password)
    {
        auto s = m_shop->loginNow(name, password);
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message.toStdString());
        return s.ok() ? *s : nullptr;
    }
    std::shared_ptr<session::ShopSession> owner()
    {
        return login(QStringLiteral("店长"), QString::fromLatin1(TestBackend::kOwnerPassword));
    }
    /// A new account with `roles`, logged in.
    std::shared_ptr<session::ShopSession> account(const QString& name, const QStringList& roles)
    {
        m_b.account(name, roles);
        return login(name, QStringLiteral("agent-pass-1"));
    }

    /// The simulated shop paced by hand, events drained by the caller.
    static session::PlatformOptions manualSim(quint64 seed = 5, int bots = 2, double buyersPerMinute = 6)
    {
        session::PlatformOptions o;
        o.seed = seed;
        o.bots = bots;
        o.buyersPerMinute = buyersPerMinute;
        o.realTime = false;
        o.automatic = false;
        o.personOnline = false;
        o.retryAttempts = 2;
        o.retryDelay = std::chrono::milliseconds(1);
        return o;
    }

private:
    TestBackend& m_b;
    std::unique_ptr<session::LocalShop> m_shop;
};

/// Lets the event loop and the session's worker threads finish what was asked (an action's checks
/// run on a worker, its platform call on this thread, its echo arrives in the store).
inline void settle(int rounds = 20)
{
    for (int i = 0; i < rounds; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
}

} // namespace shopdesk::test
