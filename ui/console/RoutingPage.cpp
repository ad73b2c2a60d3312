#include "console/RoutingPage.h"

#include "common/Outcome.h"
#include "common/Steps.h"
#include "session/Team.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shopdesk::ui {

namespace {
constexpr int kGroupDefault = -1; ///< the agent's limit spin box value meaning "the group's"
}

RoutingPage::RoutingPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_queue(new QComboBox(this))
    , m_queueGroups(new QLineEdit(this))
    , m_sessionEnd(new QSpinBox(this))
    , m_repeatEntry(new QSpinBox(this))
    , m_handling(new QSpinBox(this))
    , m_groups(new QTableWidget(this))
    , m_agents(new QTableWidget(this))
    , m_message(new QLabel(this))
{
    m_queue->addItem(tr("Whole shop"), QStringLiteral("shop"));
    m_queue->addItem(tr("Only these groups"), QStringLiteral("groups"));
    m_queue->addItem(tr("Off (overflow to the least loaded)"), QStringLiteral("off"));
    m_queueGroups->setPlaceholderText(tr("presales, aftersales"));
    m_sessionEnd->setRange(1, 240);
    m_sessionEnd->setSuffix(tr(" min"));
    m_repeatEntry->setRange(0, 1440);
    m_repeatEntry->setSuffix(tr(" min"));
    m_repeatEntry->setSpecialValueText(tr("0 (always queue again)"));
    m_handling->setRange(1, 120);
    m_handling->setSuffix(tr(" min"));
    m_groups->setColumnCount(2);
    m_groups->setHorizontalHeaderLabels({tr("Group"), tr("Reception limit")});
    m_agents->setColumnCount(3);
    m_agents->setHorizontalHeaderLabels({tr("Agent"), tr("Group"), tr("Own limit")});
    for (QTableWidget* t : {m_groups, m_agents}) {
        t->horizontalHeader()->setStretchLastSection(true);
        t->verticalHeader()->hide();
    }
    auto* form = new QFormLayout;
    auto* queueRow = new QHBoxLayout;
    queueRow->addWidget(m_queue);
    queueRow->addWidget(m_queueGroups, 1);
    form->addRow(tr("Queue"), queueRow);
    form->addRow(tr("A chat ends after the agent's last message and"), m_sessionEnd);
    form->addRow(tr("A returning buyer goes back to their agent within"), m_repeatEntry);
    form->addRow(tr("Handling time per buyer (for wait estimates)"), m_handling);
    auto* save = new QPushButton(tr("Save (effective at once)"), this);
    auto* tables = new QHBoxLayout;
    tables->addWidget(m_groups);
    tables->addWidget(m_agents, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(tables, 1);
    layout->addWidget(save, 0, Qt::AlignRight);
    layout->addWidget(m_message);
    m_message->setWordWrap(true);
    connect(save, &QPushButton::clicked, this, [this] { (void)this->save(); });
    connect(m_queue, &QComboBox::currentIndexChanged, this,
            [this] { m_queueGroups->setEnabled(m_queue->currentData().toString() == u"groups"); });
    reload();
}

bool RoutingPage::reload()
{
    auto config = m_context.session.team().routing();
    if (!config) {
        m_message->setText(config.error().message);
        return false;
    }
    const routing::Settings& s = config->settings;
    m_queue->setCurrentIndex(s.queue == routing::Settings::Queue::Shop     ? 0
                             : s.queue == routing::Settings::Queue::Groups ? 1
                                                                           : 2);
    m_queueGroups->setText(s.queueGroups.join(QStringLiteral(", ")));
    m_queueGroups->setEnabled(s.queue == routing::Settings::Queue::Groups);
    m_sessionEnd->setValue(s.sessionEndMinutes);
    m_repeatEntry->setValue(s.repeatEntryMinutes);
    m_handling->setValue(s.handlingMinutes);
    m_groups->setRowCount(0);
    QStringList groupNames;
    for (const routing::GroupConfig& g : config->groups) {
        const int row = m_groups->rowCount();
        m_groups->insertRow(row);
        auto* name = new QTableWidgetItem(g.name);
        name->setFlags(Qt::ItemIsEnabled);
        m_groups->setItem(row, 0, name);
        auto* limit = new QSpinBox(m_groups);
        limit->setRange(0, 200);
        limit->setValue(g.limit);
        m_groups->setCellWidget(row, 1, limit);
        groupNames << g.name;
    }
    m_agents->setRowCount(0);
    for (const routing::AgentConfig& a : config->agents) {
        const int row = m_agents->rowCount();
        m_agents->insertRow(row);
        auto* name = new QTableWidgetItem(a.name);
        name->setFlags(Qt::ItemIsEnabled);
        // What is stored, so that saving touches only the agents that changed.
        name->setData(Qt::UserRole, a.group);
        name->setData(Qt::UserRole + 1, a.limit.value_or(kGroupDefault));
        m_agents->setItem(row, 0, name);
        auto* group = new QComboBox(m_agents);
        group->addItem(tr("(no group)"), QString());
        for (const QString& g : groupNames) {
            group->addItem(g, g);
        }
        group->setCurrentIndex(std::max(0, group->findData(a.group)));
        m_agents->setCellWidget(row, 1, group);
        auto* limit = new QSpinBox(m_agents);
        limit->setRange(kGroupDefault, 200);
        limit->setSpecialValueText(tr("group default"));
        limit->setValue(a.limit.value_or(kGroupDefault));
        m_agents->setCellWidget(row, 2, limit);
    }
    m_message->clear();
    return true;
}

QFuture<Status> RoutingPage::save()
{
    auto withQueue = withRoutingQueue(routing::Settings{}, m_queue->currentData().toString() == u"groups"
                                                               ? m_queueGroups->text().simplified()
                                                               : m_queue->currentData().toString());
    if (!withQueue) {
        showOutcome(m_message, withQueue.error(), {});
        return QtFuture::makeReadyFuture(Status(withQueue.error()));
    }
    routing::Settings s = *withQueue;
    s.sessionEndMinutes = m_sessionEnd->value();
    s.repeatEntryMinutes = m_repeatEntry->value();
    s.handlingMinutes = m_handling->value();
    std::vector<routing::GroupConfig> groups;
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        groups.push_back({m_groups->item(r, 0)->text(), qobject_cast<QSpinBox*>(m_groups->cellWidget(r, 1))->value()});
    }
    session::Team& team = m_context.session.team();
    std::vector<std::function<QFuture<Status>()>> steps{[&team, s, groups] { return team.saveRouting(s, groups); }};
    for (int r = 0; r < m_agents->rowCount(); ++r) {
        const QTableWidgetItem* name = m_agents->item(r, 0);
        const int limit = qobject_cast<QSpinBox*>(m_agents->cellWidget(r, 2))->value();
        const QString group = qobject_cast<QComboBox*>(m_agents->cellWidget(r, 1))->currentData().toString();
        if (group == name->data(Qt::UserRole).toString() && limit == name->data(Qt::UserRole + 1).toInt()) {
            continue;
        }
        const QString agent = name->text();
        const std::optional<int> own = limit == kGroupDefault ? std::nullopt : std::optional<int>(limit);
        steps.push_back([&team, agent, group, own] { return team.setAgentRouting(agent, group, own); });
    }
    return runSteps(this, std::move(steps)).then(this, [this](Status st) {
        if (st) {
            reload();
        }
        showOutcome(m_message, st, tr("Saved: the routing works this way from now on."));
        return st;
    });
}

} // namespace shopdesk::ui
