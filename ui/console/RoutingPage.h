#pragma once

#include "core/Result.h"
#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace shopdesk::ui {

/// 分流: the queue's scope, group limits, agents' groups and own limits, session end, repeat entry
/// and handling minutes. Effective on save and audited by the routing service (routing.configure).
class RoutingPage : public QWidget {
    Q_OBJECT
public:
    RoutingPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QFuture<Status> save();
    QComboBox* queueBox() const { return m_queue; }
    QSpinBox* sessionEndBox() const { return m_sessionEnd; }
    QSpinBox* repeatEntryBox() const { return m_repeatEntry; }
    QTableWidget* groupTable() const { return m_groups; }
    QTableWidget* agentTable() const { return m_agents; }
    QLabel* messageLabel() const { return m_message; }

private:
    WorkbenchContext& m_context;
    QComboBox* m_queue;
    QLineEdit* m_queueGroups;
    QSpinBox* m_sessionEnd;
    QSpinBox* m_repeatEntry;
    QSpinBox* m_handling;
    QTableWidget* m_groups;
    QTableWidget* m_agents;
    QLabel* m_message;
};

} // namespace shopdesk::ui
