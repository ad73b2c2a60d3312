#pragma once

#include "domain/Order.h"
#include "side/SideTab.h"

class QComboBox;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace shopdesk::ui {

/// 订单: the buyer's orders with status chips; the selected one's items and amounts, the seller
/// remark with its flag colour, address change before shipping, price change before payment,
/// and "send to chat" as an order card.
class OrdersTab : public SideTab {
    Q_OBJECT
public:
    OrdersTab(WorkbenchContext& context, QWidget* parent);
    void reload() override;

    QListWidget* list() const { return m_list; }
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
    void showSelected();
    void saveRemark();
    void changeAddress();
    void changePrice();

    QListWidget* m_list;
    QLabel* m_detail;
    QPlainTextEdit* m_remark;
    QComboBox* m_flag;
    QPushButton* m_saveRemark;
    QPushButton* m_address;
    QPushButton* m_price;
    QPushButton* m_card;
    std::vector<Order> m_orders;
};

} // namespace shopdesk::ui
