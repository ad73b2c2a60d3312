#include "side/OrdersTab.h"

#include "chat/ChatView.h"
#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "session/Orders.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace shopdesk::ui {

using auth::Permission;
using platform::Capability;

namespace {

QIcon dot(const QColor& c)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(c);
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 10, 10);
    return QIcon(pm);
}

} // namespace

OrdersTab::OrdersTab(WorkbenchContext& context, QWidget* parent)
    : SideTab(context, auth::Operation::OrderView, parent)
    , m_list(new QListWidget(this))
    , m_detail(new QLabel(this))
    , m_remark(new QPlainTextEdit(this))
    , m_flag(new QComboBox(this))
    , m_saveRemark(new QPushButton(tr("Save remark"), this))
    , m_address(new QPushButton(tr("Change address…"), this))
    , m_price(new QPushButton(tr("Change price…"), this))
    , m_card(new QPushButton(tr("Send to chat"), this))
{
    m_list->setObjectName(QStringLiteral("orders"));
    m_list->setMaximumHeight(150);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remark->setPlaceholderText(tr("Seller remark (only the shop sees it; at most 1,000 bytes)"));
    m_remark->setMaximumHeight(70);
    for (int f = 0; f <= kMaxFlag; ++f) {
        m_flag->addItem(dot(format::flagColour(f)), format::flagName(f), f);
    }
    auto* remarkRow = new QHBoxLayout;
    remarkRow->addWidget(m_flag);
    remarkRow->addStretch();
    remarkRow->addWidget(m_saveRemark);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_address);
    actions->addWidget(m_price);
    actions->addWidget(m_card);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(m_detail);
    layout->addWidget(m_remark);
    layout->addLayout(remarkRow);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addStretch();

    const auto caps = context.session.capabilities();
    gates::offer(m_saveRemark, caps, Capability::Remark);
    gates::offer(m_flag, caps, Capability::Remark);
    gates::offer(m_remark, caps, Capability::Remark);
    gates::offer(m_address, caps, Capability::ModifyAddress);
    gates::offer(m_price, caps, Capability::ModifyPrice);
    gates::offer(m_card, caps, Capability::OrderCard);

    connect(m_list, &QListWidget::currentRowChanged, this, &OrdersTab::showSelected);
    connect(m_saveRemark, &QPushButton::clicked, this, &OrdersTab::saveRemark);
    connect(m_address, &QPushButton::clicked, this, &OrdersTab::changeAddress);
    connect(m_price, &QPushButton::clicked, this, &OrdersTab::changePrice);
    connect(m_card, &QPushButton::clicked, this, [this] {
        if (auto o = selected(); o && chat()) {
            chat()->sendOrderCard(o->orderNo);
        }
    });
}

std::optional<Order> OrdersTab::selected() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_orders.size())) {
        return std::nullopt;
    }
    return m_orders[static_cast<std::size_t>(row)];
}

void OrdersTab::reload()
{
    const QString keep = selected() ? selected()->orderNo : QString();
    m_orders.clear();
    m_list->clear();
    if (chat() && readable()) {
        auto orders = m_context.session.orders().ofBuyer(platformName(), buyer(), 50);
        if (!orders) {
            report(orders.error().message, true);
        } else {
            m_orders = std::move(*orders);
        }
    }
    int select = m_orders.empty() ? -1 : 0;
    for (std::size_t i = 0; i < m_orders.size(); ++i) {
        const Order& o = m_orders[i];
        auto* item = new QListWidgetItem(
            dot(format::orderStatusColour(o.status)),
            QStringLiteral("%1  %2  %3").arg(format::orderStatus(o.status), format::money(o.amountFen), o.orderNo));
        if (o.flag > 0) {
            item->setForeground(format::flagColour(o.flag));
        }
        m_list->addItem(item);
        if (o.orderNo == keep) {
            select = static_cast<int>(i);
        }
    }
    if (m_orders.empty() && chat() && readable()) {
        m_list->addItem(tr("This buyer has no order yet."));
    }
    m_list->setCurrentRow(select);
    showSelected();
}

bool OrdersTab::ordersChanged(const QStringList& orderNos)
{
    if (!chat() || orderNos.isEmpty() || !readable()) {
        return false;
    }
    bool mine =
        std::any_of(m_orders.begin(), m_orders.end(), [&](const Order& o) { return orderNos.contains(o.orderNo); });
    if (!mine) {
        // A new order of this buyer shows up too.
        auto fresh = m_context.session.orders().ofBuyer(platformName(), buyer(), 1);
        mine = fresh && !fresh->empty() && orderNos.contains(fresh->front().orderNo);
    }
    if (mine) {
        reload();
    }
    return mine;
}

void OrdersTab::showSelected()
{
    const auto o = selected();
    session::ShopSession& a = m_context.session;
    gates::mirror(m_saveRemark, a, Permission::OrderRemark);
    gates::mirror(m_flag, a, Permission::OrderRemark);
    gates::mirror(m_remark, a, Permission::OrderRemark);
    gates::mirror(m_address, a, Permission::OrderAddressModify);
    gates::mirror(m_price, a, Permission::OrderPriceModify);
    gates::mirror(m_card, a, Permission::ChatReply);
    if (!o) {
        m_detail->clear();
        m_remark->clear();
        for (QWidget* w :
             {static_cast<QWidget*>(m_saveRemark), static_cast<QWidget*>(m_flag), static_cast<QWidget*>(m_remark),
              static_cast<QWidget*>(m_address), static_cast<QWidget*>(m_price), static_cast<QWidget*>(m_card)}) {
            gates::disableUnless(w, false, tr("Choose an order first."));
        }
        return;
    }
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> · <span style='color:%2'>%3</span>")
                 .arg(o->orderNo, format::orderStatusColour(o->status).name(), format::orderStatus(o->status));
    for (const OrderItem& item : o->items) {
        lines << QStringLiteral("%1 × %2  %3")
                     .arg(item.title.toHtmlEscaped())
                     .arg(item.quantity)
                     .arg(format::money(item.priceFen));
    }
    lines << tr("Total %1 · placed %2").arg(format::money(o->amountFen), format::fullTime(o->createdAt));
    if (o->paidAt) {
        lines << tr("Paid %1").arg(format::fullTime(*o->paidAt));
    }
    lines << tr("Receiver: %1 %2 %3")
                 .arg(o->receiverMasked.name.toHtmlEscaped(), o->receiverMasked.phone.toHtmlEscaped(),
                      o->receiverMasked.address.toHtmlEscaped());
    if (!o->flaggedBy.isEmpty()) {
        lines << tr("Flagged by %1").arg(o->flaggedBy.toHtmlEscaped());
    }
    m_detail->setText(lines.join(QStringLiteral("<br>")));
    m_remark->setPlainText(o->remark);
    m_flag->setCurrentIndex(std::max(0, m_flag->findData(o->flag)));
    gates::disableUnless(
        m_address, canChangeAddress(o->status),
        tr("The goods have left: the address can no longer be changed (%1).").arg(format::orderStatus(o->status)));
    gates::disableUnless(
        m_price, canChangePrice(o->status),
        tr("The order is paid: its price can no longer be changed (%1).").arg(format::orderStatus(o->status)));
    emit selectedOrderChanged(o->orderNo);
}

void OrdersTab::saveRemark()
{
    const auto o = selected();
    if (!o) {
        return;
    }
    report(tr("Saving…"), false);
    m_context.session.orders()
        .setRemark(o->orderNo, m_remark->toPlainText(), m_flag->currentData().toInt())
        .then(this, [this](Status st) { report(st ? tr("Remark saved.") : st.error().message, !st); });
}

void OrdersTab::changeAddress()
{
    const auto o = selected();
    if (!o) {
        return;
    }
    FormDialog dialog(tr("New receiver for %1").arg(o->orderNo), this,
                      tr("The buyer's new address, in full (it is stored encrypted)."));
    auto* name = new QLineEdit(&dialog);
    auto* phone = new QLineEdit(&dialog);
    auto* address = new QLineEdit(&dialog);
    address->setMinimumWidth(320);
    dialog.addRow(tr("Name"), name);
    dialog.addRow(tr("Phone"), phone);
    dialog.addRow(tr("Address"), address);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    report(tr("Saving…"), false);
    m_context.session.orders()
        .modifyAddress(o->orderNo, Receiver{name->text(), phone->text(), address->text()})
        .then(this, [this](Status st) { report(st ? tr("Address changed.") : st.error().message, !st); });
}

void OrdersTab::changePrice()
{
    const auto o = selected();
    if (!o) {
        return;
    }
    FormDialog dialog(tr("New price for %1").arg(o->orderNo), this,
                      tr("A discount only: below the current %1.").arg(format::money(o->amountFen)));
    auto* amount = new QLineEdit(&dialog);
    amount->setPlaceholderText(formatYuan(o->amountFen));
    dialog.addRow(tr("New total (yuan)"), amount);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    Fen fen = 0;
    if (!parseYuan(amount->text().trimmed(), fen)) {
        report(tr("Type an amount in yuan, e.g. 88.50."), true);
        return;
    }
    report(tr("Saving…"), false);
    m_context.session.orders().modifyPrice(o->orderNo, fen).then(this, [this](Status st) {
        report(st ? tr("Price changed.") : st.error().message, !st);
    });
}

} // namespace shopdesk::ui
