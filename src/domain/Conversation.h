#pragma once

#include "core/Timestamp.h"
#include "domain/Ids.h"

#include <QString>

namespace shopdesk {

/// A chat thread with one buyer on one platform.
struct Conversation {
    ConversationId id;
    QString platform;
    /// The platform's key for the thread ("c1" in an import file).
    QString platformKey;
    BuyerId buyerId;
    QString buyerNick;
    Timestamp lastMessageAt;
    qint64 messageCount = 0;
};

} // namespace shopdesk
