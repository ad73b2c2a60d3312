#include "console/AuditPage.h"

#include "common/Format.h"
#include "common/Outcome.h"
#include "common/TableRows.h"
#include "session/AuditTrail.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace shopdesk::ui {

AuditPage::AuditPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_actor(new QLineEdit(this))
    , m_action(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_model(new TableRowsModel({tr("#"), tr("Time"), tr("Actor"), tr("Action"), tr("Target / detail")}, this))
    , m_chain(new QLabel(this))
{
    m_actor->setPlaceholderText(tr("Actor (full name)"));
    m_action->setPlaceholderText(tr("Action, or its start (refund., login.failed)"));
    auto* show = new QPushButton(tr("Show"), this);
    auto* verifyButton = new QPushButton(tr("Verify the chain"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_actor);
    top->addWidget(m_action);
    top->addWidget(show);
    top->addStretch();
    top->addWidget(verifyButton);
    setUpTableView(m_table, m_model);
    m_chain->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_chain);
    connect(show, &QPushButton::clicked, this, &AuditPage::reload);
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditPage::reload);
    connect(m_action, &QLineEdit::returnPressed, this, &AuditPage::reload);
    connect(verifyButton, &QPushButton::clicked, this, &AuditPage::verify);
    reload();
}

void AuditPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Verifying reads the whole chain: once the page is looked at, not when it is built.
    if (!m_verified) {
        m_verified = true;
        (void)verify();
    }
}

bool AuditPage::reload()
{
    AuditQuery q;
    q.actor = m_actor->text().trimmed();
    q.actionPrefix = m_action->text().trimmed();
    q.limit = 500;
    auto records = m_context.session.audit().list(q);
    if (!records) {
        m_chain->setText(records.error().message);
        return false;
    }
    std::vector<TableRow> rows;
    rows.reserve(records->size());
    for (const AuditRecord& a : *records) {
        rows.push_back(
            {QString::number(a.id),
             {QString::number(a.id), format::fullTime(a.entry.at), a.entry.actor, format::auditAction(a.entry.action),
              a.entry.detail.isEmpty() ? a.entry.target : a.entry.target + QStringLiteral(" · ") + a.entry.detail}});
    }
    const bool first = m_model->rowCount() == 0;
    m_model->setRows(std::move(rows)); // new entries come in on top; the rest keep their place
    if (first) {
        m_table->resizeColumnsToContents();
    }
    return true;
}

QFuture<bool> AuditPage::verify()
{
    m_chain->setText(tr("Checking the chain…"));
    return m_context.session.audit().verify().then(this, [this](Result<AuditVerification> v) {
        if (!v) {
            m_chain->setText(v.error().message);
            return false;
        }
        if (v->intact) {
            m_chain->setStyleSheet(QStringLiteral("color: #27ae60"));
            m_chain->setText(tr("✔ The chain is intact: %1 entries, none edited or removed.").arg(v->entries));
        } else {
            styleAsError(m_chain);
            m_chain->setText(tr("✘ The chain is broken at entry %1: %2").arg(v->firstBrokenId).arg(v->reason));
        }
        return v->intact;
    });
}

} // namespace shopdesk::ui
