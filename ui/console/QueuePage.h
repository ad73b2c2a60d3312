#pragma once

#include "domain/Workbench.h"
#include "workbench/WorkbenchContext.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;
class QTimer;

namespace shopdesk::ui {

/// 队列: who waits in the queue (time waited, the estimate they were given) and each agent's load
/// against their reception limit, refreshed every second; a buyer in a chat can be moved to another
/// agent from here. Needs queue.monitor (and chat.transfer to move buyers).
class QueuePage : public QWidget {
    Q_OBJECT
public:
    QueuePage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QTableWidget* queueTable() const { return m_queue; }
    QTableWidget* agentTable() const { return m_agents; }
    QTableWidget* sessionTable() const { return m_sessions; }
    /// Moves the selected chat's buyer to `agent` (the button's work).
    void transferSelected(const QString& agent);

private:
    WorkbenchContext& m_context;
    QTableWidget* m_queue;
    QTableWidget* m_agents;
    QTableWidget* m_sessions;
    QComboBox* m_target;
    QLabel* m_message;
    QTimer* m_timer;
    std::vector<ConversationSummary> m_open;
    QHash<QString, QString> m_status; ///< agent -> status text, from the platform
};

} // namespace shopdesk::ui
