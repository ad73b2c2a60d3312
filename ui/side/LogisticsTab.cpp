#include "side/LogisticsTab.h"

#include "common/Format.h"
#include "common/Gates.h"
#include "session/Orders.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

LogisticsTab::LogisticsTab(WorkbenchContext& context, QWidget* parent)
    : SideTab(context, auth::Operation::OrderLogistics, parent)
    , m_order(new QComboBox(this))
    , m_trace(new QListWidget(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    m_trace->setObjectName(QStringLiteral("trace"));
    m_trace->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_order, 1);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_trace, 1);
    layout->addWidget(m_message);
    gates::offer(m_refresh, context.session.capabilities(), platform::Capability::Logistics);
    gates::mirror(m_refresh, context.session, auth::Permission::OrderView);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] {
        const QString no = m_order->currentData().toString();
        if (no.isEmpty() || !readable()) {
            return;
        }
        auto stored = m_context.session.orders().storedTrace(platformName(), no);
        fill(stored ? *stored : std::vector<LogisticsEvent>());
    });
    connect(m_refresh, &QPushButton::clicked, this, &LogisticsTab::fetch);
}

void LogisticsTab::reload()
{
    QSignalBlocker block(m_order);
    m_order->clear();
    m_trace->clear();
    if (!chat() || !readable()) {
        return;
    }
    auto orders = m_context.session.orders().ofBuyer(platformName(), buyer(), 50);
    if (!orders) {
        report(orders.error().message, true);
        return;
    }
    for (const Order& o : *orders) {
        if (o.status == OrderStatus::WaitBuyerConfirmGoods || o.status == OrderStatus::TradeFinished) {
            m_order->addItem(QStringLiteral("%1 · %2").arg(o.orderNo, format::orderStatus(o.status)), o.orderNo);
        }
    }
    if (m_order->count() == 0) {
        m_trace->addItem(tr("No shipped order."));
        return;
    }
    block.unblock();
    m_order->setCurrentIndex(0);
    emit m_order->currentIndexChanged(0);
}

void LogisticsTab::showOrder(const QString& orderNo)
{
    const int i = m_order->findData(orderNo);
    if (i >= 0) {
        m_order->setCurrentIndex(i);
    }
}

void LogisticsTab::fill(const std::vector<LogisticsEvent>& events)
{
    m_trace->clear();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        m_trace->addItem(QStringLiteral("%1  %2\n%3 %4")
                             .arg(format::fullTime(it->at), it->description, it->carrier, it->trackingNo));
    }
    if (events.empty()) {
        m_trace->addItem(tr("No trace yet."));
    }
}

void LogisticsTab::fetch()
{
    const QString no = m_order->currentData().toString();
    if (no.isEmpty()) {
        return;
    }
    report(tr("Asking the carrier…"), false);
    m_context.session.orders().liveTrace(no).then(this, [this, no](Result<std::vector<LogisticsEvent>> r) {
        if (m_order->currentData().toString() != no) {
            return;
        }
        if (!r) {
            report(r.error().message, true);
            return;
        }
        report({}, false);
        fill(*r);
    });
}

} // namespace shopdesk::ui
