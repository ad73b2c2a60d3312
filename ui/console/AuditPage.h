#pragma once

#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace shopdesk::ui {

/// 审计: the audit log, filtered by actor and action, and whether its chain is intact. Needs
/// audit.view.
class AuditPage : public QWidget {
    Q_OBJECT
public:
    AuditPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QFuture<bool> verify();
    QLineEdit* actorFilter() const { return m_actor; }
    QLineEdit* actionFilter() const { return m_action; }
    QTableWidget* table() const { return m_table; }
    QLabel* chainLabel() const { return m_chain; }

private:
    WorkbenchContext& m_context;
    QLineEdit* m_actor;
    QLineEdit* m_action;
    QTableWidget* m_table;
    QLabel* m_chain;
};

} // namespace shopdesk::ui
