#pragma once

#include "core/Result.h"
#include "domain/Conversation.h"
#include "domain/Message.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace shopdesk {

/// A search over message text: every term must occur as a substring (textmatch semantics).
struct MessageQuery {
    QStringList terms;
    /// Only this buyer's messages, when set.
    std::optional<QString> buyerNick;
    /// Only these conversations, when non-empty (search inside one chat).
    std::vector<ConversationId> conversations;
    int limit = 50;
    /// Paging: only messages older than this one.
    MessageId before;
};

/// Read access to conversations and messages. Implemented by the store.
class MessageRepository {
public:
    virtual ~MessageRepository() = default;

    /// Matches newest first.
    virtual Result<std::vector<MessageHit>> search(const MessageQuery& query) = 0;

    /// The newest `limit` messages of a conversation older than `before` (all when invalid),
    /// returned oldest first, ready to prepend to a timeline.
    virtual Result<std::vector<Message>> page(ConversationId conversation, int limit, MessageId before) = 0;

    /// The oldest `limit` messages of a conversation newer than `after`, oldest first (what arrived
    /// since a timeline's last row).
    virtual Result<std::vector<Message>> pageAfter(ConversationId conversation, int limit, MessageId after) = 0;
    /// How many buyer messages a conversation has newer than `after` (unread counts).
    virtual Result<qint64> buyerMessagesAfter(ConversationId conversation, MessageId after) = 0;
    /// A buyer's conversations on `platform`, newest first.
    virtual Result<std::vector<ConversationId>> conversationsOfBuyer(const QString& platform, const QString& nick) = 0;
    virtual Result<std::optional<Conversation>> findConversation(QStringView platform, QStringView key) = 0;

    /// Conversations with the newest message first.
    virtual Result<std::vector<Conversation>> recentConversations(int limit) = 0;

    virtual Result<qint64> messageCount() = 0;
    /// Messages of `platform` whose platform id starts with `prefix` (one simulated world's).
    virtual Result<qint64> countWithIdPrefix(const QString& platform, const QString& prefix) = 0;
};

} // namespace shopdesk
