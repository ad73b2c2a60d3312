#include "domain/Message.h"

namespace shopdesk {

QString senderName(Sender sender)
{
    switch (sender) {
    case Sender::Buyer:
        return QStringLiteral("buyer");
    case Sender::Agent:
        return QStringLiteral("agent");
    case Sender::System:
        return QStringLiteral("system");
    }
    return QStringLiteral("system");
}

std::optional<Sender> senderFromName(QStringView name)
{
    if (name == u"buyer") {
        return Sender::Buyer;
    }
    if (name == u"agent") {
        return Sender::Agent;
    }
    if (name == u"system") {
        return Sender::System;
    }
    return std::nullopt;
}

} // namespace shopdesk
