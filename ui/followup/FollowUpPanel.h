#pragma once

#include "domain/Workbench.h"
#include "workbench/WorkbenchContext.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace shopdesk::ui {

/// 待跟进: my buyers' orders that need chasing (unpaid past the chase rule, paid but unshipped,
/// a trace that stopped moving). Each opens the buyer's chat; unpaid ones get a one-click payment
/// reminder (the reminder phrase and the order card).
class FollowUpPanel : public QWidget {
    Q_OBJECT
public:
    FollowUpPanel(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QListWidget* list() const { return m_list; }
    QPushButton* remindButton() const { return m_remind; }
    const std::vector<FollowUp>& items() const { return m_items; }
    std::optional<FollowUp> selected() const;

signals:
    void openBuyer(const QString& platform, const QString& buyer);
    /// Send the payment reminder for this order to its buyer.
    void remind(const FollowUp& item);

private:
    WorkbenchContext& m_context;
    QListWidget* m_list;
    QPushButton* m_remind;
    QPushButton* m_refresh;
    std::vector<FollowUp> m_items;
};

} // namespace shopdesk::ui
