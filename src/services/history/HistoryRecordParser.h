#pragma once

#include "core/Result.h"
#include "services/history/ImportRecord.h"

#include <QByteArrayView>

namespace shopdesk {

/// Limits that keep one bad record from exhausting memory or the screen.
struct RecordLimits {
    static constexpr qsizetype kMaxTextBytes = 64 * 1024;
    static constexpr qsizetype kMaxKeyChars = 256;
    static constexpr qsizetype kMaxRemarkBytes = 1000; ///< Taobao's seller-remark limit
    static constexpr int kMaxItems = 500;
};

/// Parses one JSON Lines record of the history format (see docs/import-format.md) into a typed
/// record. Errors are Invalid with a reason that names the field, never the field's content.
class HistoryRecordParser {
public:
    explicit HistoryRecordParser(QString defaultPlatform = QStringLiteral("sim"))
        : m_defaultPlatform(std::move(defaultPlatform))
    {
    }

    Result<ImportRecord> parse(QByteArrayView line) const;

private:
    QString m_defaultPlatform;
};

} // namespace shopdesk
