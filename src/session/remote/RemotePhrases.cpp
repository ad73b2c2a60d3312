#include "session/remote/RemotePhrases.h"

#include "protocol/Codec.h"
#include "services/quickreply/PhraseCsv.h"
#include "session/remote/Promises.h"
#include "session/remote/RemoteSession.h"

#include <QJsonArray>

namespace shopdesk::session {

QFuture<void> RemotePhrases::refresh()
{
    auto decode = [](const Result<QJsonValue>& r) {
        return r ? Result<std::vector<QuickReply>>(
                       protocol::fromJsonArray<QuickReply>(*r, protocol::quickReplyFromJson))
                 : Result<std::vector<QuickReply>>(r.error());
    };
    return m_s.fetchAll({
        {auth::Operation::QuickReplyView,
         QStringLiteral("phrases.mine"),
         {},
         [this, decode](const Result<QJsonValue>& r) { m_mine = decode(r); }},
        {auth::Operation::QuickReplyTeamEdit,
         QStringLiteral("phrases.team"),
         {},
         [this, decode](const Result<QJsonValue>& r) { m_team = decode(r); }},
    });
}

QFuture<Status> RemotePhrases::write(const QString& op, QJsonObject args)
{
    auto p = started<Status>();
    m_s.call(op, std::move(args), true).then(&m_s, [this, p](Result<QJsonValue> r) {
        if (!r) {
            resolve(p, Status(r.error()));
            return;
        }
        refresh().then(&m_s, [p] { resolve(p, Status()); });
    });
    return p->future();
}

QFuture<Result<QuickReplyId>> RemotePhrases::save(const QuickReply& phrase)
{
    auto p = started<Result<QuickReplyId>>();
    m_s.call(QStringLiteral("phrases.save"), {{QStringLiteral("phrase"), protocol::toJson(phrase)}}, true)
        .then(&m_s, [this, p](Result<QJsonValue> r) {
            if (!r) {
                resolve(p, Result<QuickReplyId>(r.error()));
                return;
            }
            const QuickReplyId id(static_cast<qint64>(r->toDouble()));
            refresh().then(&m_s, [p, id] { resolve(p, Result<QuickReplyId>(id)); });
        });
    return p->future();
}

QFuture<Status> RemotePhrases::remove(QuickReplyId id)
{
    return write(QStringLiteral("phrases.remove"), {{QStringLiteral("id"), static_cast<double>(id.value())}});
}

QFuture<Status> RemotePhrases::recordUse(QuickReplyId id)
{
    return m_s.call(QStringLiteral("phrases.use"), {{QStringLiteral("id"), static_cast<double>(id.value())}}, true)
        .then(&m_s, [](Result<QJsonValue> r) { return r ? Status() : Status(r.error()); });
}

PhraseCsvParse RemotePhrases::parseCsv(const QByteArray& file) const
{
    return phrasecsv::read(file);
}

QFuture<Result<PhraseImportSummary>> RemotePhrases::importTeam(const std::vector<PhraseRow>& rows)
{
    QJsonArray list;
    for (const PhraseRow& row : rows) {
        list.append(QJsonObject{{QStringLiteral("line"), static_cast<double>(row.line)},
                                {QStringLiteral("group"), row.group},
                                {QStringLiteral("code"), row.code},
                                {QStringLiteral("text"), row.text}});
    }
    auto p = started<Result<PhraseImportSummary>>();
    m_s.call(QStringLiteral("phrases.import"), {{QStringLiteral("rows"), list}}, true)
        .then(&m_s, [this, p](Result<QJsonValue> r) {
            if (!r) {
                resolve(p, Result<PhraseImportSummary>(r.error()));
                return;
            }
            PhraseImportSummary s;
            s.added = r->toObject().value(QStringLiteral("added")).toInt();
            s.updated = r->toObject().value(QStringLiteral("updated")).toInt();
            refresh().then(&m_s, [p, s] { resolve(p, Result<PhraseImportSummary>(s)); });
        });
    return p->future();
}

Result<QByteArray> RemotePhrases::exportTeam()
{
    if (!m_team) {
        return m_team.error();
    }
    return phrasecsv::write(*m_team);
}

QFuture<Status> RemotePhrases::moveTeam(QuickReplyId id, int delta)
{
    return write(QStringLiteral("phrases.move"),
                 {{QStringLiteral("id"), static_cast<double>(id.value())}, {QStringLiteral("delta"), delta}});
}

} // namespace shopdesk::session
