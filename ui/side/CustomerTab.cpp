#include "side/CustomerTab.h"

#include "common/Gates.h"
#include "session/Orders.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace shopdesk::ui {

using auth::Permission;

CustomerTab::CustomerTab(WorkbenchContext& context, QWidget* parent)
    : SideTab(context, auth::Operation::BuyerNotesView, parent)
    , m_nick(new QLabel(this))
    , m_profile(new QLabel(this))
    , m_grade(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_save(new QPushButton(tr("Save grade and tags"), this))
    , m_name(new QLabel(this))
    , m_phone(new QLabel(this))
    , m_address(new QLabel(this))
    , m_reveal(new QPushButton(tr("Show in full (audited)"), this))
{
    m_nick->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_nick->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_nick->setFont(big);
    m_profile->setWordWrap(true);
    for (const QString& g : session::Buyers::grades()) {
        m_grade->addItem(g.isEmpty() ? tr("No grade") : g, g);
    }
    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    m_address->setWordWrap(true);
    m_phone->setObjectName(QStringLiteral("maskedPhone"));
    m_address->setObjectName(QStringLiteral("maskedAddress"));
    m_reveal->setObjectName(QStringLiteral("revealPii"));

    auto* form = new QFormLayout;
    form->addRow(tr("Grade"), m_grade);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(QString(), m_save);
    auto* receiver = new QFormLayout;
    receiver->addRow(tr("Receiver"), m_name);
    receiver->addRow(tr("Phone"), m_phone);
    receiver->addRow(tr("Address"), m_address);
    receiver->addRow(QString(), m_reveal);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_nick);
    layout->addWidget(m_profile);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addLayout(receiver);
    layout->addWidget(m_message);
    layout->addStretch();

    gates::mirror(m_save, context.session, Permission::ChatReply);
    gates::mirror(m_grade, context.session, Permission::ChatReply);
    gates::mirror(m_tags, context.session, Permission::ChatReply);
    // The reveal is offered only to those who may see buyers' personal data.
    m_reveal->setVisible(context.session.can(Permission::BuyerPiiView));
    connect(m_save, &QPushButton::clicked, this, &CustomerTab::save);
    connect(m_reveal, &QPushButton::clicked, this, &CustomerTab::reveal);
}

void CustomerTab::reload()
{
    m_nick->setText(buyer());
    m_profile->clear();
    m_name->clear();
    m_phone->clear();
    m_address->clear();
    m_orderNo.clear();
    if (!chat() || !readable()) {
        return;
    }
    auto notes = m_context.session.buyers().notes(platformName(), buyer());
    if (notes) {
        m_grade->setCurrentIndex(std::max(0, m_grade->findData(notes->grade)));
        m_tags->setText(notes->tags.join(QStringLiteral(", ")));
    }
    auto orders = m_context.session.may(auth::Operation::OrderView)
                      ? m_context.session.orders().ofBuyer(platformName(), buyer(), 1)
                      : Result<std::vector<Order>>(std::vector<Order>());
    if (orders && !orders->empty()) {
        const Order& o = orders->front();
        m_orderNo = o.orderNo;
        m_name->setText(o.receiverMasked.name);
        m_phone->setText(o.receiverMasked.phone);
        m_address->setText(o.receiverMasked.address);
    } else {
        m_name->setText(tr("No order yet"));
    }
    m_reveal->setEnabled(!m_orderNo.isEmpty());
    if (m_context.session.offers(platform::Capability::BuyerProfile)) {
        const QString nick = buyer();
        m_context.session.buyers().profile(nick).then(this, [this, nick](Result<platform::BuyerProfile> p) {
            if (nick != buyer() || !p) {
                return;
            }
            m_profile->setText(tr("Member level: %1 · %2 orders placed").arg(p->level).arg(p->ordersPlaced));
        });
    }
}

void CustomerTab::save()
{
    BuyerNotes notes;
    notes.grade = m_grade->currentData().toString();
    for (const QString& t : m_tags->text().split(QRegularExpression(QStringLiteral("[,，;；]")), Qt::SkipEmptyParts)) {
        notes.tags << t.trimmed();
    }
    report(tr("Saving…"), false);
    m_context.session.buyers().setNotes(platformName(), buyer(), notes).then(this, [this](Status st) {
        finished(st ? tr("Saved.") : st.error().message, !st);
    });
}

void CustomerTab::reveal()
{
    const QString orderNo = m_orderNo;
    m_context.session.orders().reveal(platformName(), orderNo).then(this, [this, orderNo](Result<Receiver> receiver) {
        if (orderNo != m_orderNo) {
            return; // another buyer is on screen now
        }
        if (!receiver) {
            report(receiver.error().message, true);
            return;
        }
        m_name->setText(receiver->name);
        m_phone->setText(receiver->phone);
        m_address->setText(receiver->address);
        report(tr("Shown in full; this view is recorded in the audit log."), false);
    });
}

} // namespace shopdesk::ui
