#pragma once

#include "core/Timestamp.h"
#include "domain/Ids.h"

#include <QString>

#include <optional>

namespace shopdesk {

enum class Sender { Buyer = 0, Agent = 1, System = 2 };

/// "buyer" / "agent" / "system", the words of the import format and the JSON output.
QString senderName(Sender sender);
std::optional<Sender> senderFromName(QStringView name);

/// One chat message as stored.
struct Message {
    MessageId id;
    ConversationId conversationId;
    Sender sender = Sender::Buyer;
    /// Name of the sending agent (Sender::Agent only). Kept as text so that history stays attributed
    /// to an agent whose account was later deleted.
    QString agent;
    QString text;
    Timestamp sentAt;
    /// The platform's id for the message, empty when the platform gave none.
    QString platformMessageId;
    /// The order an order card shows, empty for a text message.
    QString cardOrderNo;
};

/// A message arriving from a platform or an import, addressed by platform keys rather than store ids.
struct IncomingMessage {
    QString platform = QStringLiteral("sim");
    QString conversationKey;
    QString buyerNick;
    Sender sender = Sender::Buyer;
    QString agent;
    QString text;
    Timestamp sentAt;
    QString platformMessageId;
    QString cardOrderNo;
};

/// A message found by search, with the keys a reader needs to show it.
struct MessageHit {
    Message message;
    QString platform;
    QString conversationKey;
    QString buyerNick;
};

} // namespace shopdesk
