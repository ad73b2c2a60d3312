#include "side/SideTab.h"

#include "chat/ChatView.h"
#include "common/Gates.h"
#include "common/Outcome.h"

#include "chat/Composer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>

namespace shopdesk::ui {

SideTab::SideTab(WorkbenchContext& context, auth::Operation read, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_message(new QLabel(this))
    , m_read(read)
{
    m_message->setWordWrap(true);
    m_message->hide();
}

bool SideTab::readable() const
{
    return m_context.session.may(m_read);
}

void SideTab::setChat(ChatView* chat)
{
    m_chat = chat;
    refresh();
}

void SideTab::refresh()
{
    const bool may = readable();
    setEnabled(may); // the controls inside keep their own gates for when it is enabled again
    // Said, not attempted: the person sees why the tab is empty, and nothing is refused or audited.
    report(may ? QString() : gates::missingPermissionText(auth::operationInfo(m_read).required), false);
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

void SideTab::finished(const QString& message, bool error)
{
    report(message, error);
    QWidget* f = QApplication::focusWidget();
    const bool outsideCombo = qobject_cast<QComboBox*>(f) != nullptr && !isAncestorOf(f);
    const bool adrift = !f || !f->isEnabled() || !f->isVisible() || qobject_cast<QAbstractButton*>(f) != nullptr ||
                        outsideCombo || f->window() != window();
    if (adrift && m_chat && m_chat->composer()->isEnabled()) {
        m_chat->composer()->setFocus(Qt::OtherFocusReason);
    }
}

void SideTab::report(const QString& message, bool error)
{
    showOutcome(m_message, message, error);
    m_message->setVisible(!message.isEmpty());
}

} // namespace shopdesk::ui
