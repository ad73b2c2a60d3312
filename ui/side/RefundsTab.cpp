#include "side/RefundsTab.h"

#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "session/Orders.h"
#include "side/SideListModel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace shopdesk::ui {

using auth::Permission;

RefundsTab::RefundsTab(WorkbenchContext& context, QWidget* parent)
    : SideTab(context, auth::Operation::RefundView, parent)
    , m_list(new QListView(this))
    , m_model(new SideListModel(this))
    , m_agree(new QPushButton(tr("Agree"), this))
    , m_refuse(new QPushButton(tr("Refuse…"), this))
{
    m_list->setObjectName(QStringLiteral("refunds"));
    m_list->setWordWrap(true);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
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
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &RefundsTab::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RefundsTab::updateButtons);
    connect(m_agree, &QPushButton::clicked, this, &RefundsTab::agree);
    connect(m_refuse, &QPushButton::clicked, this, &RefundsTab::refuse);
    updateButtons();
}

void RefundsTab::reload()
{
    std::vector<Refund> refunds;
    if (chat() && readable()) {
        auto read = m_context.session.orders().refundsOfBuyer(platformName(), buyer());
        if (!read) {
            report(read.error().message, true);
            return; // what is shown stays, with why it may be stale
        }
        refunds = std::move(*read);
    }
    std::stable_sort(refunds.begin(), refunds.end(), [](const Refund& a, const Refund& b) {
        if (isRefundPending(a.status) != isRefundPending(b.status)) {
            return isRefundPending(a.status);
        }
        return a.createdAt > b.createdAt;
    });
    std::vector<SideRow> rows;
    for (const Refund& r : refunds) {
        QString line =
            QStringLiteral("%1 · %2 · %3\n%4 · %5")
                .arg(format::refundStatus(r.status), format::money(r.amountFen), r.refundNo, r.orderNo, r.reason);
        if (!r.refuseReason.isEmpty()) {
            line += QLatin1Char('\n') + tr("Refused: %1").arg(r.refuseReason);
        }
        rows.push_back({r.refundNo, line, {}, {}, isRefundPending(r.status), true});
    }
    if (refunds.empty() && chat() && readable() && m_message->isHidden()) {
        rows.push_back({QString(), tr("No refund requests."), {}, {}, false, false});
    }
    m_refunds = std::move(refunds);
    const bool hadChoice = !selectedNo().isEmpty();
    m_model->setRows(std::move(rows));
    // The choice stays on the same refund (rows moved around it); a first one is offered only
    // when nothing was chosen.
    if (!hadChoice && !m_refunds.empty()) {
        select(m_refunds.front().refundNo);
    }
    updateButtons();
}

bool RefundsTab::select(const QString& refundNo)
{
    const int row = m_model->rowOfKey(refundNo);
    if (row < 0 || refundNo.isEmpty()) {
        return false;
    }
    m_list->setCurrentIndex(m_model->index(row));
    return true;
}

QString RefundsTab::selectedNo() const
{
    return m_model->keyAt(m_list->currentIndex());
}

void RefundsTab::updateButtons()
{
    const QString no = selectedNo();
    const auto it = std::find_if(m_refunds.begin(), m_refunds.end(), [&](const Refund& r) { return r.refundNo == no; });
    const bool pending = it != m_refunds.end() && isRefundPending(it->status);
    session::ShopSession& a = m_context.session;
    for (auto [button, permission] :
         {std::pair{m_agree, Permission::RefundAgree}, std::pair{m_refuse, Permission::RefundRefuse}}) {
        gates::mirror(button, a, permission);
        gates::disableUnless(button, pending, tr("Choose a refund that awaits the shop."));
    }
}

Result<Refund> RefundsTab::chosenNow()
{
    const QString no = selectedNo();
    if (no.isEmpty()) {
        return Error::invalid(tr("Choose a refund first."));
    }
    // As the shop has it this moment, not as the list showed it a moment ago.
    auto now = m_context.session.orders().refundsOfBuyer(platformName(), buyer());
    if (!now) {
        return now.error();
    }
    const auto it = std::find_if(now->begin(), now->end(), [&](const Refund& r) { return r.refundNo == no; });
    if (it == now->end()) {
        return Error::notFound(tr("The refund %1 is no longer there; nothing was done.").arg(no));
    }
    if (!isRefundPending(it->status)) {
        return Error::invalid(tr("The refund %1 changed meanwhile: it is now %2. Nothing was done.")
                                  .arg(no, format::refundStatus(it->status)));
    }
    return *it;
}

void RefundsTab::agree()
{
    auto chosen = chosenNow();
    if (!chosen) {
        report(chosen.error().message, true);
        reload();
        return;
    }
    report(tr("Sending…"), false);
    const QString no = chosen->refundNo;
    m_context.session.orders().agreeRefund(no).then(
        this, [this, no](Status st) { finished(st ? tr("Refund %1 agreed.").arg(no) : st.error().message, !st); });
}

void RefundsTab::refuseWith(const QString& reason)
{
    auto chosen = chosenNow();
    if (!chosen) {
        report(chosen.error().message, true);
        reload();
        return;
    }
    report(tr("Sending…"), false);
    const QString no = chosen->refundNo;
    m_context.session.orders().refuseRefund(no, reason).then(this, [this, no](Status st) {
        finished(st ? tr("Refund %1 refused.").arg(no) : st.error().message, !st);
    });
}

void RefundsTab::refuse()
{
    // The refund is fixed when the dialog opens: what arrives while the reason is typed does not
    // change which one is refused.
    const QString no = selectedNo();
    FormDialog dialog(tr("Refuse the refund %1").arg(no), this);
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
        if (selectedNo() != no && !select(no)) {
            report(tr("The refund %1 is no longer there; nothing was done.").arg(no), true);
            return;
        }
        refuseWith(reason->toPlainText().trimmed());
    }
}

} // namespace shopdesk::ui
