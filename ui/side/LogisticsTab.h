#pragma once

#include "domain/Order.h"
#include "side/SideTab.h"

class QComboBox;
class QListWidget;
class QPushButton;

namespace shopdesk::ui {

/// 物流: the parcel's trace for one of the buyer's shipped orders, newest step first; "refresh"
/// asks the platform for the latest.
class LogisticsTab : public SideTab {
    Q_OBJECT
public:
    LogisticsTab(WorkbenchContext& context, QWidget* parent);
    void reload() override;
    void showOrder(const QString& orderNo);
    QListWidget* trace() const { return m_trace; }

private:
    void fill(const std::vector<LogisticsEvent>& events);
    void fetch();

    QComboBox* m_order;
    QListWidget* m_trace;
    QPushButton* m_refresh;
};

} // namespace shopdesk::ui
