#pragma once

#include "domain/Ids.h"

#include <QString>

#include <vector>

namespace shopdesk {

/// A canned reply (快捷短语). Team phrases are kept by supervisors; personal ones by each agent.
struct QuickReply {
    enum class Scope { Team, Personal };
    QuickReplyId id;
    Scope scope = Scope::Team;
    QString owner; ///< account name for personal phrases, empty for team phrases
    QString group;
    QString code; ///< short code typed after '/'
    QString text; ///< may contain variables such as {买家} / {buyer}
    int sortOrder = 0;
    qint64 usageCount = 0;
};

/// One parsed line of a phrase CSV file.
struct PhraseRow {
    qint64 line = 0; ///< 1-based line in the file (a quoted field may span lines: its first)
    QString group;
    QString code;
    QString text;
};

/// A refused line, named by its number.
struct PhraseRowError {
    qint64 line = 0;
    QString reason;
};

struct PhraseCsvParse {
    std::vector<PhraseRow> rows;
    std::vector<PhraseRowError> errors;
};

/// What a team phrase import did: rows whose code matches a team phrase update it, the rest are added.
struct PhraseImportSummary {
    int added = 0;
    int updated = 0;
};

} // namespace shopdesk
