#pragma once

#include "core/Result.h"
#include "domain/QuickReply.h"

#include <QByteArray>

#include <vector>

namespace shopdesk {

/// The team phrase library as CSV: UTF-8 with a byte-order mark (so that Excel opens it as
/// UTF-8), a header row `group,code,text`, CRLF line ends, RFC 4180 quoting.
namespace phrasecsv {

QByteArray write(const std::vector<QuickReply>& phrases);
/// Reads a file written by write() or by a spreadsheet: the BOM and the header are optional, fields
/// may be quoted (with commas, quotes and line breaks inside). Every bad line is reported with its
/// number; nothing is dropped silently.
PhraseCsvParse read(const QByteArray& file);

} // namespace phrasecsv
} // namespace shopdesk
