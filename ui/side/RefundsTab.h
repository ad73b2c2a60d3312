#pragma once

#include "domain/Order.h"
#include "side/SideTab.h"

#include <optional>

class QDialog;
class QLabel;
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
    /// Asks to confirm (amount, order, buyer, reason; a colleague's buyer said so) in a dialog
    /// that does not confirm on Enter; agrees the refund chosen when it opened.
    void agree();
    /// The open confirmation (null when none): its accept() agrees.
    QDialog* confirmation() const { return m_confirm; }
    /// The card of the chosen refund: type, amount, reason, evidence, the platform's deadline.
    QLabel* card() const { return m_card; }

private:
    void refuse();
    void updateButtons();
    void updateCard();
    /// Agrees `refundNo` if it is still the chosen one and still awaits the shop.
    void agreeChosen(const QString& refundNo);
    /// The chosen refund as the shop has it now, or why it cannot be decided.
    Result<Refund> chosenNow();

    QListView* m_list;
    SideListModel* m_model;
    QPushButton* m_agree;
    QPushButton* m_refuse;
    QLabel* m_card;
    QDialog* m_confirm = nullptr;
    std::vector<Refund> m_refunds;
};

} // namespace shopdesk::ui
