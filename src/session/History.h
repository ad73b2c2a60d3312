#pragma once

#include "core/Result.h"
#include "domain/Import.h"
#include "domain/Search.h"

#include <QFuture>
#include <QIODevice>

#include <vector>

namespace shopdesk::session {

/// How a history file is imported.
struct ImportOptions {
    /// Keep the good lines and report the bad ones; else any bad line leaves the store unchanged.
    bool skipBad = false;
};

/// The message history: search (global or in chats), a buyer's records, deleting, importing.
class History {
public:
    virtual ~History() = default;

    /// Every word must occur in the message; any text is literal (history.search). Answered from
    /// the local index at once (single seat), or by the team server's index.
    virtual QFuture<Result<SearchPage>> search(const SearchRequest& request) = 0;
    /// A buyer's messages, newest first, all of them or those matching `query` (history.records).
    virtual QFuture<Result<SearchPage>> records(const QString& platform, const QString& nick, const QString& query,
                                                int limit) = 0;
    /// Deletes exactly the given messages of the buyer (history.delete, audited). None given is an
    /// error, never "all".
    virtual QFuture<Result<qint64>> remove(const QString& platform, const QString& nick,
                                           const std::vector<MessageId>& ids) = 0;
    /// Deletes every message of the buyer: `typedName` must be the buyer's name, typed to confirm.
    virtual QFuture<Result<qint64>> removeAll(const QString& platform, const QString& nick,
                                              const QString& typedName) = 0;
    /// Imports JSON Lines history (history.import); `input` must stay open until the future is done.
    virtual QFuture<Result<ImportReport>> import(QIODevice& input, const ImportOptions& options) = 0;
};

} // namespace shopdesk::session
