#pragma once

#include "core/Result.h"
#include "domain/Workbench.h"

#include <optional>

namespace shopdesk {

/// Who holds a buyer now: what the chat and order actions check a buyer's ownership against.
class ConversationLookup {
public:
    virtual ~ConversationLookup() = default;
    /// The buyer's newest conversation on the platform.
    virtual Result<std::optional<ConversationSummary>> conversationOfBuyer(const QString& platform,
                                                                           const QString& nick) = 0;
};

} // namespace shopdesk
