#include "side/OrdersTab.h"

#include "chat/ChatView.h"
#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "session/Orders.h"
#include "side/SideListModel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace shopdesk::ui {

using auth::Permission;
using platform::Capability;

OrdersTab::OrdersTab(WorkbenchContext& context, QWidget* parent)
    : SideTab(context, auth::Operation::OrderView, parent)
    , m_list(new QListView(this))
    , m_model(new SideListModel(this))
    , m_detail(new QLabel(this))
    , m_remark(new QPlainTextEdit(this))
    , m_flag(new QComboBox(this))
    , m_saveRemark(new QPushButton(tr("Save remark"), this))
    , m_address(new QPushButton(tr("Change address…"), this))
    , m_price(new QPushButton(tr("Change price…"), this))
    , m_card(new QPushButton(tr("Send to chat"), this))
    , m_remarkNotice(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("orders"));
    m_list->setMaximumHeight(150);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_remarkNotice->setWordWrap(true);
    m_remarkNotice->setObjectName(QStringLiteral("remarkNotice"));
    m_remarkNotice->hide();
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remark->setPlaceholderText(tr("Seller remark (only the shop sees it; at most 1,000 bytes)"));
    m_remark->setMaximumHeight(70);
    for (int f = 0; f <= kMaxFlag; ++f) {
        QPixmap pm(12, 12);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(format::flagColour(f));
        p.setPen(Qt::NoPen);
        p.drawEllipse(1, 1, 10, 10);
        m_flag->addItem(QIcon(pm), format::flagName(f), f);
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
    layout->addWidget(m_remarkNotice);
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

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &OrdersTab::showSelected);
    connect(m_remark, &QPlainTextEdit::textChanged, this, &OrdersTab::remarkEdited);
    connect(m_flag, &QComboBox::currentIndexChanged, this, &OrdersTab::remarkEdited);
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
    const QString no = m_model->keyAt(m_list->currentIndex());
    const auto it = std::find_if(m_orders.begin(), m_orders.end(), [&](const Order& o) { return o.orderNo == no; });
    if (no.isEmpty() || it == m_orders.end()) {
        return std::nullopt;
    }
    return *it;
}

bool OrdersTab::select(const QString& orderNo)
{
    const int row = m_model->rowOfKey(orderNo);
    if (row < 0 || orderNo.isEmpty()) {
        return false;
    }
    m_list->setCurrentIndex(m_model->index(row));
    return true;
}

void OrdersTab::reload()
{
    std::vector<Order> orders;
    if (chat() && readable()) {
        auto read = m_context.session.orders().ofBuyer(platformName(), buyer(), 50);
        if (!read) {
            report(read.error().message, true);
            return; // what is shown stays
        }
        orders = std::move(*read);
    }
    if (!chat() || m_edits.isEmpty() == false) {
        // Unsaved remarks belong to this buyer's orders only.
        for (auto it = m_edits.begin(); it != m_edits.end();) {
            const bool still =
                std::any_of(orders.begin(), orders.end(), [&](const Order& o) { return o.orderNo == it.key(); });
            it = still ? std::next(it) : m_edits.erase(it);
        }
    }
    std::vector<SideRow> rows;
    for (const Order& o : orders) {
        rows.push_back(
            {o.orderNo,
             QStringLiteral("%1  %2  %3").arg(format::orderStatus(o.status), format::money(o.amountFen), o.orderNo),
             format::orderStatusColour(o.status), o.flag > 0 ? format::flagColour(o.flag) : QColor(), false, true});
    }
    if (orders.empty() && chat() && readable()) {
        rows.push_back({QString(), tr("This buyer has no order yet."), {}, {}, false, false});
    }
    m_orders = std::move(orders);
    const bool hadChoice = selected().has_value() || !m_model->keyAt(m_list->currentIndex()).isEmpty();
    m_model->setRows(std::move(rows));
    if (!hadChoice && !m_orders.empty()) {
        select(m_orders.front().orderNo);
    }
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
        m_shown.clear();
        m_detail->clear();
        m_filling = true;
        m_remark->clear();
        m_filling = false;
        m_remarkNotice->hide();
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
    showRemark(*o);
    gates::disableUnless(
        m_address, canChangeAddress(o->status),
        tr("The goods have left: the address can no longer be changed (%1).").arg(format::orderStatus(o->status)));
    gates::disableUnless(
        m_price, canChangePrice(o->status),
        tr("The order is paid: its price can no longer be changed (%1).").arg(format::orderStatus(o->status)));
    emit selectedOrderChanged(o->orderNo);
}

void OrdersTab::showRemark(const Order& o)
{
    m_shown = o.orderNo;
    m_filling = true;
    const auto edit = m_edits.constFind(o.orderNo);
    const bool editing = edit != m_edits.cend();
    const QString text = editing ? edit->text : o.remark;
    if (m_remark->toPlainText() != text) {
        m_remark->setPlainText(text);
    }
    m_flag->setCurrentIndex(std::max(0, m_flag->findData(editing ? edit->flag : o.flag)));
    m_filling = false;
    // Someone (a colleague, the platform) changed the remark while the agent was typing one.
    const bool changedMeanwhile = editing && (o.remark != edit->base || o.flag != edit->baseFlag);
    m_remarkNotice->setVisible(changedMeanwhile);
    if (changedMeanwhile) {
        m_remarkNotice->setText(
            tr("This order's remark was changed meanwhile to “%1” (%2). Your text is kept; saving replaces it.")
                .arg(o.remark.isEmpty() ? tr("empty") : o.remark, format::flagName(o.flag)));
        styleAsError(m_remarkNotice);
    }
}

void OrdersTab::remarkEdited()
{
    if (m_filling || m_shown.isEmpty()) {
        return;
    }
    const auto o = selected();
    if (!o || o->orderNo != m_shown) {
        return;
    }
    RemarkEdit& edit = m_edits[m_shown];
    if (edit.base.isNull() && edit.text.isNull()) {
        edit.base = o->remark.isNull() ? QString(QLatin1String("")) : o->remark;
        edit.baseFlag = o->flag;
    }
    edit.text = m_remark->toPlainText();
    edit.flag = m_flag->currentData().toInt();
    if (edit.text == edit.base && edit.flag == edit.baseFlag) {
        m_edits.remove(m_shown); // back to what is stored: nothing to keep
    }
}

void OrdersTab::saveRemark()
{
    const auto o = selected();
    if (!o) {
        return;
    }
    report(tr("Saving…"), false);
    const QString no = o->orderNo;
    const QString text = m_remark->toPlainText();
    const int flag = m_flag->currentData().toInt();
    m_context.session.orders().setRemark(no, text, flag).then(this, [this, no, text, flag](Status st) {
        if (st) {
            // Saved: the stored remark is what was typed, unless it was edited again since.
            const auto edit = m_edits.constFind(no);
            if (edit != m_edits.cend() && edit->text == text && edit->flag == flag) {
                m_edits.remove(no);
                m_remarkNotice->hide();
            }
        }
        finished(st ? tr("Remark saved.") : st.error().message, !st);
    });
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
        .then(this, [this](Status st) { finished(st ? tr("Address changed.") : st.error().message, !st); });
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
        finished(st ? tr("Price changed.") : st.error().message, !st);
    });
}

} // namespace shopdesk::ui
