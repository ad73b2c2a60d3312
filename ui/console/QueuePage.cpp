#include "console/QueuePage.h"

#include "common/Format.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "common/TableRows.h"
#include "session/Chats.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <map>

namespace shopdesk::ui {

namespace {
constexpr qint64 kWindowMs = 24LL * 3600 * 1000;
constexpr int kAgentLoadColumn = 3;
} // namespace

QueuePage::QueuePage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_queue(new QTableView(this))
    , m_agents(new QTableView(this))
    , m_sessions(new QTableView(this))
    , m_queueModel(new TableRowsModel({tr("Buyer"), tr("Group"), tr("Waiting"), tr("Why"), tr("Estimate given")}, this))
    , m_agentModel(new TableRowsModel({tr("Agent"), tr("Group"), tr("Status"), tr("Load")}, this, kAgentLoadColumn))
    , m_sessionModel(new TableRowsModel({tr("Buyer"), tr("Agent"), tr("Since")}, this))
    , m_target(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setUpTableView(m_queue, m_queueModel);
    setUpTableView(m_agents, m_agentModel);
    setUpTableView(m_sessions, m_sessionModel);
    m_agents->setItemDelegateForColumn(kAgentLoadColumn, new LoadBarDelegate(m_agents));
    auto* move = new QPushButton(tr("Move to"), this);
    auto* takeOver = new QPushButton(tr("Take over"), this);
    takeOver->setObjectName(QStringLiteral("takeOver"));
    takeOver->setToolTip(tr("The buyer moves to you; the agent who had them is told and it is audited"));
    auto* moveRow = new QHBoxLayout;
    moveRow->addWidget(takeOver);
    moveRow->addWidget(move);
    moveRow->addWidget(m_target, 1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(new QLabel(tr("<b>Queue</b>"), left));
    leftLayout->addWidget(m_queue, 1);
    leftLayout->addWidget(new QLabel(tr("<b>In chats</b>"), left));
    leftLayout->addWidget(m_sessions, 1);
    leftLayout->addLayout(moveRow);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(new QLabel(tr("<b>Agents</b> (load against the reception limit)"), right));
    rightLayout->addWidget(m_agents, 1);
    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    for (QPushButton* b : {move, takeOver}) {
        if (gates::mirror(b, context.session, auth::Permission::ChatSupervise)) {
            gates::offer(b, context.session.capabilities(), platform::Capability::ChatTransfer);
        }
    }
    connect(move, &QPushButton::clicked, this, [this] { transferSelected(m_target->currentText()); });
    connect(takeOver, &QPushButton::clicked, this, &QueuePage::takeOverSelected);
    // Only while shown: a hidden page costs nothing.
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &QueuePage::reload);
    reload();
}

void QueuePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
    m_timer->start();
}

void QueuePage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

bool QueuePage::refreshing() const
{
    return m_timer->isActive();
}

bool QueuePage::reload()
{
    const Timestamp now = m_context.session.clock().now();
    auto live = m_context.session.chats().liveQueue(Timestamp::fromMs(now.ms() - kWindowMs));
    if (!live) {
        m_message->setText(live.error().message);
        return false;
    }
    std::vector<TableRow> queued;
    std::vector<TableRow> sessions;
    std::map<QString, int> load;
    for (const ConversationSummary& s : live->sessions) {
        const QString waited = format::duration((now.ms() - s.stateSince.ms()) / 1000);
        const QString key = QString::number(s.id.value());
        if (s.state == ConversationSummary::State::Queued) {
            const QString estimate =
                s.queueEstimateSecs ? format::duration(*s.queueEstimateSecs) : tr("nobody online for them");
            const QString why = s.queueReason == u"nobody_online" ? tr("nobody of the group is online")
                                : s.queueReason == u"all_busy"    ? tr("everyone eligible is at their limit")
                                                                  : QString();
            queued.push_back({key, {s.buyerNick, format::groupName(s.queueGroup), waited, why, estimate}});
        } else {
            ++load[s.agent];
            sessions.push_back({s.buyerNick, {s.buyerNick, s.agent, waited}});
        }
    }
    m_queueModel->setRows(std::move(queued));
    m_sessionModel->setRows(std::move(sessions));

    // Agents: the configured ones with their limits, and anyone else holding chats (colleague bots).
    const RoutingConfig& config = live->routing;
    m_agentLines.clear();
    for (const routing::AgentConfig& a : config.agents) {
        m_agentLines[a.name] = {a.group, limitOf(config, a), 0};
    }
    for (const auto& [name, n] : load) {
        m_agentLines[name].load = n;
    }
    applyAgents();
    // Statuses come from the platform (its routing knows them); they fill in when it answers.
    if (m_context.session.offers(platform::Capability::TeamStatus) && !m_statusAsked) {
        m_statusAsked = true;
        m_context.session.chats().teamStatus().then(this, [this](Result<std::vector<platform::AgentState>> r) {
            m_statusAsked = false;
            if (!r) {
                return;
            }
            m_status.clear();
            for (const platform::AgentState& s : *r) {
                // The platform's routing knows every agent's group and limit (colleagues without
                // an account here too).
                AgentLine& line = m_agentLines[s.agent];
                if (line.group.isEmpty()) {
                    line.group = s.group;
                }
                if (line.limit == 0 && s.limit) {
                    line.limit = *s.limit;
                }
                m_status.insert(s.agent, s.presence == platform::AgentPresence::Online ? tr("online")
                                         : s.presence == platform::AgentPresence::Away ? tr("away")
                                                                                       : tr("offline"));
            }
            applyAgents();
        });
    }
    m_message->clear();
    return true;
}

void QueuePage::applyAgents()
{
    std::vector<TableRow> rows;
    QStringList names;
    for (const auto& [name, line] : m_agentLines) {
        rows.push_back(
            {name,
             {name, line.group.isEmpty() ? QString() : format::groupName(line.group), m_status.value(name),
              line.limit > 0 ? QStringLiteral("%1 / %2").arg(line.load).arg(line.limit) : QString::number(line.load)},
             line.load,
             std::max({1, line.limit, line.load})});
        names << name;
    }
    m_agentModel->setRows(std::move(rows));
    // The move target keeps the agent chosen (the list changes only when agents come or go).
    QStringList shown;
    for (int i = 0; i < m_target->count(); ++i) {
        shown << m_target->itemText(i);
    }
    if (shown != names) {
        const QString keep = m_target->currentText();
        m_target->clear();
        m_target->addItems(names);
        m_target->setCurrentIndex(std::max(0, m_target->findText(keep)));
    }
}

bool QueuePage::selectSession(const QString& buyer)
{
    const int row = m_sessionModel->rowOfKey(buyer);
    if (row < 0) {
        return false;
    }
    m_sessions->selectRow(row);
    return true;
}

void QueuePage::takeOverSelected()
{
    transferSelected(m_context.me().name);
}

void QueuePage::transferSelected(const QString& agent)
{
    const auto rows = m_sessions->selectionModel()->selectedRows();
    const QString buyer = rows.isEmpty() ? QString() : m_sessionModel->keyAt(rows.first().row());
    if (buyer.isEmpty() || agent.isEmpty()) {
        m_message->setText(tr("Choose a buyer in a chat and the agent to move them to."));
        return;
    }
    m_context.session.chats()
        .transfer(buyer, agent, QString(),
                  agent == m_context.me().name ? tr("Taken over by the supervisor") : tr("Moved by the supervisor"))
        .then(this, [this, buyer, agent](Status st) {
            m_message->setText(st ? (agent == m_context.me().name ? tr("You now serve %1.").arg(buyer)
                                                                  : tr("%1 moved to %2.").arg(buyer, agent))
                                  : st.error().message);
            if (st) {
                reload();
            }
        });
}

} // namespace shopdesk::ui
