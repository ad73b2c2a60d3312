#include "side/RefundsTab.h"

#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "session/Orders.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace shopdesk::ui {

using auth::Permission;

RefundsTab::RefundsTab(WorkbenchContext& context, QWidget* parent)
    : SideTab(context, auth::Operation::RefundView, parent)
    , m_list(new QListWidget(this))
    , m_agree(new QPushButton(tr("Agree"), this))
    , m_refuse(new QPushButton(tr("Refuse…"), this))
{
    m_list->setObjectName(QStringLiteral("refunds"));
    m_list->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_agree);
    buttons->addWidget(m_refuse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    const auto caps = context.session.capabilities();
    gates::offer(m_agree, caps, platform::Capability::RefundDecide);
    gates::offer(m_refuse, caps, platform::Capability::RefundDecide);
    connect(m_list, &QListWidget::currentRowChanged, this, &RefundsTab::updateButtons);
    connect(m_agree, &QPushButton::clicked, this, &RefundsTab::agree);
    connect(m_refuse, &QPushButton::clicked, this, &RefundsTab::refuse);
    updateButtons();
}

void RefundsTab::reload()
{
    m_refunds.clear();
    m_list->clear();
    if (chat() && readable()) {
        auto refunds = m_context.session.orders().refundsOfBuyer(platformName(), buyer());
        if (!refunds) {
            report(refunds.error().message, true);
        } else {
            m_refunds = std::move(*refunds);
        }
    }
    std::stable_sort(m_refunds.begin(), m_refunds.end(), [](const Refund& a, const Refund& b) {
        if (isRefundPending(a.status) != isRefundPending(b.status)) {
            return isRefundPending(a.status);
        }
        return a.createdAt > b.createdAt;
    });
    for (const Refund& r : m_refunds) {
        QString line =
            QStringLiteral("%1 · %2 · %3\n%4 · %5")
                .arg(format::refundStatus(r.status), format::money(r.amountFen), r.refundNo, r.orderNo, r.reason);
        if (!r.refuseReason.isEmpty()) {
            line += QLatin1Char('\n') + tr("Refused: %1").arg(r.refuseReason);
        }
        auto* item = new QListWidgetItem(line);
        if (isRefundPending(r.status)) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        m_list->addItem(item);
    }
    if (m_refunds.empty() && chat() && readable() && m_message->isHidden()) {
        m_list->addItem(tr("No refund requests."));
    }
    m_list->setCurrentRow(m_refunds.empty() ? -1 : 0);
    updateButtons();
}

void RefundsTab::updateButtons()
{
    const int row = m_list->currentRow();
    const bool pending = row >= 0 && row < static_cast<int>(m_refunds.size()) &&
                         isRefundPending(m_refunds[static_cast<std::size_t>(row)].status);
    session::ShopSession& a = m_context.session;
    for (auto [button, permission] :
         {std::pair{m_agree, Permission::RefundAgree}, std::pair{m_refuse, Permission::RefundRefuse}}) {
        gates::mirror(button, a, permission);
        gates::disableUnless(button, pending, tr("Choose a refund that awaits the shop."));
    }
}

void RefundsTab::agree()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_refunds.size())) {
        return;
    }
    report(tr("Sending…"), false);
    m_context.session.orders()
        .agreeRefund(m_refunds[static_cast<std::size_t>(row)].refundNo)
        .then(this, [this](Status st) { report(st ? tr("Refund agreed.") : st.error().message, !st); });
}

void RefundsTab::refuseWith(const QString& reason)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_refunds.size())) {
        return;
    }
    report(tr("Sending…"), false);
    m_context.session.orders()
        .refuseRefund(m_refunds[static_cast<std::size_t>(row)].refundNo, reason)
        .then(this, [this](Status st) { report(st ? tr("Refund refused.") : st.error().message, !st); });
}

void RefundsTab::refuse()
{
    FormDialog dialog(tr("Refuse the refund"), this);
    auto* reason = new QPlainTextEdit(&dialog);
    reason->setPlaceholderText(tr("The reason the buyer will read (required, at most 200 characters)"));
    dialog.addRow(QString(), reason);
    QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(reason, &QPlainTextEdit::textChanged, &dialog, [reason, ok] {
        const qsizetype n = reason->toPlainText().trimmed().size();
        ok->setEnabled(n > 0 && n <= kMaxRefuseReasonChars);
    });
    if (dialog.exec() == QDialog::Accepted) {
        refuseWith(reason->toPlainText().trimmed());
    }
}

} // namespace shopdesk::ui
