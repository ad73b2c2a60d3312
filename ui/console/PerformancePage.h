#pragma once

#include "core/Result.h"
#include "domain/AgentReport.h"
#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

class QDateEdit;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace shopdesk::ui {

/// 绩效: the performance report (docs/reports.md) for a date range as a sortable table, the
/// response-time distribution per agent and inquiries per hour as charts, and CSV export.
/// Needs team.performance.view.
class PerformancePage : public QWidget {
    Q_OBJECT
public:
    PerformancePage(WorkbenchContext& context, QWidget* parent = nullptr);

    /// Table columns shown in a person's units (¥, %), sorted by their numbers.
    static constexpr int kSalesColumn = 9;
    static constexpr int kConversionColumn = 12;

    /// Counts the report for the chosen range (off the UI thread) and shows it.
    QFuture<Status> run();
    /// Writes the shown report as CSV (UTF-8 with BOM for Excel).
    Status exportCsv(const QString& path) const;
    void setRange(const QDate& from, const QDate& to);
    QTableWidget* table() const { return m_table; }
    const AgentReport& report() const { return m_report; }
    QLabel* messageLabel() const { return m_message; }
    QWidget* responseChart() const { return m_responseChart; }
    QWidget* hourChart() const { return m_hourChart; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void display(AgentReport report);
    void fillCharts();

    WorkbenchContext& m_context;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QSpinBox* m_slow;
    QTableWidget* m_table;
    QWidget* m_responseChart;
    QWidget* m_hourChart;
    QLabel* m_message;
    AgentReport m_report;
    bool m_ran = false;
};

} // namespace shopdesk::ui
