#include "session/remote/RemoteUnserved.h"

#include "protocol/Codec.h"
#include "session/remote/RemoteSession.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace shopdesk::session {

namespace {

template <typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace

// The desks' names as unservedReason() says them (listed for the translation catalogue).
[[maybe_unused]] const char* const kUnservedNames[] = {
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "Order actions"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "Follow-ups"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "History import"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "The routing simulation"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "Settings"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "The shop's texts"),
};

QString unservedReason(const char* what)
{
    return QCoreApplication::translate("shopdesk::session::Unserved",
                                       "%1 is not served by the team server yet; use a single-seat ShopDesk for it.")
        .arg(QCoreApplication::translate("shopdesk::session::Unserved", what));
}

Result<BuyerNotes> RemoteBuyers::notes(const QString& platform, const QString& nick)
{
    return m_s.remoteOrders().notesOf(platform, nick);
}

QFuture<Status> RemoteBuyers::setNotes(const QString& platform, const QString& nick, const BuyerNotes& notes)
{
    return m_s.act(QStringLiteral("buyers.setNotes"),
                   {{QStringLiteral("platform"), platform},
                    {QStringLiteral("buyer"), nick},
                    {QStringLiteral("grade"), notes.grade},
                    {QStringLiteral("tags"), QJsonArray::fromStringList(notes.tags)}});
}

QFuture<Result<platform::BuyerProfile>> RemoteBuyers::profile(const QString& nick)
{
    return m_s.call(QStringLiteral("buyers.profile"), {{QStringLiteral("buyer"), nick}})
        .then([](const Result<QJsonValue>& r) -> Result<platform::BuyerProfile> {
            if (!r) {
                return r.error();
            }
            const QJsonObject o = r->toObject();
            platform::BuyerProfile p;
            p.nick = o.value(QStringLiteral("nick")).toString();
            p.level = o.value(QStringLiteral("level")).toString();
            p.ordersPlaced = o.value(QStringLiteral("orders")).toInt();
            p.firstSeen = Timestamp::fromMs(static_cast<qint64>(o.value(QStringLiteral("firstSeen")).toDouble()));
            return p;
        });
}

namespace {

QFuture<Result<SearchPage>> pageOf(QFuture<Result<QJsonValue>> answer)
{
    return answer.then([](const Result<QJsonValue>& r) -> Result<SearchPage> {
        if (!r) {
            return r.error();
        }
        return protocol::searchPageFromJson(r->toObject());
    });
}

} // namespace

QFuture<Result<SearchPage>> RemoteHistory::search(const SearchRequest& request)
{
    return pageOf(m_s.call(QStringLiteral("history.search"), protocol::toJson(request)));
}

QFuture<Result<SearchPage>> RemoteHistory::records(const QString& platform, const QString& nick, const QString& query,
                                                   int limit)
{
    return pageOf(m_s.call(QStringLiteral("history.records"), {{QStringLiteral("platform"), platform},
                                                               {QStringLiteral("buyer"), nick},
                                                               {QStringLiteral("query"), query},
                                                               {QStringLiteral("limit"), limit}}));
}

namespace {

QFuture<Result<qint64>> countOf(QFuture<Result<QJsonValue>> answer)
{
    return answer.then([](const Result<QJsonValue>& r) -> Result<qint64> {
        if (!r) {
            return r.error();
        }
        return static_cast<qint64>(r->toDouble());
    });
}

} // namespace

QFuture<Result<qint64>> RemoteHistory::remove(const QString& platform, const QString& nick,
                                              const std::vector<MessageId>& ids)
{
    QJsonArray list;
    for (MessageId id : ids) {
        list.append(static_cast<double>(id.value()));
    }
    return countOf(m_s.call(
        QStringLiteral("history.delete"),
        {{QStringLiteral("platform"), platform}, {QStringLiteral("buyer"), nick}, {QStringLiteral("ids"), list}},
        true));
}

QFuture<Result<qint64>> RemoteHistory::removeAll(const QString& platform, const QString& nick, const QString& typedName)
{
    return countOf(m_s.call(QStringLiteral("history.deleteAll"),
                            {{QStringLiteral("platform"), platform},
                             {QStringLiteral("buyer"), nick},
                             {QStringLiteral("typedName"), typedName}},
                            true));
}

QFuture<Result<ImportReport>> RemoteHistory::import(QIODevice&, const ImportOptions&)
{
    return ready<Result<ImportReport>>(Error::invalid(unservedReason("History import")));
}

QFuture<Result<AgentReport>> RemoteReports::agents(Timestamp from, Timestamp to, int slowSeconds)
{
    return m_s
        .call(QStringLiteral("reports.agents"), {{QStringLiteral("from"), static_cast<double>(from.ms())},
                                                 {QStringLiteral("to"), static_cast<double>(to.ms())},
                                                 {QStringLiteral("slow"), slowSeconds}})
        .then([](const Result<QJsonValue>& r) -> Result<AgentReport> {
            if (!r) {
                return r.error();
            }
            return protocol::agentReportFromJson(r->toObject());
        });
}

QFuture<Result<Simulation::Outcome>> UnservedSimulation::run(const SimRunOptions&)
{
    return ready<Result<Simulation::Outcome>>(Error::invalid(unservedReason("The routing simulation")));
}

} // namespace shopdesk::session
