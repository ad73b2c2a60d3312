#include "side/SidePanel.h"

#include "chat/ChatView.h"
#include "quickreply/PhraseBrowser.h"
#include "side/CustomerTab.h"
#include "side/LogisticsTab.h"
#include "side/OrdersTab.h"
#include "side/RefundsTab.h"

#include <QLabel>

namespace shopdesk::ui {

SidePanel::SidePanel(WorkbenchContext& context, PhraseLibrary& phrases, QWidget* parent)
    : QTabWidget(parent)
    , m_customer(new CustomerTab(context, this))
    , m_orders(new OrdersTab(context, this))
    , m_refunds(new RefundsTab(context, this))
    , m_logistics(new LogisticsTab(context, this))
    , m_phrases(new PhraseBrowser(phrases, this))
{
    setObjectName(QStringLiteral("sidePanel"));
    setDocumentMode(true);
    addTab(m_customer, tr("Buyer"));
    addTab(m_orders, tr("Orders"));
    addTab(m_refunds, tr("Refunds"));
    addTab(m_logistics, tr("Logistics"));
    addTab(m_phrases, tr("Phrases"));
    connect(m_orders, &OrdersTab::selectedOrderChanged, m_logistics, &LogisticsTab::showOrder);
    connect(m_phrases, &PhraseBrowser::insertRequested, this, [this](const QuickReply& p) {
        if (m_chat) {
            m_chat->insertPhrase(p);
        }
    });
    connect(m_phrases, &PhraseBrowser::sendRequested, this, [this](const QuickReply& p) {
        if (m_chat) {
            m_chat->sendPhrase(p);
        }
    });
    // Team mode: a buyer's orders arrive from the server after the first read said Busy.
    connect(&context.session, &session::ShopSession::buyerDataArrived, this,
            [this](const QString& platform, const QString& nick) {
                if (m_chat && m_chat->conversation().platform == platform && m_chat->conversation().buyerNick == nick) {
                    m_orders->reload();
                    m_refunds->reload();
                    m_logistics->reload();
                }
            });
    setChat(nullptr);
}

void SidePanel::setChat(ChatView* chat)
{
    m_chat = chat;
    for (SideTab* tab : std::initializer_list<SideTab*>{m_customer, m_orders, m_refunds, m_logistics}) {
        tab->setChat(chat);
    }
}

void SidePanel::refresh()
{
    setChat(m_chat);
}

void SidePanel::stored(const QStringList& conversations, const QStringList& orders, const QStringList& refunds)
{
    Q_UNUSED(conversations)
    Q_UNUSED(refunds) // a refund's order is among `orders` (the pipeline names it)
    // Only this buyer's orders matter; a busy shop changes others' many times a second.
    if (m_chat && m_orders->ordersChanged(orders)) {
        m_logistics->reload();
        m_refunds->reload();
    }
}

} // namespace shopdesk::ui
