#include "side/SideTab.h"

#include "chat/ChatView.h"
#include "common/Outcome.h"

#include <QLabel>

namespace shopdesk::ui {

SideTab::SideTab(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_message(new QLabel(this))
{
    m_message->setWordWrap(true);
    m_message->hide();
}

void SideTab::setChat(ChatView* chat)
{
    m_chat = chat;
    report({}, false);
    reload();
}

QString SideTab::platformName() const
{
    return m_chat ? m_chat->conversation().platform : QString();
}

QString SideTab::buyer() const
{
    return m_chat ? m_chat->buyerNick() : QString();
}

void SideTab::report(const QString& message, bool error)
{
    showOutcome(m_message, message, error);
    m_message->setVisible(!message.isEmpty());
}

} // namespace shopdesk::ui
