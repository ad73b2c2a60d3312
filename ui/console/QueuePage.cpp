#include "console/QueuePage.h"

#include "common/Format.h"
#include "common/Gates.h"
#include "common/Outcome.h"
#include "session/Chats.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <map>

namespace shopdesk::ui {

namespace {
constexpr qint64 kWindowMs = 24LL * 3600 * 1000;

QTableWidget* table(QWidget* parent, const QStringList& headers)
{
    auto* t = new QTableWidget(parent);
    setUpListTable(t, headers);
    return t;
}
} // namespace

QueuePage::QueuePage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_queue(table(this, {tr("Buyer"), tr("Waiting"), tr("Estimate given")}))
    , m_agents(table(this, {tr("Agent"), tr("Group"), tr("Status"), tr("Load")}))
    , m_sessions(table(this, {tr("Buyer"), tr("Agent"), tr("Since")}))
    , m_target(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_timer(new QTimer(this))
{
    auto* move = new QPushButton(tr("Move to"), this);
    auto* moveRow = new QHBoxLayout;
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
    if (gates::mirror(move, context.session, auth::Permission::ChatSupervise)) {
        gates::offer(move, context.session.capabilities(), platform::Capability::ChatTransfer);
    }
    connect(move, &QPushButton::clicked, this, [this] { transferSelected(m_target->currentText()); });
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &QueuePage::reload);
    m_timer->start();
    reload();
}

bool QueuePage::reload()
{
    const Timestamp now = m_context.session.clock().now();
    auto live = m_context.session.chats().liveQueue(Timestamp::fromMs(now.ms() - kWindowMs));
    if (!live) {
        m_message->setText(live.error().message);
        return false;
    }
    m_open = std::move(live->sessions);
    const RoutingConfig* config = &live->routing;
    const QString keepBuyer = m_sessions->currentRow() >= 0 && m_sessions->item(m_sessions->currentRow(), 0)
                                  ? m_sessions->item(m_sessions->currentRow(), 0)->text()
                                  : QString();
    std::map<QString, int> load;
    m_queue->setRowCount(0);
    m_sessions->setRowCount(0);
    for (const ConversationSummary& s : m_open) {
        QTableWidget* t = s.state == ConversationSummary::State::Queued ? m_queue : m_sessions;
        const int row = t->rowCount();
        t->insertRow(row);
        const QString waited = format::duration((now.ms() - s.stateSince.ms()) / 1000);
        if (t == m_queue) {
            const QString estimate =
                s.queueEstimateSecs ? format::duration(*s.queueEstimateSecs) : tr("nobody online for them");
            t->setItem(row, 0, new QTableWidgetItem(s.buyerNick));
            t->setItem(row, 1, new QTableWidgetItem(waited));
            t->setItem(row, 2, new QTableWidgetItem(estimate));
        } else {
            ++load[s.agent];
            t->setItem(row, 0, new QTableWidgetItem(s.buyerNick));
            t->setItem(row, 1, new QTableWidgetItem(s.agent));
            t->setItem(row, 2, new QTableWidgetItem(waited));
            if (s.buyerNick == keepBuyer) {
                t->selectRow(row);
            }
        }
    }
    // Agents: the configured ones with their limits, and anyone else holding chats (colleague bots).
    std::map<QString, std::pair<QString, int>> agents; // name -> (group, limit)
    std::map<QString, int> groupLimit;
    for (const routing::GroupConfig& g : config->groups) {
        groupLimit[g.name] = g.limit;
    }
    for (const routing::AgentConfig& a : config->agents) {
        agents[a.name] = {a.group, a.limit.value_or(groupLimit.count(a.group) ? groupLimit[a.group] : 0)};
    }
    for (const auto& [name, n] : load) {
        agents.emplace(name, std::pair<QString, int>{QString(), 0});
    }
    const QString keepTarget = m_target->currentText();
    m_target->clear();
    m_agents->setRowCount(0);
    for (const auto& [name, info] : agents) {
        const int row = m_agents->rowCount();
        m_agents->insertRow(row);
        m_agents->setItem(row, 0, new QTableWidgetItem(name));
        m_agents->setItem(row, 1, new QTableWidgetItem(info.first));
        auto* bar = new QProgressBar(m_agents);
        const int current = load.count(name) ? load[name] : 0;
        bar->setRange(0, std::max({1, info.second, current}));
        bar->setValue(current);
        bar->setFormat(info.second > 0 ? QStringLiteral("%1 / %2").arg(current).arg(info.second)
                                       : QString::number(current));
        m_agents->setCellWidget(row, 3, bar);
        m_agents->setItem(row, 2, new QTableWidgetItem(m_status.value(name)));
        m_target->addItem(name);
    }
    m_target->setCurrentIndex(std::max(0, m_target->findText(keepTarget)));
    // Statuses come from the platform (its routing knows them); shown on the next refresh.
    if (m_context.session.offers(platform::Capability::TeamStatus)) {
        m_context.session.chats().teamStatus().then(this, [this](Result<std::vector<platform::AgentState>> r) {
            if (!r) {
                return;
            }
            m_status.clear();
            for (const platform::AgentState& s : *r) {
                m_status.insert(s.agent, s.presence == platform::AgentPresence::Online ? tr("online")
                                         : s.presence == platform::AgentPresence::Away ? tr("away")
                                                                                       : tr("offline"));
            }
            for (int row = 0; row < m_agents->rowCount(); ++row) {
                m_agents->setItem(row, 2, new QTableWidgetItem(m_status.value(m_agents->item(row, 0)->text())));
            }
        });
    }
    return true;
}

void QueuePage::transferSelected(const QString& agent)
{
    const int row = m_sessions->currentRow();
    if (row < 0 || agent.isEmpty()) {
        m_message->setText(tr("Choose a buyer in a chat and the agent to move them to."));
        return;
    }
    const QString buyer = m_sessions->item(row, 0)->text();
    m_context.session.chats()
        .transfer(buyer, agent, QString(), tr("Moved by the supervisor"))
        .then(this, [this, buyer, agent](Status st) {
            m_message->setText(st ? tr("%1 moved to %2.").arg(buyer, agent) : st.error().message);
        });
}

} // namespace shopdesk::ui
