#include "services/demo/EcdCorpus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shopdesk {

namespace {

Result<QByteArray> readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error::notFound(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    }
    return f.readAll();
}

} // namespace

Result<EcdCorpus> EcdCorpus::embedded()
{
    return fromFile(QStringLiteral(":/ecd/dialogues.jsonl"), QStringLiteral(":/ecd/seller-lines.txt"));
}

Result<EcdCorpus> EcdCorpus::fromFile(const QString& dialoguesPath, const QString& sellerLinesPath)
{
    auto dialogues = readAll(dialoguesPath);
    if (!dialogues) {
        return dialogues.error();
    }
    QByteArray lines;
    if (!sellerLinesPath.isEmpty()) {
        auto l = readAll(sellerLinesPath);
        if (!l) {
            return l.error();
        }
        lines = *l;
    }
    return parse(*dialogues, lines);
}

Result<EcdCorpus> EcdCorpus::parse(const QByteArray& dialogues, const QByteArray& sellerLines)
{
    EcdCorpus corpus;
    for (const QByteArray& line : dialogues.split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            return Error::invalid(QStringLiteral("corrupt dialogue corpus"));
        }
        Dialogue d;
        for (const QJsonValue& t : doc.object().value(QLatin1String("turns")).toArray()) {
            const QJsonObject o = t.toObject();
            d.push_back(
                {o.value(QLatin1String("role")).toString() == u"buyer", o.value(QLatin1String("text")).toString()});
        }
        if (!d.empty()) {
            corpus.m_dialogues.push_back(std::move(d));
        }
    }
    for (const QByteArray& line : sellerLines.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            corpus.m_sellerLines << QString::fromUtf8(line.trimmed());
        }
    }
    if (corpus.m_dialogues.empty()) {
        return Error::invalid(QStringLiteral("the dialogue corpus is empty"));
    }
    return corpus;
}

} // namespace shopdesk
