#include "services/quickreply/PhraseCsv.h"

#include "core/Csv.h"
#include "services/quickreply/QuickReplyService.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringDecoder>

namespace shopdesk::phrasecsv {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::phrasecsv", text);
}

} // namespace

QByteArray write(const std::vector<QuickReply>& phrases)
{
    QByteArray out = csv::kBom;
    out += "group,code,text\r\n";
    for (const QuickReply& p : phrases) {
        out += (csv::field(p.group) + QLatin1Char(',') + csv::field(p.code) + QLatin1Char(',') + csv::field(p.text))
                   .toUtf8() +
               "\r\n";
    }
    return out;
}

PhraseCsvParse read(const QByteArray& file)
{
    PhraseCsvParse result;
    QByteArray bytes = file;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        result.errors.push_back({0, tr("The file is not UTF-8 text. Save it as \"CSV UTF-8\".")});
        return result;
    }
    // Split into records, honouring quotes; remember each record's first line.
    std::vector<std::pair<qint64, QStringList>> records;
    QStringList fields;
    QString current;
    bool quoted = false;
    bool fieldWasQuoted = false;
    qint64 line = 1;
    qint64 recordLine = 1;
    auto endField = [&] {
        fields << (fieldWasQuoted ? current : current.trimmed());
        current.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(fields.size() == 1 && fields.front().isEmpty())) {
            records.emplace_back(recordLine, fields);
        }
        fields.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    current += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                current += c;
            }
            continue;
        }
        if (c == u'"' && current.trimmed().isEmpty()) {
            quoted = true;
            fieldWasQuoted = true;
            current.clear();
        } else if (c == u',') {
            endField();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            current += c;
        }
    }
    if (quoted) {
        result.errors.push_back({recordLine, tr("A quoted field is not closed.")});
        return result;
    }
    endRecord();

    QSet<QString> codes;
    for (const auto& [at, f] : records) {
        if (at == records.front().first && f.size() == 3 && f[0] == u"group" && f[1] == u"code" && f[2] == u"text") {
            continue; // the header
        }
        if (f.size() != 3) {
            result.errors.push_back({at, tr("Expected 3 columns (group, code, text), found %1.").arg(f.size())});
            continue;
        }
        PhraseRow row{at, csv::unneutralise(f[0]), csv::unneutralise(f[1]), csv::unneutralise(f[2])};
        if (row.text.trimmed().isEmpty()) {
            result.errors.push_back({at, tr("The text is empty.")});
        } else if (row.text.size() > QuickReplyService::kMaxTextChars) {
            result.errors.push_back({at, tr("The text has %1 characters; at most %2.")
                                             .arg(row.text.size())
                                             .arg(QuickReplyService::kMaxTextChars)});
        } else if (row.code.size() > QuickReplyService::kMaxCodeChars || row.code.contains(QLatin1Char(' '))) {
            result.errors.push_back({at, tr("The code \"%1\" is longer than %2 characters or has spaces.")
                                             .arg(row.code)
                                             .arg(QuickReplyService::kMaxCodeChars)});
        } else if (row.group.size() > QuickReplyService::kMaxGroupChars) {
            result.errors.push_back(
                {at, tr("The group name has more than %1 characters.").arg(QuickReplyService::kMaxGroupChars)});
        } else if (!row.code.isEmpty() && codes.contains(row.code)) {
            result.errors.push_back({at, tr("The code \"%1\" appears twice in the file.").arg(row.code)});
        } else {
            codes.insert(row.code);
            result.rows.push_back(std::move(row));
        }
    }
    return result;
}

} // namespace shopdesk::phrasecsv
