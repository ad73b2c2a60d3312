#include "followup/FollowUpPanel.h"

#include "common/Format.h"
#include "common/Gates.h"
#include "session/Orders.h"
#include "session/ShopSession.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

FollowUpPanel::FollowUpPanel(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_list(new QListWidget(this))
    , m_remind(new QPushButton(tr("Payment reminder"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    m_list->setObjectName(QStringLiteral("followUps"));
    m_list->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_remind);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    gates::mirror(m_remind, context.session, auth::Permission::ChatReply,
                  tr("Sends the reminder phrase and the order card to the buyer"));
    connect(m_refresh, &QPushButton::clicked, this, &FollowUpPanel::reload);
    // A team server's list arrives after the first read (which says it is being read).
    connect(&m_context.session, &session::ShopSession::followUpsArrived, this, &FollowUpPanel::reload);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (auto f = selected()) {
            emit openBuyer(f->platform, f->buyerNick);
        }
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        const auto f = selected();
        if (gates::mirror(m_remind, m_context.session, auth::Permission::ChatReply) &&
            (!f || f->kind != FollowUp::Kind::Unpaid)) {
            m_remind->setEnabled(false);
        }
    });
    connect(m_remind, &QPushButton::clicked, this, [this] {
        if (auto f = selected(); f && f->kind == FollowUp::Kind::Unpaid) {
            emit remind(*f);
        }
    });
}

std::optional<FollowUp> FollowUpPanel::selected() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_items.size())) {
        return std::nullopt;
    }
    return m_items[static_cast<std::size_t>(row)];
}

bool FollowUpPanel::reload()
{
    m_list->clear();
    const bool may = m_context.session.may(auth::Operation::FollowUpView);
    m_list->setEnabled(may);
    m_refresh->setEnabled(may);
    if (!may) {
        // Said, not attempted: nothing is refused or audited on every refresh.
        m_items.clear();
        m_list->addItem(gates::missingPermissionText(auth::operationInfo(auth::Operation::FollowUpView).required));
        return false;
    }
    auto items = m_context.session.orders().followUps();
    if (!items) {
        m_items.clear();
        m_list->addItem(items.error().message);
        return false;
    }
    m_items = std::move(*items);
    const Timestamp now = m_context.session.clock().now();
    for (const FollowUp& f : m_items) {
        const qint64 hours = (now.ms() - f.since.ms()) / 3'600'000;
        QString what;
        switch (f.kind) {
        case FollowUp::Kind::Unpaid:
            what = tr("Unpaid for %1 h").arg(hours);
            break;
        case FollowUp::Kind::Unshipped:
            what = tr("Paid %1 h ago, not shipped").arg(hours);
            break;
        case FollowUp::Kind::StaleTrace:
            what = tr("No parcel update for %1 h").arg(hours);
            break;
        }
        m_list->addItem(
            QStringLiteral("%1 · %2\n%3 · %4").arg(f.buyerNick, what, f.orderNo, format::money(f.amountFen)));
    }
    if (m_items.empty()) {
        m_list->addItem(tr("Nothing to chase."));
    }
    m_list->setCurrentRow(m_items.empty() ? -1 : 0);
    return true;
}

} // namespace shopdesk::ui
