#include "services/chat/ChatService.h"

#include "domain/PhraseVariables.h"
#include "services/chat/ConversationLookup.h"
#include "services/orders/OrderRepository.h"
#include "services/settings/ShopTextsService.h"

#include <QCoreApplication>

#include <memory>

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
    if (const auto gaps = unfilledVariables(text); !gaps.empty()) {
        QStringList names;
        for (const UnfilledVariable& g : gaps) {
            names << QStringLiteral("{%1}").arg(g.name);
        }
        names.removeDuplicates();
        return Error::invalid(QCoreApplication::translate("shopdesk::ChatService",
                                                          "Fill in or remove %1 before sending: the buyer would read "
                                                          "it as it is.")
                                  .arg(names.join(QStringLiteral(", "))));
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

ChatService::ChatService(ActionRunner& runner, OrderRepository& orders, ConversationLookup& conversations,
                         ShopTextsService& texts, QString shopName)
    : m_runner(runner)
    , m_orders(orders)
    , m_conversations(conversations)
    , m_texts(texts)
    , m_shopName(std::move(shopName))
{
}

Status ChatService::checkOwnership(ActionRunner& runner, const auth::Actor& actor, const QString& buyer,
                                   auth::Operation operation, bool* supervising, bool unclaimedOk)
{
    if (supervising) {
        *supervising = false;
    }
    auto conversation = m_conversations.conversationOfBuyer(runner.platformName(), buyer);
    if (!conversation) {
        return conversation.error();
    }
    if (!*conversation) {
        if (unclaimedOk) {
            return {};
        }
        return Error::notFound(tr("There is no conversation with %1.").arg(buyer));
    }
    const ConversationSummary& c = **conversation;
    // Agents are named by their short name in routing records, as in the actor.
    const bool holds = c.state == ConversationSummary::State::Active && c.agent == actor.name;
    const bool servedLast = c.state == ConversationSummary::State::Closed && c.agent == actor.name;
    if (holds || servedLast) {
        return {};
    }
    const QString whose = c.state == ConversationSummary::State::Queued ? tr("%1 is waiting in the queue").arg(buyer)
                          : c.state == ConversationSummary::State::Active
                              ? tr("%1 is %2's buyer").arg(buyer, c.agent)
                              : tr("%1 was last served by %2").arg(buyer, c.agent.isEmpty() ? tr("nobody") : c.agent);
    if (!ActionRunner::permitted(actor, Op::ChatSupervise)) {
        (void)runner.check(actor, Op::ChatSupervise); // the refusal is audited
        return Error::notAllowed(
            tr("%1: acting on a colleague's or a queued buyer needs the permission chat.supervise.").arg(whose));
    }
    if (supervising) {
        *supervising = true;
    }
    return runner.auditNow(actor, QStringLiteral("chat.supervise"), buyer,
                           QStringLiteral("%1; agent=%2")
                               .arg(QString::fromLatin1(auth::operationInfo(operation).name),
                                    c.agent.isEmpty() ? QStringLiteral("-") : c.agent));
}

QFuture<Status> ChatService::send(ActorSource who, const QString& buyer, const QString& text)
{
    // Messages are not audited: the message itself is the record.
    const ActionRunner::Action action{Op::ChatReply, Capability::Chat, buyer, {}, false};
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(
        std::move(who), action,
        [this, text, buyer](const auth::Actor& a) -> Status {
            if (Status st = checkText(text); !st) {
                return st;
            }
            return checkOwnership(m_runner, a, buyer, Op::ChatReply);
        },
        [&p, buyer, text](const auth::Actor& a) { return p.sendMessage(a.name, buyer, text); });
}

QFuture<Status> ChatService::sendOrderCard(ActorSource who, const QString& buyer, const QString& orderNo)
{
    const ActionRunner::Action action{Op::ChatOrderCard, Capability::OrderCard, buyer, {}, false};
    auto validate = [this, buyer, orderNo](const auth::Actor& a) -> Status {
        auto order = m_orders.findOrder(m_runner.platformName(), orderNo);
        if (!order) {
            return order.error();
        }
        if (!*order || (*order)->buyerNick != buyer) {
            return Error::notFound(tr("%1 has no order %2.").arg(buyer, orderNo));
        }
        return checkOwnership(m_runner, a, buyer, Op::ChatOrderCard);
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, buyer, orderNo](const auth::Actor& a) { return p.sendOrderCard(a.name, buyer, orderNo); });
}

QFuture<Status> ChatService::transfer(ActorSource who, const QString& buyer, const QString& toAgent,
                                      const QString& toGroup, const QString& note)
{
    const QString target = toAgent.isEmpty() ? toGroup : toAgent;
    const ActionRunner::Action action{Op::ChatTransfer, Capability::ChatTransfer, buyer,
                                      QStringLiteral("to %1").arg(target)};
    auto supervising = std::make_shared<bool>(false);
    auto validate = [=, this](const auth::Actor& a) -> Status {
        if (target.trimmed().isEmpty()) {
            return Error::invalid(tr("Choose a colleague or a group to transfer to."));
        }
        if (toAgent == a.name) {
            // To oneself: a supervisor taking a colleague's buyer over (checkOwnership asks for
            // chat.supervise and audits it); one's own buyer is already one's own.
            auto c = m_conversations.conversationOfBuyer(m_runner.platformName(), buyer);
            if (c && *c && (*c)->state == ConversationSummary::State::Active && (*c)->agent == a.name) {
                return Error::invalid(tr("The conversation is already yours."));
            }
        }
        if (note.size() > kMaxNoteChars) {
            return Error::invalid(tr("The note has at most %1 characters.").arg(kMaxNoteChars));
        }
        return checkOwnership(m_runner, a, buyer, Op::ChatTransfer, supervising.get());
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, buyer, toAgent, toGroup, note, supervising](const auth::Actor& a) {
                            return p.transfer(a.name, buyer, toAgent, toGroup, note, *supervising);
                        });
}

QFuture<Status> ChatService::close(ActorSource who, const QString& buyer, const QString& closingLine, bool inviteRating)
{
    const ActionRunner::Action action{Op::ChatClose, Capability::ChatClose, buyer, {}, false};
    // What the buyer reads: the agent's line and, when asked for, the shop's invitation.
    auto said = std::make_shared<QString>(closingLine.trimmed());
    auto validate = [this, said, inviteRating, buyer](const auth::Actor& a) -> Status {
        if (inviteRating) {
            auto texts = m_texts.load();
            if (!texts) {
                return texts.error();
            }
            if (!texts->ratingInvitation.isEmpty()) {
                *said += (said->isEmpty() ? QString() : QStringLiteral(" ")) + texts->ratingInvitation;
            }
        }
        if (Status st = said->isEmpty() ? Status() : checkText(*said); !st) {
            return st;
        }
        return checkOwnership(m_runner, a, buyer, Op::ChatClose);
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, buyer, said](const auth::Actor& a) { return p.closeConversation(a.name, buyer, *said); });
}

QFuture<Status> ChatService::remindPayment(ActorSource who, const QString& buyer, const QString& orderNo)
{
    const ActionRunner::Action action{Op::ChatReply, Capability::Chat, buyer, {}, false};
    auto text = std::make_shared<QString>();
    auto validate = [this, text, buyer, orderNo](const auth::Actor& a) -> Status {
        auto order = m_orders.findOrder(m_runner.platformName(), orderNo);
        if (!order) {
            return order.error();
        }
        if (!*order || (*order)->buyerNick != buyer) {
            return Error::notFound(tr("%1 has no order %2.").arg(buyer, orderNo));
        }
        if ((*order)->status != OrderStatus::WaitBuyerPay) {
            return Error::invalid(tr("The order %1 is no longer awaiting payment.").arg(orderNo));
        }
        auto texts = m_texts.load();
        if (!texts) {
            return texts.error();
        }
        PhraseContext ctx;
        ctx.buyer = buyer;
        ctx.agent = a.name;
        ctx.orderNo = orderNo;
        ctx.shop = m_shopName;
        *text = fillPhrase(texts->paymentReminder, ctx).text;
        if (Status st = checkText(*text); !st) {
            return st;
        }
        return checkOwnership(m_runner, a, buyer, Op::ChatReply);
    };
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.run(std::move(who), action, validate,
                        [&p, buyer, text](const auth::Actor& a) { return p.sendMessage(a.name, buyer, *text); });
}

QFuture<Status> ChatService::remindPaymentWithCard(ActorSource who, const QString& buyer, const QString& orderNo)
{
    auto done = std::make_shared<QPromise<Status>>();
    done->start();
    QFuture<Status> result = done->future();
    remindPayment(who, buyer, orderNo).then([this, done, who, buyer, orderNo](Status st) {
        if (!st) {
            done->addResult(st);
            done->finish();
            return;
        }
        sendOrderCard(who, buyer, orderNo).then([done](Status card) {
            done->addResult(card);
            done->finish();
        });
    });
    return result;
}

QFuture<Status> ChatService::setPresence(ActorSource who, platform::AgentPresence presence)
{
    if (!m_runner.supports(Capability::AgentStatus)) {
        return QtFuture::makeReadyFuture(Status());
    }
    platform::ShopPlatform& p = m_runner.platform();
    return m_runner.ungated(std::move(who),
                            [&p, presence](const auth::Actor& a) { return p.setPresence(a.name, presence); });
}

QFuture<Result<std::vector<platform::AgentState>>> ChatService::teamStatus(ActorSource who, bool forTransfer)
{
    platform::ShopPlatform& p = m_runner.platform();
    // A supervisor watching the queue, or an agent choosing whom to hand a buyer to.
    return m_runner.read<std::vector<platform::AgentState>>(std::move(who),
                                                            forTransfer ? Op::ChatTransfer : Op::QueueMonitor,
                                                            Capability::TeamStatus, [&p] { return p.teamStatus(); });
}

} // namespace shopdesk
