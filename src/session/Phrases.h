#pragma once

#include "core/Result.h"
#include "domain/QuickReply.h"

#include <QByteArray>
#include <QFuture>

#include <vector>

namespace shopdesk::session {

/// Quick replies (快捷短语): the team's and the person's own.
class Phrases {
public:
    virtual ~Phrases() = default;

    /// The team's phrases and the person's own (quickreply.view).
    virtual Result<std::vector<QuickReply>> mine() = 0;
    /// Creates (invalid id) or edits a phrase; its scope decides the permission.
    virtual QFuture<Result<QuickReplyId>> save(const QuickReply& phrase) = 0;
    virtual QFuture<Status> remove(QuickReplyId id) = 0;
    virtual QFuture<Status> recordUse(QuickReplyId id) = 0;

    /// The team library (quickreply.team.manage).
    virtual Result<std::vector<QuickReply>> team() = 0;
    /// Parses a CSV file for the import preview (nothing is changed).
    virtual PhraseCsvParse parseCsv(const QByteArray& file) const = 0;
    /// All or nothing; rows whose code matches a team phrase update it.
    virtual QFuture<Result<PhraseImportSummary>> importTeam(const std::vector<PhraseRow>& rows) = 0;
    /// The team library as CSV (UTF-8 with BOM).
    virtual Result<QByteArray> exportTeam() = 0;
    /// One place up (-1) or down (+1) within its group.
    virtual QFuture<Status> moveTeam(QuickReplyId id, int delta) = 0;
};

} // namespace shopdesk::session
