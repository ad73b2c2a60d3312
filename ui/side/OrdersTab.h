#pragma once

#include "domain/Order.h"
#include "side/SideTab.h"

#include <QHash>

class QComboBox;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace shopdesk::ui {

class SideListModel;

/// 订单: the buyer's orders with status chips; the selected one's items and amounts, the seller
/// remark with its flag colour, address change before shipping, price change before payment,
/// and "send to chat" as an order card. A remark being typed is never replaced by a reload: if
/// the order's remark changed meanwhile the tab says so, and saving is the agent's decision.
class OrdersTab : public SideTab {
    Q_OBJECT
public:
    OrdersTab(WorkbenchContext& context, QWidget* parent);
    void reload() override;

    QListView* list() const { return m_list; }
    SideListModel* model() const { return m_model; }
    /// Chooses the order (false when it is not listed).
    bool select(const QString& orderNo);
    QPlainTextEdit* remarkEdit() const { return m_remark; }
    QComboBox* flagBox() const { return m_flag; }
    QPushButton* saveRemarkButton() const { return m_saveRemark; }
    QPushButton* addressButton() const { return m_address; }
    QPushButton* priceButton() const { return m_price; }
    QPushButton* cardButton() const { return m_card; }
    const std::vector<Order>& orders() const { return m_orders; }
    std::optional<Order> selected() const;
    /// Refreshes when any of these orders is the buyer's; returns whether one was.
    bool ordersChanged(const QStringList& orderNos);

signals:
    void selectedOrderChanged(const QString& orderNo);

private:
    /// What the agent typed into the remark editor for an order and has not saved.
    struct RemarkEdit {
        QString text;
        int flag = 0;
        QString base; ///< the stored remark when the edit began
        int baseFlag = 0;
    };
    void showSelected();
    void remarkEdited();
    /// Shows the order's stored remark, or the agent's unsaved edit of it.
    void showRemark(const Order& order);
    void saveRemark();
    void changeAddress();
    void changePrice();

    QListView* m_list;
    SideListModel* m_model;
    QLabel* m_detail;
    QPlainTextEdit* m_remark;
    QComboBox* m_flag;
    QPushButton* m_saveRemark;
    QPushButton* m_address;
    QPushButton* m_price;
    QPushButton* m_card;
    std::vector<Order> m_orders;
    QHash<QString, RemarkEdit> m_edits; ///< order number -> unsaved remark
    QString m_shown;                    ///< the order whose details are shown
    bool m_filling = false;             ///< the tab itself is writing into the editor
    QLabel* m_remarkNotice;
};

} // namespace shopdesk::ui
