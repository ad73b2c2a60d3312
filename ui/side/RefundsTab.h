#pragma once

#include "domain/Order.h"
#include "side/SideTab.h"

#include <optional>

class QListView;
class QPushButton;

namespace shopdesk::ui {

class SideListModel;

/// 退款: the buyer's refunds, pending first; agree, or refuse with a reason the buyer will read.
/// The refund acted on is the one chosen, by its number: if it changed meanwhile (the buyer closed
/// it), the tab says so instead of acting.
class RefundsTab : public SideTab {
    Q_OBJECT
public:
    RefundsTab(WorkbenchContext& context, QWidget* parent);
    void reload() override;

    QListView* list() const { return m_list; }
    SideListModel* model() const { return m_model; }
    QPushButton* agreeButton() const { return m_agree; }
    QPushButton* refuseButton() const { return m_refuse; }
    /// As listed, pending first.
    const std::vector<Refund>& refunds() const { return m_refunds; }
    /// Chooses the refund (false when it is not listed).
    bool select(const QString& refundNo);
    /// The chosen refund's number ("" when none).
    QString selectedNo() const;
    /// Refuses the selected refund with `reason` (the dialog's work; tests call it directly).
    void refuseWith(const QString& reason);
    void agree();

private:
    void refuse();
    void updateButtons();
    /// The chosen refund as the shop has it now, or why it cannot be decided.
    Result<Refund> chosenNow();

    QListView* m_list;
    SideListModel* m_model;
    QPushButton* m_agree;
    QPushButton* m_refuse;
    std::vector<Refund> m_refunds;
};

} // namespace shopdesk::ui
