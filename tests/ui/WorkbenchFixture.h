#pragma once

#include "backend/LiveShop.h"
#include "platform/sim/SimulatedShop.h"
#include "workbench/MainWindow.h"
#include "workbench/WorkbenchContext.h"

#include "support/TestBackend.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace shopdesk::test {

/// The real workbench window over a TestBackend and a simulated shop paced by hand: the test moves
/// the world (and the clock with it), the pipeline stores, the window applies what was stored.
class WorkbenchFixture : public ::testing::Test {
protected:
    /// Opens the window as `actor` (an account of `b`) on a shop with `bots` colleagues.
    void openAs(const auth::Actor& actor, int bots = 2, double buyersPerMinute = 6, quint64 seed = 5)
    {
        window.reset();
        context.reset();
        live.reset();
        start = b.clock().now();
        LiveShop::Options o;
        o.sim.seed = seed;
        o.sim.bots = bots;
        o.sim.buyersPerMinute = buyersPerMinute;
        o.sim.person = actor.name;
        o.retry = {2, std::chrono::milliseconds(1), std::chrono::milliseconds(2)};
        auto opened = LiveShop::open(*b, o, platform::IngestPipeline::Mode::Manual);
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        live = std::move(*opened);
        context = std::make_unique<ui::WorkbenchContext>(
            ui::WorkbenchContext{*b, *live, actor, QStringLiteral("果果旗舰店")});
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
    /// Lets queued continuations (answers of the platform) run, then stores their echoes.
    void settle()
    {
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
    }
    void confirm()
    {
        settle();
        advance(now() + 1);
    }

    TestBackend b;
    Timestamp start;
    std::unique_ptr<LiveShop> live;
    std::unique_ptr<ui::WorkbenchContext> context;
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace shopdesk::test
