#include "session/remote/RemoteUnserved.h"

#include "protocol/Codec.h"
#include "session/remote/RemoteSession.h"

#include <QCoreApplication>

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
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "Buyer notes"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "History search"),
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

Result<BuyerNotes> UnservedBuyers::notes(const QString&, const QString&)
{
    return Error::invalid(unservedReason("Buyer notes"));
}

QFuture<Status> UnservedBuyers::setNotes(const QString&, const QString&, const BuyerNotes&)
{
    return ready<Status>(Error::invalid(unservedReason("Buyer notes")));
}

QFuture<Result<platform::BuyerProfile>> UnservedBuyers::profile(const QString&)
{
    return ready<Result<platform::BuyerProfile>>(Error::invalid(unservedReason("Buyer notes")));
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

QFuture<Result<qint64>> RemoteHistory::remove(const QString&, const QString&, const std::vector<MessageId>&)
{
    return ready<Result<qint64>>(Error::invalid(unservedReason("History search")));
}

QFuture<Result<qint64>> RemoteHistory::removeAll(const QString&, const QString&, const QString&)
{
    return ready<Result<qint64>>(Error::invalid(unservedReason("History search")));
}

QFuture<Result<ImportReport>> RemoteHistory::import(QIODevice&, const ImportOptions&)
{
    return ready<Result<ImportReport>>(Error::invalid(unservedReason("History search")));
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
