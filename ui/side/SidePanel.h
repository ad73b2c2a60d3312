#pragma once

#include "workbench/WorkbenchContext.h"

#include <QTabWidget>

namespace shopdesk::ui {

class ChatView;
class CustomerTab;
class LogisticsTab;
class OrdersTab;
class PhraseBrowser;
class PhraseLibrary;
class RefundsTab;

/// The right column, about the buyer of the current chat: 客户, 订单, 退款, 物流, 快捷短语.
class SidePanel : public QTabWidget {
    Q_OBJECT
public:
    SidePanel(WorkbenchContext& context, PhraseLibrary& phrases, QWidget* parent = nullptr);

    void setChat(ChatView* chat);
    /// Reads every tab again, or says which permission it misses (after a change of authority).
    void refresh();
    /// Stored changes: conversations (keys), orders and refunds (numbers) the pipeline just wrote.
    void stored(const QStringList& conversations, const QStringList& orders, const QStringList& refunds);

    CustomerTab* customer() const { return m_customer; }
    OrdersTab* orders() const { return m_orders; }
    RefundsTab* refunds() const { return m_refunds; }
    LogisticsTab* logistics() const { return m_logistics; }
    PhraseBrowser* phrases() const { return m_phrases; }

private:
    ChatView* m_chat = nullptr;
    CustomerTab* m_customer;
    OrdersTab* m_orders;
    RefundsTab* m_refunds;
    LogisticsTab* m_logistics;
    PhraseBrowser* m_phrases;
};

} // namespace shopdesk::ui
