#include "side/RefundsTab.h"

#include "chat/ChatView.h"
#include "common/FormDialog.h"
#include "common/Format.h"
#include "common/Gates.h"
#include "session/Orders.h"
#include "side/SideListModel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
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
    , m_card(new QLabel(this))
{
    m_card->setObjectName(QStringLiteral("refundCard"));
    m_card->setWordWrap(true);
    m_card->setTextFormat(Qt::PlainText);
    m_card->setFrameShape(QFrame::StyledPanel);
    m_card->setMargin(6);
    m_card->hide();
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
    layout->addWidget(m_card);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    const auto caps = context.session.capabilities();
    gates::offer(m_agree, caps, platform::Capability::RefundDecide);
    gates::offer(m_refuse, caps, platform::Capability::RefundDecide);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &RefundsTab::updateButtons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &RefundsTab::updateCard);
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
    updateCard();
}

void RefundsTab::updateCard()
{
    const QString no = selectedNo();
    const auto it = std::find_if(m_refunds.begin(), m_refunds.end(), [&](const Refund& r) { return r.refundNo == no; });
    if (it == m_refunds.end()) {
        m_card->hide();
        return;
    }
    const Refund& r = *it;
    QStringList lines;
    lines << tr("%1 · %2 · %3")
                 .arg(r.kind == Refund::Kind::ReturnAndRefund ? tr("Return and refund") : tr("Refund only"),
                      format::money(r.amountFen), format::refundStatus(r.status));
    lines << tr("Order %1 · refund %2").arg(r.orderNo, r.refundNo);
    lines << tr("Reason: %1").arg(r.reason.isEmpty() ? tr("none given") : format::shownLine(r.reason));
    lines << (r.evidenceCount > 0 ? tr("Evidence: %1 picture(s)").arg(r.evidenceCount) : tr("Evidence: none"));
    if (r.deadline && isRefundPending(r.status)) {
        const qint64 left = (r.deadline->ms() - m_context.session.clock().now().ms()) / 1000;
        lines << (left > 0 ? tr("Answer by %1 (%2 left), or the platform decides for the buyer")
                                 .arg(format::fullTime(*r.deadline), format::duration(left))
                           : tr("The platform's deadline %1 has passed").arg(format::fullTime(*r.deadline)));
    }
    if (!r.refuseReason.isEmpty()) {
        lines << tr("Refused: %1").arg(format::shownLine(r.refuseReason));
    }
    m_card->setText(lines.join(QLatin1Char('\n')));
    m_card->show();
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
    if (m_confirm) {
        m_confirm->raise();
        return;
    }
    const Refund r = *chosen;
    // Money leaves the shop: say what, for which order and buyer, and whose buyer it is.
    QString text =
        QStringList{tr("Agree to refund %1 to %2?").arg(format::money(r.amountFen), format::shownLine(buyer())),
                    tr("Order %1 · refund %2").arg(r.orderNo, r.refundNo) + QStringLiteral(" · ") +
                        (r.kind == Refund::Kind::ReturnAndRefund ? tr("Return and refund") : tr("Refund only")),
                    tr("Reason: %1").arg(r.reason.isEmpty() ? tr("none given") : format::shownLine(r.reason))}
            .join(QLatin1Char('\n'));
    if (chat() && chat()->conversation().state == ConversationSummary::State::Active &&
        !chat()->conversation().agent.isEmpty() && chat()->conversation().agent != m_context.me().name) {
        text += QStringLiteral("\n\n") +
                tr("This buyer is %1's: you decide for a colleague.").arg(chat()->conversation().agent);
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Agree to the refund %1").arg(r.refundNo), text,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("refundConfirm"));
    QPushButton* yes =
        box->addButton(tr("Agree and refund %1").arg(format::money(r.amountFen)), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmRefund"));
    yes->setAutoDefault(false);
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel); // Enter does not hand out money
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = box;
    connect(box, &QDialog::finished, this, [this, box, yes, refundNo = r.refundNo] {
        const bool agreed = box->clickedButton() == yes;
        m_confirm = nullptr;
        if (agreed) {
            agreeChosen(refundNo);
        }
    });
    box->open();
}

void RefundsTab::agreeChosen(const QString& refundNo)
{
    if (selectedNo() != refundNo && !select(refundNo)) {
        report(tr("The refund %1 is no longer there; nothing was done.").arg(refundNo), true);
        return;
    }
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
    auto* reasons = new QComboBox(&dialog);
    reasons->setObjectName(QStringLiteral("refuseReasons"));
    const QStringList offered = m_context.session.orders().refuseReasons();
    reasons->addItem(offered.isEmpty() ? tr("(say why below)") : tr("Choose the platform's reason…"), QString());
    for (const QString& r : offered) {
        reasons->addItem(r, r);
    }
    reasons->setVisible(!offered.isEmpty());
    auto* reason = new QPlainTextEdit(&dialog);
    reason->setObjectName(QStringLiteral("refuseText"));
    reason->setPlaceholderText(offered.isEmpty()
                                   ? tr("The reason the buyer will read (required, at most 200 characters)")
                                   : tr("More for the buyer to read (optional; required without a reason above)"));
    if (!offered.isEmpty()) {
        dialog.addRow(tr("Reason"), reasons);
    }
    dialog.addRow(QString(), reason);
    QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    auto combined = [reasons, reason] {
        const QString chosen = reasons->currentData().toString();
        const QString more = reason->toPlainText().trimmed();
        return chosen.isEmpty() ? more : more.isEmpty() ? chosen : chosen + QStringLiteral("：") + more;
    };
    auto check = [combined, ok] {
        const qsizetype n = combined().size();
        ok->setEnabled(n > 0 && n <= kMaxRefuseReasonChars);
    };
    connect(reason, &QPlainTextEdit::textChanged, &dialog, check);
    connect(reasons, &QComboBox::currentIndexChanged, &dialog, check);
    if (dialog.exec() == QDialog::Accepted) {
        if (selectedNo() != no && !select(no)) {
            report(tr("The refund %1 is no longer there; nothing was done.").arg(no), true);
            return;
        }
        refuseWith(combined());
    }
}

} // namespace shopdesk::ui
