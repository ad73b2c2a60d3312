#include "services/workbench/WorkbenchService.h"

#include "services/auth/AccessGate.h"
#include "services/history/MessageRepository.h"
#include "services/orders/OrderRepository.h"

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

WorkbenchService::WorkbenchService(WorkbenchRepository& workbench, MessageRepository& messages, OrderRepository& orders,
                                   AccessGate& gate)
    : m_workbench(workbench)
    , m_messages(messages)
    , m_orders(orders)
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

Result<std::vector<Order>> WorkbenchService::ordersOfBuyer(const auth::Actor& actor, const QString& platform,
                                                           const QString& nick, int limit)
{
    if (Status st = m_gate.check(actor, Op::OrderView); !st) {
        return st.error();
    }
    auto orders = m_workbench.ordersOfBuyer(platform, nick, clampPage(limit));
    if (orders) {
        for (Order& o : *orders) {
            o.receiverSealed.clear(); // the sealed form never leaves the services
        }
    }
    return orders;
}

Result<std::vector<Refund>> WorkbenchService::refundsOfBuyer(const auth::Actor& actor, const QString& platform,
                                                             const QString& nick)
{
    if (Status st = m_gate.check(actor, Op::RefundView); !st) {
        return st.error();
    }
    auto orders = m_workbench.ordersOfBuyer(platform, nick, kMaxPage);
    if (!orders) {
        return orders.error();
    }
    std::vector<Refund> out;
    for (const Order& o : *orders) {
        auto refunds = m_orders.refundsOfOrder(platform, o.orderNo);
        if (!refunds) {
            return refunds.error();
        }
        out.insert(out.end(), refunds->begin(), refunds->end());
    }
    return out;
}

Result<std::vector<LogisticsEvent>> WorkbenchService::storedTrace(const auth::Actor& actor, const QString& platform,
                                                                  const QString& orderNo)
{
    if (Status st = m_gate.check(actor, Op::OrderLogistics); !st) {
        return st.error();
    }
    return m_workbench.storedLogistics(platform, orderNo);
}

} // namespace shopdesk
