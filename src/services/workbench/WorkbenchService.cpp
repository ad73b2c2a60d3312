#include "services/workbench/WorkbenchService.h"

#include "services/auth/AccessGate.h"
#include "services/history/MessageRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace shopdesk {

using Op = auth::Operation;

namespace {

int clampPage(int limit)
{
    return std::clamp(limit, 1, WorkbenchService::kMaxPage);
}

} // namespace

WorkbenchService::WorkbenchService(WorkbenchRepository& workbench, MessageRepository& messages, AccessGate& gate)
    : m_workbench(workbench)
    , m_messages(messages)
    , m_gate(gate)
{
}

Result<std::vector<ConversationSummary>> WorkbenchService::mine(const auth::Actor& actor, Timestamp since)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st.error();
    }
    return m_workbench.conversationsOf(actor.name, since);
}

Result<QueueSnapshot> WorkbenchService::queue(const auth::Actor& actor, Timestamp since)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st.error();
    }
    return m_workbench.queue(since);
}

Result<std::optional<ConversationSummary>> WorkbenchService::conversation(const auth::Actor& actor,
                                                                          const QString& platform, const QString& key)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st.error();
    }
    return m_workbench.conversation(platform, key);
}

Result<std::optional<ConversationSummary>> WorkbenchService::ofBuyer(const auth::Actor& actor, const QString& platform,
                                                                     const QString& nick)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st.error();
    }
    return m_workbench.conversationOfBuyer(platform, nick);
}

Result<std::vector<Message>> WorkbenchService::page(const auth::Actor& actor, ConversationId conversation, int limit,
                                                    MessageId before)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st.error();
    }
    return m_messages.page(conversation, clampPage(limit), before);
}

Result<std::vector<Message>> WorkbenchService::after(const auth::Actor& actor, ConversationId conversation, int limit,
                                                     MessageId after)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st.error();
    }
    return m_messages.pageAfter(conversation, clampPage(limit), after);
}

Status WorkbenchService::markRead(const auth::Actor& actor, ConversationId conversation, MessageId upTo)
{
    if (Status st = m_gate.check(actor, Op::ChatRead); !st) {
        return st;
    }
    if (!upTo.isValid()) {
        return {};
    }
    return m_workbench.setReadMark(actor.name, conversation, upTo);
}

Result<QString> WorkbenchService::draft(const auth::Actor& actor, const QString& platform, const QString& buyer)
{
    if (Status st = m_gate.check(actor, Op::ChatDraft); !st) {
        return st.error();
    }
    return m_workbench.draft(actor.name, platform, buyer);
}

Status WorkbenchService::saveDraft(const auth::Actor& actor, const QString& platform, const QString& buyer,
                                   const QString& text, Timestamp at)
{
    if (Status st = m_gate.check(actor, Op::ChatDraft); !st) {
        return st;
    }
    if (text.size() > kMaxDraftChars) {
        return Error::invalid(QCoreApplication::translate("WorkbenchService",
                                                          "The draft is longer than %1 characters and was not kept; "
                                                          "it is still in the box.")
                                  .arg(kMaxDraftChars));
    }
    return m_workbench.saveDraft(actor.name, platform, buyer, text.trimmed().isEmpty() ? QString() : text, at);
}

Result<std::vector<ConversationSummary>> WorkbenchService::openSessions(const auth::Actor& actor, Timestamp since)
{
    if (Status st = m_gate.check(actor, Op::QueueMonitor); !st) {
        return st.error();
    }
    return m_workbench.openSessions(since);
}

} // namespace shopdesk
