#pragma once

#include "backend/LiveShop.h"
#include "platform/sim/SimulatedShop.h"
#include "session/local/LocalAccess.h"
#include "workbench/MainWindow.h"
#include "workbench/WorkbenchContext.h"

#include "support/TestBackend.h"
#include "support/TestSession.h"

#include "workbench/ConversationListModel.h"
#include "workbench/ConversationListPanel.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QTimer>

#include <functional>

#include <gtest/gtest.h>

namespace shopdesk::test {

/// The real workbench window over a session of a TestBackend's account and a simulated shop paced
/// by hand: the test moves the world (and the clock with it), the pipeline stores, the window
/// applies what was stored.
class WorkbenchFixture : public ::testing::Test {
protected:
    /// Opens the window as `actor` (an account of `b`) on a shop with `bots` colleagues.
    void openAs(const auth::Actor& actor, int bots = 2, double buyersPerMinute = 6, quint64 seed = 5)
    {
        window.reset();
        context.reset();
        session.reset();
        shop.reset();
        start = b.clock().now();
        shop = std::make_unique<TestShop>(b);
        session = session::sessionOf(**shop, actor);
        ASSERT_TRUE(session);
        const Status st = (*shop)->connectPlatform(*session, TestShop::manualSim(seed, bots, buyersPerMinute));
        ASSERT_TRUE(st.ok()) << st.error().message.toStdString();
        live = shop->live();
        context = std::make_unique<ui::WorkbenchContext>(ui::WorkbenchContext{*session});
        window = std::make_unique<ui::MainWindow>(*context);
        window->show();
        settle();
        advance(1);
    }

    /// Moves the world to simulated second `t`, stores what happened and lets the window apply it.
    void advance(qint64 t)
    {
        live->sim()->advanceTo(t);
        b.clock().set(Timestamp::fromMs(start.ms() + t * 1000));
        auto n = live->pipeline().drain();
        ASSERT_TRUE(n) << n.error().message.toStdString();
        settle();
        window->flushStored();
    }
    qint64 now()
    {
        qint64 t = 0;
        live->sim()->inspect([&](const platform::sim::SimulatedShop& s) { t = s.now(); });
        return t;
    }
    /// Moves the world on, 30 s at a time for at most `within` seconds, until the agent serves at
    /// least `n` buyers; returns whom the agent serves then (fewer when the time ran out).
    std::vector<ConversationSummary> routeUntil(std::size_t n, qint64 within = 3600)
    {
        const qint64 end = now() + within;
        for (qint64 t = now() + 30; t < end && window->conversations()->model()->active().size() < n; t += 30) {
            advance(t);
        }
        return window->conversations()->model()->active();
    }
    /// Runs `fn` on the next modal dialog once it is open (its exec() turns the event loop).
    static void onModalDialog(std::function<void(QDialog&)> fn)
    {
        auto* poll = new QTimer;
        poll->setInterval(20);
        QObject::connect(poll, &QTimer::timeout, [poll, fn] {
            if (auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                poll->stop();
                poll->deleteLater();
                fn(*d);
            }
        });
        poll->start();
    }
    /// Lets what was asked finish: the session's checks on its worker, the platform's answers, and
    /// the window's continuations.
    void settle() { test::settle(); }
    void confirm()
    {
        settle();
        advance(now() + 1);
    }

    TestBackend b;
    Timestamp start;
    std::unique_ptr<TestShop> shop;
    std::shared_ptr<session::ShopSession> session;
    LiveShop* live = nullptr;
    std::unique_ptr<ui::WorkbenchContext> context;
    std::unique_ptr<ui::MainWindow> window;

    void TearDown() override
    {
        window.reset();
        context.reset();
        session.reset();
        shop.reset();
    }
};

} // namespace shopdesk::test
