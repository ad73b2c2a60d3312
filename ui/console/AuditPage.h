#pragma once

#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace shopdesk::ui {

class TableRowsModel;

/// 审计: the audit log, filtered by actor and action, and whether its chain is intact (checked
/// when the page is first shown, and on request). Needs audit.view.
class AuditPage : public QWidget {
    Q_OBJECT
public:
    AuditPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QFuture<bool> verify();
    QLineEdit* actorFilter() const { return m_actor; }
    QLineEdit* actionFilter() const { return m_action; }
    QTableView* table() const { return m_table; }
    TableRowsModel* model() const { return m_model; }
    QLabel* chainLabel() const { return m_chain; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    WorkbenchContext& m_context;
    QLineEdit* m_actor;
    QLineEdit* m_action;
    QTableView* m_table;
    TableRowsModel* m_model;
    QLabel* m_chain;
    bool m_verified = false;
};

} // namespace shopdesk::ui
