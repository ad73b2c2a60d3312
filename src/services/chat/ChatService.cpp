#include "services/chat/ChatService.h"

#include "services/actions/ActionRunner.h"
#include "services/orders/OrderRepository.h"

#include <QCoreApplication>

namespace shopdesk {

using platform::Capability;
using Op = auth::Operation;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::ChatService", text);
}

Status checkText(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        return Error::invalid(QCoreApplication::translate("shopdesk::ChatService", "The message is empty."));
    }
    if (text.size() > ChatService::kMaxMessageChars) {
        return Error::invalid(QCoreApplication::translate(
                                  "shopdesk::ChatService",
                                  "A message has at most %1 characters (this one has %2); split it or send a link.")
                                  .arg(ChatService::kMaxMessageChars)
                                  .arg(text.size()));
    }
    return {};
}

} // namespace

ChatService::ChatService(ActionRunner& runner, OrderRepository& orders)
    : m_runner(runner)
    , m_orders(orders)
{
}

QFuture<Status> ChatService::send(const auth::Actor& actor, const QString& buyer, const QString& text)
{
    // Messages are not audited: the message itself is the record.
    const ActionRunner::Action action{Op::ChatReply, Capability::Chat, buyer, {}, false};
    platform::ShopPlatform& p = m_runner.platform();
    const QString agent = actor.name;
    return m_runner.run(
        actor, action, [text] { return checkText(text); },
        [&p, agent, buyer, text] { return p.sendMessage(agent, buyer, text); });
}

QFuture<Status> ChatService::sendOrderCard(const auth::Actor& actor, const QString& buyer, const QString& orderNo)
{
    const ActionRunner::Action action{Op::ChatOrderCard, Capability::OrderCard, buyer, {}, false};
    auto validate = [this, buyer, orderNo]() -> Status {
        auto order = m_orders.findOrder(m_runner.platformName(), orderNo);
        if (!order) {
            return order.error();
        }
        if (!*order || (*order)->buyerNick != buyer) {
            return Error::notFound(tr("%1 has no order %2.").arg(buyer, orderNo));
        }
        return {};
    };
    platform::ShopPlatform& p = m_runner.platform();
    const QString agent = actor.name;
    return m_runner.run(actor, action, validate,
                        [&p, agent, buyer, orderNo] { return p.sendOrderCard(agent, buyer, orderNo); });
}

QFuture<Status> ChatService::transfer(const auth::Actor& actor, const QString& buyer, const QString& toAgent,
                                      const QString& toGroup, const QString& note)
{
    const QString target = toAgent.isEmpty() ? toGroup : toAgent;
    const ActionRunner::Action action{Op::ChatTransfer, Capability::ChatTransfer, buyer,
                                      QStringLiteral("to %1").arg(target)};
    auto validate = [=]() -> Status {
        if (target.trimmed().isEmpty()) {
            return Error::invalid(tr("Choose a colleague or a group to transfer to."));
        }
        if (toAgent == actor.name) {
            return Error::invalid(tr("The conversation is already yours."));
        }
        if (note.size() > kMaxNoteChars) {
            return Error::invalid(tr("The note has at most %1 characters.").arg(kMaxNoteChars));
        }
        return {};
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(actor, action, validate,
                        [&p, buyer, toAgent, toGroup, note] { return p.transfer(buyer, toAgent, toGroup, note); });
}

QFuture<Status> ChatService::close(const auth::Actor& actor, const QString& buyer, const QString& closingLine)
{
    const ActionRunner::Action action{Op::ChatClose, Capability::ChatClose, buyer, {}, false};
    auto validate = [closingLine]() -> Status { return closingLine.isEmpty() ? Status() : checkText(closingLine); };
    platform::ShopPlatform& p = m_runner.platform();
    const QString agent = actor.name;
    return m_runner.run(actor, action, validate,
                        [&p, agent, buyer, closingLine] { return p.closeConversation(agent, buyer, closingLine); });
}

QFuture<Status> ChatService::setPresence(const auth::Actor& actor, platform::AgentPresence presence)
{
    if (!actor.id.isValid()) {
        return QtFuture::makeReadyFuture(Status(Error::notAllowed(tr("Log in first."))));
    }
    if (!m_runner.supports(Capability::AgentStatus)) {
        return QtFuture::makeReadyFuture(Status());
    }
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.ungated([&p, agent = actor.name, presence] { return p.setPresence(agent, presence); });
}

QFuture<Result<std::vector<platform::AgentState>>> ChatService::teamStatus(const auth::Actor& actor)
{
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.read<std::vector<platform::AgentState>>(actor, Op::QueueMonitor, Capability::TeamStatus,
                                                            [&p] { return p.teamStatus(); });
}

} // namespace shopdesk
