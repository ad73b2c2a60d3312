#pragma once

#include "domain/Order.h"
#include "side/SideTab.h"

class QListWidget;
class QPushButton;

namespace shopdesk::ui {

/// 退款: the buyer's refunds, pending first; agree, or refuse with a reason the buyer will read.
class RefundsTab : public SideTab {
    Q_OBJECT
public:
    RefundsTab(WorkbenchContext& context, QWidget* parent);
    void reload() override;

    QListWidget* list() const { return m_list; }
    QPushButton* agreeButton() const { return m_agree; }
    QPushButton* refuseButton() const { return m_refuse; }
    const std::vector<Refund>& refunds() const { return m_refunds; }
    /// Refuses the selected refund with `reason` (the dialog's work; tests call it directly).
    void refuseWith(const QString& reason);
    void agree();

private:
    void refuse();
    void updateButtons();

    QListWidget* m_list;
    QPushButton* m_agree;
    QPushButton* m_refuse;
    std::vector<Refund> m_refunds;
};

} // namespace shopdesk::ui
