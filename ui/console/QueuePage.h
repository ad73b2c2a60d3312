#pragma once

#include "domain/Workbench.h"
#include "workbench/WorkbenchContext.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTimer;

namespace shopdesk::ui {

class TableRowsModel;

/// 队列: who waits in the queue (time waited, the estimate they were given) and each agent's load
/// against their reception limit; a buyer in a chat can be moved to another agent from here. Needs
/// queue.monitor (and chat.supervise to move buyers). Refreshed every second while it is shown
/// (only then), by rows: the selection, the chosen target and the scroll stay.
class QueuePage : public QWidget {
    Q_OBJECT
public:
    QueuePage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QTableView* queueTable() const { return m_queue; }
    QTableView* agentTable() const { return m_agents; }
    QTableView* sessionTable() const { return m_sessions; }
    TableRowsModel* queueModel() const { return m_queueModel; }
    TableRowsModel* agentModel() const { return m_agentModel; }
    TableRowsModel* sessionModel() const { return m_sessionModel; }
    /// Whether the page refreshes by itself now (only while it is shown).
    bool refreshing() const;
    /// Moves the selected chat's buyer to `agent` (the button's work).
    void transferSelected(const QString& agent);
    /// 接手: the selected chat's buyer moves to the supervisor (chat.supervise; audited).
    void takeOverSelected();
    /// Chooses a buyer in a chat by name.
    bool selectSession(const QString& buyer);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyAgents();

    WorkbenchContext& m_context;
    QTableView* m_queue;
    QTableView* m_agents;
    QTableView* m_sessions;
    TableRowsModel* m_queueModel;
    TableRowsModel* m_agentModel;
    TableRowsModel* m_sessionModel;
    QComboBox* m_target;
    QLabel* m_message;
    QTimer* m_timer;
    /// agent -> (group, limit, load)
    struct AgentLine {
        QString group;
        int limit = 0;
        int load = 0;
    };
    std::map<QString, AgentLine> m_agentLines;
    QHash<QString, QString> m_status; ///< agent -> status text, from the platform
    bool m_statusAsked = false;
};

} // namespace shopdesk::ui
